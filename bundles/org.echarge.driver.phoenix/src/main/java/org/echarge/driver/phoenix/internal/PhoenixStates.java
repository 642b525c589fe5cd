package org.echarge.driver.phoenix.internal;

import org.echarge.api.point.PointState;

/**
 * Maps the control pilot state of register 100 onto the gateway states. The EV-ETH reports the IEC 61851
 * letter only (low byte 'A'..'F', evcc reads just that byte), so B1/B2 and C1/C2 cannot be told apart:
 * a pause by the controller (PWM off) shows as B, like a full car.
 */
final class PhoenixStates {

    /** Not a state letter of the controller. */
    static final char UNKNOWN = '?';

    private PhoenixStates() {
    }

    /** The state letter of register 100; anything but 0x0041..0x0046 is {@link #UNKNOWN}. */
    static char letter(long word) {
        return word >= 'A' && word <= 'F' ? (char) word : UNKNOWN;
    }

    /**
     * @param belowRequest the controller signals less current than the gateway set (cable capacity, a
     *     setting it keeps lower)
     */
    static PointState map(char letter, boolean belowRequest) {
        return switch (letter) {
            case 'A' -> PointState.AVAILABLE;
            // vehicle connected, not charging: full, waiting, or no PWM (B1 is not reported apart from B2)
            case 'B' -> PointState.CONNECTED;
            case 'C' -> belowRequest ? PointState.CHARGE_REDUCED : PointState.CHARGE;
            case 'D' -> PointState.CHARGE_VENTILATION;
            // E: control pilot short or no supply; F: controller fault or made unavailable (input XR)
            case 'E', 'F' -> PointState.ERROR;
            default -> PointState.ILLEGAL;
        };
    }

    /** A, B..D say; E, F and unknown states say nothing about the car, so the last answer stands. */
    static boolean vehicleConnected(char letter, boolean before) {
        return switch (letter) {
            case 'A' -> false;
            case 'B', 'C', 'D' -> true;
            default -> before;
        };
    }

    static boolean charging(char letter) {
        return letter == 'C' || letter == 'D';
    }
}
