package org.echarge.driver.vestel.internal;

import org.echarge.api.point.PointState;

/**
 * Maps the box's charge point state (register 1000, OCPP-like), charging state (1001) and cable state (1004) onto
 * the gateway states.
 */
final class VestelStates {

    static final int AVAILABLE = 0;
    static final int PREPARING = 1;
    static final int CHARGING = 2;
    static final int SUSPENDED_EVSE = 3;
    static final int SUSPENDED_EV = 4;
    static final int FINISHING = 5;
    static final int RESERVED = 6;
    static final int UNAVAILABLE = 7;
    static final int FAULTED = 8;

    /** Cable state 2 (vehicle connected) and 3 (vehicle connected, cable locked); 1 is a cable without a car. */
    private static final long VEHICLE_CONNECTED = 2;
    private static final long CABLE_STATES = 4;

    private VestelStates() {
    }

    /**
     * @param belowRequest the box offers less current (1100) than the gateway asked for, beyond what the box and
     *     the cable allow anyway (failsafe current, derating)
     */
    static PointState map(long chargePointState, long chargingState, long cableState, boolean belowRequest) {
        if (cableState < 0 || cableState >= CABLE_STATES || chargingState > 1) {
            return PointState.ILLEGAL;
        }
        boolean vehicle = vehicleConnected(cableState);
        PointState charge = belowRequest ? PointState.CHARGE_REDUCED : PointState.CHARGE;
        // 1001 = 1 (C2) while 1000 still shows the state before or after Charging: the vehicle draws
        boolean drawing = vehicle && chargingState == 1;
        return switch ((int) Math.min(chargePointState, Integer.MAX_VALUE)) {
            // Preparing: plugged in, the session about to start (authorisation, the car reacting); Finishing: the
            // session ended and the car is still plugged in; SuspendedEV: current offered, the car does not draw
            case AVAILABLE, PREPARING, SUSPENDED_EV, FINISHING -> !vehicle ? PointState.AVAILABLE
                    : drawing ? charge : PointState.CONNECTED;
            case CHARGING -> vehicle ? charge : PointState.ILLEGAL;
            // the box offers no current: paused at 0 A, a failsafe current of 0 A, or its own protection
            case SUSPENDED_EVSE -> vehicle ? PointState.INTERRUPTION : PointState.AVAILABLE;
            case RESERVED, UNAVAILABLE -> PointState.NOT_AVAILABLE;
            case FAULTED -> PointState.ERROR;
            default -> PointState.ILLEGAL;
        };
    }

    static boolean vehicleConnected(long cableState) {
        return cableState >= VEHICLE_CONNECTED && cableState < CABLE_STATES;
    }
}
