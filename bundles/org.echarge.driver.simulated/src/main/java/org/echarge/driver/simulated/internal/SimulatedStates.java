package org.echarge.driver.simulated.internal;

import org.echarge.api.point.PointState;

/** Maps the station's IEC 61851 state and status registers onto the gateway states. */
final class SimulatedStates {

    static final int STATUS_CHARGING = 1;
    static final int STATUS_PAUSED = 2;
    static final int STATUS_FAILSAFE = 3;
    static final int STATUS_ERROR = 4;

    private SimulatedStates() {
    }

    static PointState map(int iecState, int status) {
        if (status == STATUS_ERROR) {
            return PointState.ERROR;
        }
        return switch (iecState) {
            case 1 -> PointState.AVAILABLE;
            case 2 -> status == STATUS_PAUSED ? PointState.INTERRUPTION : PointState.CONNECTED;
            // fail-safe: the station charges at its fall-back current, below what was requested
            case 3 -> status == STATUS_FAILSAFE ? PointState.CHARGE_REDUCED : PointState.CHARGE;
            case 4 -> PointState.CHARGE_VENTILATION;
            case 5, 6 -> PointState.ERROR;
            default -> PointState.ILLEGAL;
        };
    }

    static boolean vehicleConnected(int iecState) {
        return iecState >= 2 && iecState <= 4;
    }
}
