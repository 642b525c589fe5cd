package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.echarge.web.internal.security.ConsoleAccount.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleAccountTest {

    private static final String INITIAL = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path data;

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new SecureRandom());

    @Test
    void firstStartCreatesTheAccountFromTheInitialPasswordThatMustBeChanged() throws IOException {
        ConsoleAccount account = open();

        assertTrue(account.verify("admin", INITIAL));
        assertFalse(account.verify("root", INITIAL));
        assertFalse(account.verify("admin", "wrong"));
        assertTrue(account.mustChangePassword());
        assertTrue(Files.exists(data.resolve(CredentialStore.FILE_NAME)));
    }

    @Test
    void theInitialPasswordIsAskedForOnlyWhenNothingIsStored() throws IOException {
        open();
        ConsoleAccount reopened = ConsoleAccount.open(new CredentialStore(data), hasher, () -> {
            throw new AssertionError("initial password read again");
        });
        assertTrue(reopened.verify("admin", INITIAL));
    }

    @Test
    void passwordRulesAndOldPasswordAreCheckedBeforeAnythingChanges() throws IOException {
        ConsoleAccount account = open();
        String before = Files.readString(data.resolve(CredentialStore.FILE_NAME));

        assertEquals(Change.WRONG_PASSWORD, account.change("not the old one", "a-good-new-password").outcome());
        assertEquals(Change.REFUSED, account.change(INITIAL, "nine char").outcome());
        assertEquals(Change.REFUSED, account.change(INITIAL, "x".repeat(PasswordPolicy.MAX_LENGTH + 1)).outcome());
        assertEquals(Change.REFUSED, account.change(INITIAL, " ".repeat(12)).outcome());
        ConsoleAccount.ChangeResult same = account.change(INITIAL, INITIAL);
        assertEquals(Change.REFUSED, same.outcome());
        assertTrue(same.reason().contains("initial"), same.reason());

        assertEquals(before, Files.readString(data.resolve(CredentialStore.FILE_NAME)));
        assertTrue(account.mustChangePassword());
        assertTrue(account.verify("admin", INITIAL));
    }

    @Test
    void aChangedPasswordIsStoredAndSurvivesARestart() throws IOException {
        ConsoleAccount account = open();
        assertEquals(Change.CHANGED, account.change(INITIAL, "ten chars!").outcome());

        assertTrue(account.verify("admin", "ten chars!"));
        assertFalse(account.verify("admin", INITIAL));
        assertFalse(account.mustChangePassword());
        ConsoleAccount restarted = ConsoleAccount.open(new CredentialStore(data), hasher, () -> "never used");
        assertTrue(restarted.verify("admin", "ten chars!"));
        assertFalse(restarted.mustChangePassword());
        assertEquals(Change.REFUSED, restarted.change("ten chars!", INITIAL).outcome());
    }

    @Test
    void resetGoesBackToTheInitialPasswordWhichMustBeChangedAgain() throws IOException {
        ConsoleAccount account = open();
        account.change(INITIAL, "my own password");

        account.resetToInitial();

        assertTrue(account.verify("admin", INITIAL));
        assertFalse(account.verify("admin", "my own password"));
        assertTrue(account.mustChangePassword());
        ConsoleAccount restarted = ConsoleAccount.open(new CredentialStore(data), hasher, () -> "never used");
        assertTrue(restarted.verify("admin", INITIAL));
        assertTrue(restarted.mustChangePassword());
    }

    @Test
    void whenTheStoreFailsThePasswordStaysAsItWas() throws IOException {
        ConsoleAccount account = open();
        Path file = data.resolve(CredentialStore.FILE_NAME);
        Files.delete(file);
        Files.createDirectory(file); // the rename onto it fails

        assertThrows(IOException.class, () -> account.change(INITIAL, "a-good-new-password"));

        assertTrue(account.verify("admin", INITIAL));
        assertFalse(account.verify("admin", "a-good-new-password"));
        assertTrue(account.mustChangePassword());
    }

    private ConsoleAccount open() throws IOException {
        return ConsoleAccount.open(new CredentialStore(data), hasher, () -> INITIAL);
    }
}
