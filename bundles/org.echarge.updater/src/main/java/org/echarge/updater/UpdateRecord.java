package org.echarge.updater;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the update history keeps of an {@link UpdateReport}.
 *
 * @param symbolicName the driver bundle, empty when the package could not be read
 * @param fromVersion the version installed before, empty when unknown
 * @param toVersion the version the package offered, empty when unknown
 * @param longestPointOutage the longest outage of the driver's points, {@code null} when not measured
 */
public record UpdateRecord(Instant time, UpdateOutcome outcome, String symbolicName, String fromVersion,
        String toVersion, Duration longestPointOutage, String message) {

    public UpdateRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(message, "message");
    }

    public Optional<Duration> pointOutage() {
        return Optional.ofNullable(longestPointOutage);
    }
}
