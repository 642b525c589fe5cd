package org.echarge.point.internal.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Object 53 "Charging complete": set when, during a session, the measured current stays below
 * the threshold for longer than the configured time; reset at once when the current rises above
 * the threshold again or the vehicle leaves. Not thread-safe.
 */
public final class ChargingComplete {

    private final double thresholdAmpere;
    private final Duration time;
    private Instant belowSince;

    public ChargingComplete(double thresholdAmpere, Duration time) {
        this.thresholdAmpere = thresholdAmpere;
        this.time = time;
    }

    /**
     * @param currentAmpere the measured charging current (highest phase); NaN when not measured,
     *     which keeps the present judgement
     * @return whether charging is complete
     */
    public boolean update(boolean vehicleConnected, double currentAmpere, Instant now) {
        if (!vehicleConnected || currentAmpere > thresholdAmpere) {
            belowSince = null;
            return false;
        }
        if (Double.isNaN(currentAmpere)) {
            return belowSince != null && Duration.between(belowSince, now).compareTo(time) > 0;
        }
        if (belowSince == null) {
            belowSince = now;
        }
        return Duration.between(belowSince, now).compareTo(time) > 0;
    }
}
