package org.echarge.api.dlm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.echarge.api.PhaseValues;

/**
 * What DLM is doing, for the web console and the log.
 *
 * @param limitAmpere per phase: fuse rating minus load reserve
 * @param meterAmpere per phase: the last smart meter reading, as current
 * @param nonChargingAmpere per phase: the meter reading minus what the chargers draw
 * @param lastReading when the last meter value (or sign of life) arrived, {@code null} if none yet
 * @param points one entry per configured point
 * @param problems what is wrong with the configuration (e.g. minimums that cannot all fit), for the installer
 */
public record DlmStatus(Mode mode, PhaseValues limitAmpere, PhaseValues meterAmpere, PhaseValues nonChargingAmpere,
        Instant lastReading, boolean overCurrent, List<PointShare> points, List<String> problems) {

    public DlmStatus {
        Objects.requireNonNull(mode, "mode");
        points = List.copyOf(points);
        problems = List.copyOf(problems);
    }

    public static final DlmStatus OFF = new DlmStatus(Mode.OFF, PhaseValues.NOT_MEASURED, PhaseValues.NOT_MEASURED,
            PhaseValues.NOT_MEASURED, null, false, List.of(), List.of());

    public DlmStatus withProblems(List<String> problems) {
        return new DlmStatus(mode, limitAmpere, meterAmpere, nonChargingAmpere, lastReading, overCurrent, points,
                problems);
    }

    public enum Mode {
        /** DLM is off: every point charges at its own setpoint. */
        OFF,
        /** Distribution from the smart meter's readings. */
        NORMAL,
        /** A high power-consuming device switched on: every point at its minimum until it settles. */
        SETTLING,
        /** No meter reading within the monitoring interval: every point at its minimum. */
        EMERGENCY
    }

    /**
     * @param targetAmpere what the allocator gives the point now
     * @param commandedAmpere what the point has been told (lags the target while ramping up and
     *     while others are still lowering)
     * @param drawAmpere what the point draws now per phase of the building (measured or assumed)
     * @param reason why the point gets nothing, or {@code ""}
     */
    public record PointShare(int number, boolean wantsCurrent, double targetAmpere, double commandedAmpere,
            PhaseValues drawAmpere, String reason) {
    }
}
