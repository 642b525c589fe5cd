package org.echarge.api.point;

import java.time.Instant;

/**
 * Session data of a point (objects 74 to 78): the running session, the last finished one and the
 * total energy, which survive restarts and power cuts. Instants are {@code null} where there is
 * no such session yet.
 *
 * @param runningSince start of the session in progress
 * @param runningEnergyWattHour energy of the session in progress so far
 * @param totalEnergyWattHour all energy delivered through the point, the running session included
 */
public record SessionInfo(Instant runningSince, double runningEnergyWattHour, Instant lastStart, Instant lastEnd,
        double lastEnergyWattHour, double totalEnergyWattHour) {

    public static final SessionInfo NONE = new SessionInfo(null, 0, null, null, 0, 0);

    /** Duration of the last finished session in seconds (object 78), 0 before the first one. */
    public long lastDurationSeconds() {
        return lastStart == null ? 0 : java.time.Duration.between(lastStart, lastEnd).toSeconds();
    }
}
