package org.echarge.web.internal.security;

import java.util.Optional;

/** What a new console password must be; checked before anything is hashed or stored. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty. Length counts characters (code points), not bytes. */
    static Optional<String> problem(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("the new password must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the new password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return Optional.of("the new password must not be only spaces");
        }
        return Optional.empty();
    }
}
