package org.echarge.web.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** A {@link ConsoleSecurity} in a temporary Karaf home, with a cheap hash (for tests in other packages). */
public final class TestConsoleSecurity {

    private TestConsoleSecurity() {
    }

    /** Writes {@code initialPassword} to {@code <home>/etc/initial-admin-password} the way bin/setenv does. */
    public static ConsoleSecurity create(Path home, String initialPassword, Clock clock) throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Path file = home.resolve("etc/initial-admin-password");
        Files.writeString(file, initialPassword + "\n");
        Files.setPosixFilePermissions(file, AtomicFile.OWNER_ONLY_FILE);
        return new ConsoleSecurity(home.resolve("data/echarge/console"), home.resolve("etc"), clock,
                new SecureRandom(), PasswordHasher.MIN_ITERATIONS);
    }
}
