package org.echarge.dlm.internal;

import java.util.Arrays;

/**
 * What the control loop knows about one point.
 *
 * @param phases the building phases the point is wired to, bit set as in {@link Demand}
 * @param wantsCurrent a vehicle is connected and nothing but DLM keeps it from charging
 * @param charging the charger reports that the vehicle draws current
 * @param drawAmpere per building phase, what the point draws now; {@code null} when the point does not measure
 */
public record PointInput(int number, double minAmpere, double maxAmpere, int phases, boolean wantsCurrent,
        boolean charging, double[] drawAmpere) {

    public boolean measured() {
        return drawAmpere != null;
    }

    /** The highest current on any phase, 0 when not measured. */
    public double highestDraw() {
        return drawAmpere == null ? 0 : Arrays.stream(drawAmpere).max().orElse(0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PointInput o && number == o.number && minAmpere == o.minAmpere
                && maxAmpere == o.maxAmpere && phases == o.phases && wantsCurrent == o.wantsCurrent
                && charging == o.charging && Arrays.equals(drawAmpere, o.drawAmpere);
    }

    @Override
    public int hashCode() {
        return number * 31 + Arrays.hashCode(drawAmpere);
    }

    @Override
    public String toString() {
        return "point " + number + " [" + minAmpere + ", " + maxAmpere + "] A phases " + phases
                + (wantsCurrent ? " wants" : "") + (charging ? " charging" : "") + " draw "
                + Arrays.toString(drawAmpere);
    }
}
