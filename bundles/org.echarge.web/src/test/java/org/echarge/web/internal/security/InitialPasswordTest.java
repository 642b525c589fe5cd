package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialPasswordTest {

    @TempDir
    Path etc;

    @Test
    void takesThePasswordThatSetenvWrote() throws IOException {
        Path file = etc.resolve("initial-admin-password");
        Files.writeString(file, "0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        InitialPassword initial = InitialPassword.readOrCreate(etc, new SecureRandom());

        assertEquals("0123456789abcdef0123456789abcdef", initial.password());
        assertFalse(initial.created());
        assertEquals("0123456789abcdef0123456789abcdef\n", Files.readString(file));
        assertFalse(initial.toString().contains(initial.password()));
    }

    @Test
    void createsAnOwnerOnlyFileWhenStartedWithoutSetenv() throws IOException {
        InitialPassword first = InitialPassword.readOrCreate(etc, new SecureRandom());
        Path file = etc.resolve("initial-admin-password");

        assertTrue(first.created());
        assertTrue(first.password().matches("[0-9a-f]{32}"), first.password());
        assertEquals(first.password() + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        InitialPassword again = InitialPassword.readOrCreate(etc, new SecureRandom());
        assertFalse(again.created());
        assertEquals(first.password(), again.password());
        assertNotEquals(first.password(), InitialPassword.readOrCreate(Files.createDirectory(etc.resolve("other")),
                new SecureRandom()).password());
    }

    @Test
    void anEmptyFileIsReplacedAndAReadableOneIsMadeOwnerOnly() throws IOException {
        Path file = etc.resolve("initial-admin-password");
        Files.writeString(file, "  \n");
        assertTrue(InitialPassword.readOrCreate(etc, new SecureRandom()).created());

        Files.writeString(file, "installer-chosen-password\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("installer-chosen-password", InitialPassword.readOrCreate(etc, new SecureRandom()).password());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
