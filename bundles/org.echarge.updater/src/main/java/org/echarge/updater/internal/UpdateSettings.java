package org.echarge.updater.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The updater's validated configuration.
 *
 * @param probeInterval how often the health check looks at the driver's services and points
 */
record UpdateSettings(Path publicKeyFile, long maxPackageBytes, Duration driverTimeout, Duration pointTimeout,
        Duration probeInterval, int historyEntries) {

    static final Duration PROBE_INTERVAL = Duration.ofMillis(200);

    /** Validates all attributes at once; the exception lists every problem. */
    static UpdateSettings of(DriverUpdaterConfig config, Path baseDirectory) {
        List<String> errors = new ArrayList<>();
        Path key = null;
        try {
            key = baseDirectory.resolve(config.publicKeyFile()).normalize();
        } catch (InvalidPathException e) {
            errors.add("publicKeyFile '" + config.publicKeyFile() + "' is not a path");
        }
        if (config.publicKeyFile().isBlank()) {
            errors.add("publicKeyFile is empty");
        }
        positive(errors, "maxPackageMebibytes", config.maxPackageMebibytes());
        positive(errors, "driverTimeoutSeconds", config.driverTimeoutSeconds());
        positive(errors, "pointTimeoutSeconds", config.pointTimeoutSeconds());
        positive(errors, "historyEntries", config.historyEntries());
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration org.echarge.updater: "
                    + String.join("; ", errors));
        }
        return new UpdateSettings(key, config.maxPackageMebibytes() * 1024L * 1024L,
                Duration.ofSeconds(config.driverTimeoutSeconds()), Duration.ofSeconds(config.pointTimeoutSeconds()),
                PROBE_INTERVAL, config.historyEntries());
    }

    private static void positive(List<String> errors, String name, int value) {
        if (value < 1) {
            errors.add(name + " must be at least 1, not " + value);
        }
    }
}
