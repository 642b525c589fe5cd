package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher production = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom());
    private final PasswordHasher cheap = new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new SecureRandom());

    @Test
    void productionHashIsSlowSaltedPbkdf2AndVerifies() {
        PasswordHash hash = production.hash("correct horse battery");

        assertEquals("PBKDF2WithHmacSHA256", hash.algorithm());
        assertTrue(hash.iterations() >= 310_000, "iterations " + hash.iterations());
        assertEquals(16, hash.salt().length);
        assertEquals(32, hash.hash().length);
        assertTrue(production.verify("correct horse battery", hash));
        assertFalse(production.verify("correct horse batterY", hash));
        assertFalse(production.verify("", hash));
        assertFalse(production.verify(null, hash));
    }

    @Test
    void samePasswordGetsAFreshSaltAndHashEachTime() {
        PasswordHash first = cheap.hash("same password");
        PasswordHash second = cheap.hash("same password");

        assertFalse(Arrays.equals(first.salt(), second.salt()));
        assertFalse(Arrays.equals(first.hash(), second.hash()));
        assertTrue(cheap.verify("same password", first));
        assertTrue(cheap.verify("same password", second));
    }

    @Test
    void verifiesWithTheIterationCountStoredInTheHash() {
        PasswordHash old = cheap.hash("stored long ago");
        PasswordHasher stronger = new PasswordHasher(PasswordHasher.MIN_ITERATIONS * 3, new SecureRandom());

        assertTrue(stronger.verify("stored long ago", old));
        assertEquals(PasswordHasher.MIN_ITERATIONS * 3, stronger.hash("new").iterations());
        PasswordHash tampered = new PasswordHash(old.algorithm(), old.iterations() + 1, old.salt(), old.hash());
        assertFalse(stronger.verify("stored long ago", tampered));
    }

    @Test
    void composedAndDecomposedUmlautsAreTheSamePassword() {
        PasswordHash hash = cheap.hash("Gr\u00fc\u00dfe aus K\u00f6ln");
        assertTrue(cheap.verify("Gru\u0308\u00dfe aus Ko\u0308ln", hash));
    }

    @Test
    void damagedOrForeignHashesAreRefused() {
        PasswordHash valid = cheap.hash("x");
        byte[] salt = valid.salt();
        byte[] digest = valid.hash();
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash("PBKDF2WithHmacSHA1", 1000, salt, digest));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash(valid.algorithm(), 999, salt, digest));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordHash(valid.algorithm(), 1000, Arrays.copyOf(salt, 8), digest));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordHash(valid.algorithm(), 1000, salt, Arrays.copyOf(digest, 31)));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(10, new SecureRandom()));
    }

    @Test
    void hashIsACopyThatCallersCannotChange() {
        PasswordHash hash = cheap.hash("immutable");
        byte[] leaked = hash.hash();
        Arrays.fill(leaked, (byte) 0);
        assertFalse(Arrays.equals(leaked, hash.hash()));
        assertTrue(cheap.verify("immutable", hash));
    }
}
