package org.echarge.web.internal.security;

/**
 * What {@code credentials.json} holds: the console user, the hash of the initial password (for
 * factory reset and the "not the initial password" rule), the hash of the current one, and
 * whether the current one must be changed before the console can be used.
 */
record ConsoleCredentials(int format, String user, PasswordHash initial, PasswordHash current,
        boolean mustChangePassword) {

    static final int FORMAT = 1;

    ConsoleCredentials {
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown credentials format " + format);
        }
        if (user == null || user.isBlank() || initial == null || current == null) {
            throw new IllegalArgumentException("user, initial and current are required");
        }
    }

    static ConsoleCredentials firstStart(String user, PasswordHash initial) {
        return new ConsoleCredentials(FORMAT, user, initial, initial, true);
    }

    ConsoleCredentials withPassword(PasswordHash password) {
        return new ConsoleCredentials(FORMAT, user, initial, password, false);
    }

    ConsoleCredentials backToInitial() {
        return firstStart(user, initial);
    }
}
