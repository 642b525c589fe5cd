package org.echarge.driver.schneider.internal;

import java.util.Set;

import org.echarge.api.point.PointState;

/**
 * Maps the station's IEC 61851 state (register 1, "evState"), its OCPP connector status (150) and the
 * vehicle presence (1150) onto the gateway states.
 */
final class SchneiderStates {

    static final long NOT_AVAILABLE = 1;
    static final long CHARGING = 8;
    static final long CHARGING_VENTILATION = 9;
    static final long CP_INVALID = 10;
    static final long CP_SYMMETRIC_FAULT = 11;
    /** The highest state the document lists; anything above is not an EVlink Pro AC state. */
    static final long HIGHEST = CP_SYMMETRIC_FAULT;

    static final long OCPP_SUSPENDED_EVSE = 5;
    static final long OCPP_UNAVAILABLE = 8;
    static final long OCPP_FAULTED = 9;

    /** States with the vehicle plugged in (B and C). */
    private static final Set<Long> VEHICLE = Set.of(3L, 4L, 5L, 7L, 8L, 9L);
    /** "Available": no vehicle. */
    private static final Set<Long> NO_VEHICLE = Set.of(2L, 6L);

    private SchneiderStates() {
    }

    /**
     * @param belowRequest the station holds less current than the gateway asked for (degraded setpoint after
     *     a lapse of the life bit, its own limit, another master)
     */
    static PointState map(long evState, long ocppStatus, boolean belowRequest) {
        if (evState == CP_INVALID || evState == CP_SYMMETRIC_FAULT || ocppStatus == OCPP_FAULTED) {
            return PointState.ERROR;
        }
        if (evState == NOT_AVAILABLE || ocppStatus == OCPP_UNAVAILABLE) {
            return PointState.NOT_AVAILABLE; // "set unavailable" (command 41) or by the back office
        }
        return switch ((int) Math.min(evState, Integer.MAX_VALUE)) {
            // 0 V on the control pilot, "available not ready", "available ready": no vehicle (evcc counts all as A)
            case 0, 2, 6 -> PointState.AVAILABLE;
            // B1, no PWM: not authorised yet (evcc #9436 trace), 0 A, or suspended by the station;
            // 4 and 5 (C1/D1) pass while the car reacts to the withdrawn PWM
            case 3, 4, 5 -> PointState.INTERRUPTION;
            // B with current offered: the car does not draw (full, its own timer), unless the station suspends it
            case 7 -> ocppStatus == OCPP_SUSPENDED_EVSE ? PointState.INTERRUPTION : PointState.CONNECTED;
            case 8 -> belowRequest ? PointState.CHARGE_REDUCED : PointState.CHARGE;
            case 9 -> PointState.CHARGE_VENTILATION;
            default -> PointState.ILLEGAL;
        };
    }

    /** From the state; from the presence register (1150) where the state says nothing about the car (0, 1, 10, 11). */
    static boolean vehicleConnected(long evState, long presence) {
        if (VEHICLE.contains(evState)) {
            return true;
        }
        return !NO_VEHICLE.contains(evState) && presence == 1;
    }

    static boolean charging(long evState) {
        return evState == CHARGING || evState == CHARGING_VENTILATION;
    }
}
