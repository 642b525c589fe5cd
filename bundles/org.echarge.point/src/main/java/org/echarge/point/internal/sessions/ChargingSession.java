package org.echarge.point.internal.sessions;

import java.time.Duration;
import java.time.Instant;

/** A finished charging session (plug-in to unplug). {@code rfidTag} is null when no card was used. */
public record ChargingSession(int point, Instant start, Instant end, double energyWattHour, String rfidTag) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
