package org.echarge.point.internal.sessions;

import java.time.Instant;

/**
 * What a point remembers across restarts: the energy of all finished sessions, the last finished
 * session, and the running one.
 */
public record SessionState(double finishedWattHour, ChargingSession last, Running running) {

    public static final SessionState EMPTY = new SessionState(0, null, null);

    /**
     * A running session. Its energy is the charger's session register where it has one, else the
     * rise of the charger's energy counter above {@code counterBaselineWattHour}.
     */
    public record Running(Instant start, double counterBaselineWattHour, double energyWattHour, String rfidTag) {
    }

    /** All energy delivered through the point, the running session included. */
    public double totalWattHour() {
        return finishedWattHour + (running == null ? 0 : running.energyWattHour());
    }
}
