package org.echarge.dlm.sim;

import java.util.List;

/**
 * A site to simulate, read from JSON (format: the module README). Times are seconds from the
 * start, currents in A, energy in Wh.
 */
public record Scenario(String name, int durationSeconds, Integer stepSeconds, Site site, Meter meter,
        List<Point> points, List<Load> load, List<Integer> highPowerEvents, List<Vehicle> vehicles,
        List<Period> meterOutages, List<GridControl> gridControl, Jitter jitter) {

    public Scenario {
        stepSeconds = stepSeconds == null ? 1 : stepSeconds;
        highPowerEvents = highPowerEvents == null ? List.of() : highPowerEvents;
        meterOutages = meterOutages == null ? List.of() : meterOutages;
        gridControl = gridControl == null ? List.of() : gridControl;
        jitter = jitter == null ? new Jitter(0, 0, null) : jitter;
    }

    /**
     * @param strategy "rotate" or "interrupt-all"
     * @param settlingSeconds after a high power device report
     */
    public record Site(double fuseAmpere, double reserveAmpere, Double phaseVoltage, Integer prioritisedPoint,
            String strategy, Integer settlingSeconds, Integer monitoringIntervalSeconds, Integer sliceSeconds) {
    }

    /**
     * @param measurement "current" or "power"
     * @param sendOnChange also send when a value changed by more than changeThresholdAmpere
     */
    public record Meter(String measurement, int phases, int sendIntervalSeconds, boolean sendOnChange,
            Double changeThresholdAmpere) {
    }

    /** @param phase the building phase a 1-phase point is wired to ("L1".."L3") */
    public record Point(int number, int phases, String phase, double minAmpere, double maxAmpere, Boolean metered) {
    }

    /** From {@code at} on, the non-charging load per phase is {@code ampere}. */
    public record Load(int at, double[] ampere) {
    }

    /**
     * @param phases 1 or 3: how many phases the vehicle's on-board charger uses
     * @param responseSeconds how long it takes to follow a new setpoint
     * @param drawFactor share of the signalled current it draws (default 0.95)
     */
    public record Vehicle(String name, int point, int arrival, int departure, double energyWh, double maxAmpere,
            int phases, int responseSeconds, Double drawFactor) {
    }

    public record Period(int from, int to) {
    }

    /**
     * A real site: the house load flickers around its steps, a vehicle's draw wanders around what it
     * was told, and the points are polled less often than the meter sends.
     *
     * @param houseAmpere the house load per phase is its step value +- up to this, anew every second
     * @param vehicleAmpere a drawing vehicle's current +- up to this
     * @param pollSeconds the points are polled every so many seconds (default: every step)
     */
    public record Jitter(double houseAmpere, double vehicleAmpere, Integer pollSeconds) {
    }

    /** Objects 1/2: grid-supporting control at 0 A or 6 A. */
    public record GridControl(int from, int to, double ampere) {
    }
}
