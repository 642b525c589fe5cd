package org.echarge.web.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK: 16-byte random salt per hash, 256-bit output, constant-time
 * comparison. Passwords are NFC-normalised first, so the same characters typed on different
 * keyboards (composed or decomposed umlauts) give the same hash.
 */
final class PasswordHasher {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's 2021 figure for PBKDF2-HMAC-SHA256: about 0.15 s per hash on one x86 core. */
    static final int DEFAULT_ITERATIONS = 310_000;
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 10_000_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final int iterations;
    private final SecureRandom random;

    PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
        this.random = random;
    }

    PasswordHash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(ALGORITHM, iterations, salt, derive(password, salt, iterations));
    }

    /** With the stored salt and iteration count; {@code false} for a {@code null} password. */
    boolean verify(String password, PasswordHash stored) {
        if (password == null) {
            return false;
        }
        return MessageDigest.isEqual(derive(password, stored.salt(), stored.iterations()), stored.hash());
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = Normalizer.normalize(password, Normalizer.Form.NFC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
