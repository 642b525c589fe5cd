package org.echarge.driver.abb.internal;

import org.echarge.api.point.PointState;

/**
 * Maps the Terra AC's charging state (register 400Ch), error code (4008h) and socket lock state (400Ah) onto the
 * gateway states. 400Ch packs three things into its u32: bits 8-14 the state (IEC 61851 letters as ABB numbers them),
 * bit 15 "below the value commanded by 4100h" (0 = charging at the commanded current), bits 0-7 the availability
 * (0 available, 1 unavailable; a spare byte in ABB's v1.11 document).
 */
final class AbbStates {

    static final int A = 0;
    static final int B1 = 1;
    static final int B2 = 2;
    static final int C1 = 3;
    static final int C2 = 4;
    static final int OTHER = 5;

    /** 400Ch bit 15: the box holds less than 4100h asks for. */
    static final long BELOW_COMMANDED = 0x8000;
    /**
     * 4008h "Modbus communication lost": the code of the Terra AC user manual's troubleshooting table as
     * JernejHren/ABB-Terra-AC lists it (not in the fact sheet); the box sets it when its communication timeout ran out.
     */
    static final long COMMUNICATION_LOST = 0x4000;
    /** 400Ah: the cable is plugged into the vehicle (with or without the cable at the station locked). */
    static final long CABLE_AT_VEHICLE = 0x0100;

    private AbbStates() {
    }

    /** Bits 8-14 of 400Ch. */
    static int code(long chargingState) {
        return (int) (chargingState >>> 8 & 0x7F);
    }

    static boolean belowCommanded(long chargingState) {
        return (chargingState & BELOW_COMMANDED) != 0;
    }

    static int availability(long chargingState) {
        return (int) (chargingState & 0xFF);
    }

    /**
     * @param chargingState register 400Ch as read
     * @param errorCode register 4008h, 0 = no error
     * @param lockState register 400Ah
     */
    static PointState map(long chargingState, long errorCode, long lockState) {
        int code = code(chargingState);
        if (code == C2) {
            // the box may charge on with a warning (e.g. derating for temperature): the code goes to the fault info
            return belowCommanded(chargingState) ? PointState.CHARGE_REDUCED : PointState.CHARGE;
        }
        if (errorCode != 0) {
            return PointState.ERROR;
        }
        if (availability(chargingState) != 0) {
            return PointState.NOT_AVAILABLE;
        }
        return switch (code) {
            case A -> PointState.AVAILABLE;
            // no PWM with a car: the limit in force is below 6 A (paused by the gateway at 0 A, the box's own load
            // management), or the box waits for an authorisation (card or app), as KEBA's "not ready"
            case B1, C1 -> PointState.INTERRUPTION;
            case B2 -> PointState.CONNECTED;
            // "others": the session was stopped (4105h, the cable lock, the box); evcc: B with the cable at the car
            case OTHER -> vehicleConnected(chargingState, lockState) ? PointState.CONNECTED : PointState.AVAILABLE;
            default -> PointState.ILLEGAL;
        };
    }

    /** B1..C2 need a car; otherwise the lock state says whether the cable is plugged into one. */
    static boolean vehicleConnected(long chargingState, long lockState) {
        int code = code(chargingState);
        return code >= B1 && code <= C2 || (lockState & CABLE_AT_VEHICLE) != 0;
    }

    static boolean charging(long chargingState) {
        return code(chargingState) == C2;
    }
}
