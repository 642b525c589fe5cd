package org.echarge.updater;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one driver update attempt.
 *
 * @param symbolicName the driver bundle, empty when the package could not be read
 * @param fromVersion the version installed before, empty when unknown
 * @param toVersion the version the package offered, empty when unknown
 * @param message what happened, in words for the installer (the reason of a refusal or rollback)
 * @param started when the attempt began
 * @param duration the whole attempt: verification, update, health check and any rollback
 * @param driverOutage from the start of the bundle update until the driver's services were
 *     registered again (by the new version, or by the restored one); {@code null} when nothing was
 *     replaced or the services did not come back
 * @param points the driver's points that answered before the update, with their outage
 * @param notChecked the driver's points that had not answered recently before the update, so their
 *     answer could not be part of the health check
 */
public record UpdateReport(UpdateOutcome outcome, String symbolicName, String fromVersion, String toVersion,
        String message, Instant started, Duration duration, Duration driverOutage, List<PointOutage> points,
        List<Integer> notChecked) {

    public UpdateReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
        points = List.copyOf(points);
        notChecked = List.copyOf(notChecked);
    }

    public boolean succeeded() {
        return outcome == UpdateOutcome.UPDATED;
    }

    /** The longest outage among the points that answered again. */
    public Optional<Duration> longestPointOutage() {
        return points.stream().flatMap(point -> point.outage().stream()).max(Comparator.naturalOrder());
    }

    public UpdateRecord toRecord() {
        return new UpdateRecord(started, outcome, symbolicName, fromVersion, toVersion,
                longestPointOutage().orElse(null), message);
    }
}
