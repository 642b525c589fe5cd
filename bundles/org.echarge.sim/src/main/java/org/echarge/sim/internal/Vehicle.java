package org.echarge.sim.internal;

/**
 * A simulated electric vehicle.
 *
 * @param phases phases its on-board charger uses (1 or 3)
 * @param ventilation asks for ventilation while charging (IEC 61851 state D)
 * @param rfid first 4 bytes of the card used, 0 for none
 * @param evccId ISO 15118 EVCCID, empty when the vehicle does not speak ISO 15118
 */
record Vehicle(String name, double maxCurrentAmpere, int phases, double energyWantedWattHour, boolean ventilation,
        long rfid, String evccId) {
}
