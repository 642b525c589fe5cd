package org.echarge.sim.control;

/** One running simulated station (a service). */
public interface SimulatedStationControl {

    String serialNumber();

    /** The TCP port on 127.0.0.1 the station serves Modbus on. */
    int port();

    /**
     * Plugs a vehicle in (the one there leaves first). It charges on {@code phases} phases at up to
     * {@code maxCurrentAmpere}, drawing 95 % of what the station allows, until it has
     * {@code energyWantedWattHour}; it stays until {@link #unplug()}, or until the station's own
     * vehicle schedule (property {@code vehicles}) takes it away.
     *
     * @throws IllegalArgumentException for phases other than 1 or 3, or a current or energy below 0
     */
    void plugIn(String name, double maxCurrentAmpere, int phases, double energyWantedWattHour);

    void unplug();

    /** Holding register 100 now: the current limit in 0.1 A. */
    int currentLimitRegister();
}
