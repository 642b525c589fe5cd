package org.echarge.api.point;

/**
 * What dynamic load management tells one point.
 *
 * @param dlmOn false: DLM is off and the point charges at its own setpoint (object 60)
 * @param currentAmpere with DLM on, the current the point may draw; below the point's minimum it
 *     does not charge
 * @param invalidCurrent with DLM on, why DLM leaves the point out (it then raises
 *     {@code DLM InvCurrent} and may not charge), or {@code null}
 */
public record LoadShare(boolean dlmOn, double currentAmpere, String invalidCurrent) {

    public static final LoadShare OFF = new LoadShare(false, 0, null);

    public LoadShare {
        if (!Double.isFinite(currentAmpere) || currentAmpere < 0) {
            throw new IllegalArgumentException("current must be a finite value >= 0 A, not " + currentAmpere);
        }
    }

    public static LoadShare of(double currentAmpere) {
        return new LoadShare(true, currentAmpere, null);
    }

    public static LoadShare excluded(String reason) {
        return new LoadShare(true, 0, reason);
    }
}
