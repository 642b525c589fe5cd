package org.echarge.driver.abl.internal;

import org.echarge.api.point.PointState;

/**
 * Maps ABL's state code (low byte of 0x0004 and 0x002E) onto the gateway states. The high nibble is the
 * IEC 61851 control pilot state (evcc reduces it the same way); codes from the fact sheet, section 8a.
 */
final class AblStates {

    /** A1: waiting for a car. */
    static final int WAITING = 0xA1;
    /** B1: the car asks for charging, the box gives no permission (paused by 0x0014 = 1000, or EN1 open). */
    static final int NO_PERMISSION = 0xB1;
    /** B2: the car may charge but draws nothing. */
    static final int PERMITTED = 0xB2;
    /** C2: charging. */
    static final int CHARGING = 0xC2;
    /** C3: charging with reduced current (error F16, F17). */
    static final int CHARGING_REDUCED_F16_F17 = 0xC3;
    /** C4: charging with reduced current (imbalance, F15). */
    static final int CHARGING_REDUCED_F15 = 0xC4;
    /** E0: outlet disabled; the box comes up so after power-up (evcc, fact sheet 12). */
    static final int OUTLET_DISABLED = 0xE0;
    /** F4: upstream communication timeout; the timeout itself is not documented. */
    static final int UPSTREAM_TIMEOUT = 0xF4;

    private AblStates() {
    }

    /**
     * @param reduced the flag "duty cycle reduced" of the status report (bit 14 of 0x002F)
     */
    static PointState map(int state, boolean reduced) {
        return switch (state >>> 4) {
            case 0xA -> PointState.AVAILABLE;
            case 0xB -> state == NO_PERMISSION ? PointState.INTERRUPTION : PointState.CONNECTED;
            case 0xC -> reduced || state == CHARGING_REDUCED_F16_F17 || state == CHARGING_REDUCED_F15
                    ? PointState.CHARGE_REDUCED : PointState.CHARGE;
            // E0 outlet disabled, E1 production test, E2 setup mode, E3 bus idle
            case 0xE -> PointState.NOT_AVAILABLE;
            // F1 welded contactor ... FB contactor opened unintentionally
            case 0xF -> PointState.ERROR;
            default -> PointState.ILLEGAL;
        };
    }

    /**
     * A car is plugged in in states B and C. In E and F the state code does not say; there the flag UCP
     * of the status report counts, which is set exactly while a car is connected in the recorded
     * reports (knowhow: A1 and E0 without, B2 and C2 with) [?].
     */
    static boolean vehicleConnected(int state, boolean ucp) {
        return switch (state >>> 4) {
            case 0xA -> false;
            case 0xB, 0xC -> true;
            default -> ucp;
        };
    }

    static boolean charging(int state) {
        return state >>> 4 == 0xC;
    }

    /** F states are ABL's error codes (F1..FB); the runtime shows them as hex. */
    static boolean error(int state) {
        return state >>> 4 == 0xF;
    }
}
