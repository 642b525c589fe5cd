package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CredentialStoreTest {

    @TempDir
    Path data;

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new SecureRandom());

    @Test
    void nothingStoredYet() throws IOException {
        assertTrue(new CredentialStore(data.resolve("echarge/console")).load().isEmpty());
    }

    @Test
    void storesHashesOnlyOwnerOnlyAndReadsThemBack() throws IOException {
        CredentialStore store = new CredentialStore(data.resolve("echarge/console"));
        PasswordHash initial = hasher.hash("initial-secret-1");
        store.save(ConsoleCredentials.firstStart("admin", initial).withPassword(hasher.hash("changed-secret-2")));

        Path file = data.resolve("echarge/console/credentials.json");
        assertEquals(file, store.file());
        String json = Files.readString(file);
        assertFalse(json.contains("initial-secret-1") || json.contains("changed-secret-2"), json);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals(PasswordHasher.MIN_ITERATIONS, tree.at("/current/iterations").asInt());
        assertEquals("PBKDF2WithHmacSHA256", tree.at("/initial/algorithm").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        ConsoleCredentials loaded = new CredentialStore(data.resolve("echarge/console")).load().orElseThrow();
        assertEquals("admin", loaded.user());
        assertFalse(loaded.mustChangePassword());
        assertTrue(hasher.verify("initial-secret-1", loaded.initial()));
        assertTrue(hasher.verify("changed-secret-2", loaded.current()));
        assertFalse(hasher.verify("initial-secret-1", loaded.current()));
    }

    @Test
    void aFileOthersCouldReadIsMadeOwnerOnly() throws IOException {
        CredentialStore store = new CredentialStore(data);
        store.save(ConsoleCredentials.firstStart("admin", hasher.hash("initial-secret-1")));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertTrue(store.load().isPresent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    }

    @Test
    void aDamagedFileIsAnErrorNotANewAccount() throws IOException {
        CredentialStore store = new CredentialStore(data);
        store.save(ConsoleCredentials.firstStart("admin", hasher.hash("initial-secret-1")));
        String good = Files.readString(store.file());

        List<String> damaged = List.of(good.substring(0, good.length() / 2),
                good.replace("\"format\" : 1", "\"format\" : 2"),
                good.replace("\"user\"", "\"extra\" : 1, \"user\""),
                good.replace("\"iterations\" : 1000", "\"iterations\" : 1"),
                good.replace("\"mustChangePassword\" : true", "\"mustChangePassword\" : \"false\""),
                good.replace("\"user\" : \"admin\"", "\"user\" : 7"), "null", "");
        for (String bad : damaged) {
            assertNotEquals(good, bad);
            Files.writeString(store.file(), bad);
            IOException e = assertThrows(IOException.class, store::load, bad);
            assertTrue(e.getMessage().contains("delete it"), e.getMessage());
        }
    }
}
