package org.echarge.sim.internal;

/**
 * A simulated electric vehicle.
 *
 * @param phases phases its on-board charger uses (1 or 3)
 * @param energyWantedWattHour energy until its battery is full
 * @param ventilation asks for ventilation while charging (IEC 61851 state D)
 * @param rfid first 4 bytes of the card used, 0 for none
 * @param evccId ISO 15118 EVCCID, empty when the vehicle does not speak ISO 15118
 */
record Vehicle(String name, double maxCurrentAmpere, int phases, double energyWantedWattHour, boolean ventilation,
        long rfid, String evccId) {

    Vehicle {
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("a vehicle charges on 1 or 3 phases, not " + phases);
        }
        if (maxCurrentAmpere <= 0 || energyWantedWattHour < 0 || rfid < 0 || rfid > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("implausible vehicle " + name);
        }
    }
}
