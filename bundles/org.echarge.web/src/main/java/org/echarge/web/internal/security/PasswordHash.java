package org.echarge.web.internal.security;

/**
 * A password as stored: PBKDF2 output with its salt and cost, so that the cost can be raised later
 * without breaking stored hashes. Checked on load: a tampered or truncated record is refused.
 */
record PasswordHash(String algorithm, int iterations, byte[] salt, byte[] hash) {

    PasswordHash {
        if (!PasswordHasher.ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported password hash algorithm " + algorithm);
        }
        if (iterations < PasswordHasher.MIN_ITERATIONS || iterations > PasswordHasher.MAX_ITERATIONS) {
            throw new IllegalArgumentException("password hash iterations out of range: " + iterations);
        }
        if (salt == null || salt.length < PasswordHasher.SALT_BYTES) {
            throw new IllegalArgumentException("password hash salt shorter than " + PasswordHasher.SALT_BYTES
                    + " bytes");
        }
        if (hash == null || hash.length != PasswordHasher.HASH_BYTES) {
            throw new IllegalArgumentException("password hash must be " + PasswordHasher.HASH_BYTES + " bytes");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
