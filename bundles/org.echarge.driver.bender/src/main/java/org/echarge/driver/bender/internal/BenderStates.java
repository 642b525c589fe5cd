package org.echarge.driver.bender.internal;

import org.echarge.api.point.PointState;

/**
 * Maps the control pilot state (register 122) and the OCPP status (104) onto the gateway states. The
 * pilot state alone cannot tell a charging car from one the controller holds at 0 A: with the HEMS
 * limit at 0 the car still asks (122 stays 3, C) while 104 says SuspendedEVSE (fact sheet, sections 4
 * and 12). So 104 decides between charging and suspended, 122 whether a car is there.
 */
final class BenderStates {

    // 122: IEC 61851 control pilot state
    static final int A = 1;
    static final int B = 2;
    static final int C = 3;
    static final int D = 4;
    static final int E = 5;

    // 104: OCPP charge point status
    static final int AVAILABLE = 0;
    static final int OCCUPIED = 1;
    static final int RESERVED = 2;
    static final int UNAVAILABLE = 3;
    static final int FAULTED = 4;
    static final int PREPARING = 5;
    static final int CHARGING = 6;
    static final int SUSPENDED_EVSE = 7;
    static final int SUSPENDED_EV = 8;
    static final int FINISHING = 9;

    private BenderStates() {
    }

    /**
     * @param belowRequest the controller holds less current than the gateway asked for (its safe current
     *     after a restart or a lapse, or another master's limit)
     */
    static PointState map(long vehicleState, long ocppStatus, boolean belowRequest) {
        if (ocppStatus == FAULTED || vehicleState == E) {
            return PointState.ERROR;
        }
        if (vehicleState < A || vehicleState > E || ocppStatus < AVAILABLE || ocppStatus > FINISHING) {
            return PointState.ILLEGAL;
        }
        if (ocppStatus == UNAVAILABLE) {
            return PointState.NOT_AVAILABLE; // set inoperative (back office, installer)
        }
        return switch ((int) vehicleState) {
            case A -> ocppStatus == RESERVED ? PointState.NOT_AVAILABLE : PointState.AVAILABLE;
            // B: the car does not ask. SuspendedEVSE: the controller offers nothing (HEMS limit 0)
            case B -> ocppStatus == SUSPENDED_EVSE ? PointState.INTERRUPTION : PointState.CONNECTED;
            default -> carAsks(vehicleState == D, ocppStatus, belowRequest);
        };
    }

    /** C or D: the car asks for energy; 104 says whether the controller lets it charge. */
    private static PointState carAsks(boolean ventilation, long ocppStatus, boolean belowRequest) {
        return switch ((int) ocppStatus) {
            // held at 0 A (HEMS limit 0, load management), or not started yet (authorisation pending)
            case SUSPENDED_EVSE, PREPARING -> PointState.INTERRUPTION;
            case SUSPENDED_EV, FINISHING -> PointState.CONNECTED;
            default -> ventilation ? PointState.CHARGE_VENTILATION
                    : belowRequest ? PointState.CHARGE_REDUCED : PointState.CHARGE;
        };
    }

    static boolean vehicleConnected(long vehicleState) {
        return vehicleState == B || vehicleState == C || vehicleState == D;
    }

    static boolean charging(long vehicleState, long ocppStatus) {
        return map(vehicleState, ocppStatus, false).isCharging();
    }
}
