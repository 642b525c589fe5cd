package org.echarge.driver.alfen.internal;

import java.util.Set;

import org.echarge.api.point.PointState;

/**
 * Maps a socket's mode 3 state (register 1201, the IEC 61851 state as text, Alfen document section
 * 3.4.1) and its availability (1200) onto the gateway states.
 */
final class AlfenStates {

    /** 1200: the socket was set inoperative (e.g. by the back office). */
    static final long INOPERATIVE = 0;

    /** Mode 3 states with the vehicle plugged in (9 V, 6 V or 3 V on the control pilot). */
    private static final Set<String> VEHICLE = Set.of("B1", "B2", "C1", "C2", "D1", "D2");
    /** PWM on and the vehicle asking for energy. */
    private static final Set<String> CHARGING = Set.of("C2", "D2");

    private AlfenStates() {
    }

    /**
     * @param belowRequest the socket charges with less current than the gateway asked for (safe current
     *     after a lapse, derating, other limits of the station)
     */
    static PointState map(String mode3State, long availability, boolean belowRequest) {
        if ("F".equals(mode3State)) {
            return PointState.ERROR; // Alfen: "State F indicates an error state"
        }
        if (availability == INOPERATIVE) {
            return PointState.NOT_AVAILABLE;
        }
        return switch (mode3State) {
            // E (0 V) is what Alfen firmware 6.x reports without a car, not a fault (evcc #8396)
            case "A", "E" -> PointState.AVAILABLE;
            // no PWM with a car: the station offers nothing (setpoint 0 or below 6 A, not authorised);
            // C1/D1 pass while the car reacts to the PWM being withdrawn (evcc #2838)
            case "B1", "C1", "D1" -> PointState.INTERRUPTION;
            case "B2" -> PointState.CONNECTED;
            case "C2" -> belowRequest ? PointState.CHARGE_REDUCED : PointState.CHARGE;
            case "D2" -> PointState.CHARGE_VENTILATION;
            default -> PointState.ILLEGAL;
        };
    }

    static boolean vehicleConnected(String mode3State) {
        return VEHICLE.contains(mode3State);
    }

    static boolean charging(String mode3State) {
        return CHARGING.contains(mode3State);
    }
}
