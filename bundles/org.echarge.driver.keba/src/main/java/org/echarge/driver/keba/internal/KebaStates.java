package org.echarge.driver.keba.internal;

import org.echarge.api.point.PointState;

/** Maps KEBA's charging state (register 1000) and cable state (1004) onto the gateway states. */
final class KebaStates {

    static final int STARTING = 0;
    static final int NOT_READY = 1;
    static final int READY = 2;
    static final int CHARGING = 3;
    static final int ERROR = 4;
    static final int INTERRUPTED = 5;

    /** Cable state bit 2: plugged into the vehicle. Bits 0/1 (cable at the station, locked) say nothing about a car. */
    private static final long VEHICLE_PLUGGED = 4;

    private KebaStates() {
    }

    /**
     * @param belowRequest the charger holds less current than the gateway asked for (failsafe current,
     *     derating), beyond what the hardware and cable allow anyway
     */
    static PointState map(long chargingState, long cableState, boolean belowRequest) {
        if (cableState < 0 || cableState > 7) {
            return PointState.ILLEGAL;
        }
        boolean vehicle = vehicleConnected(cableState);
        return switch ((int) Math.min(chargingState, Integer.MAX_VALUE)) {
            case STARTING -> PointState.START_UP;
            // with a vehicle: blocked (disabled through 5014, or waiting for an RFID card); without: idle
            case NOT_READY -> vehicle ? PointState.INTERRUPTION : PointState.AVAILABLE;
            case READY -> vehicle ? PointState.CONNECTED : PointState.AVAILABLE;
            case CHARGING -> !vehicle ? PointState.ILLEGAL
                    : belowRequest ? PointState.CHARGE_REDUCED : PointState.CHARGE;
            case ERROR -> PointState.ERROR;
            // disabled through 5014 = 0, or suspended by the station itself (over-temperature)
            case INTERRUPTED -> PointState.INTERRUPTION;
            default -> PointState.ILLEGAL;
        };
    }

    static boolean vehicleConnected(long cableState) {
        return cableState >= 0 && cableState <= 7 && (cableState & VEHICLE_PLUGGED) != 0;
    }

    static boolean charging(long chargingState) {
        return chargingState == CHARGING;
    }
}
