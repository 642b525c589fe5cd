package org.echarge.api.point;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A finished charging session (plug-in to unplug) from the session history.
 *
 * @param rfidTag the RFID card of the session, {@code null} when none was used
 */
public record FinishedSession(int point, Instant start, Instant end, double energyWattHour, String rfidTag) {

    public FinishedSession {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
