package org.echarge.api.point;

/** Charging point states as sent on object 50 (charging-point-states.csv). */
public enum PointState {
    ILLEGAL(0, "Illegal"),
    START_UP(1, "Start-up"),
    ERROR(2, "Error"),
    NOT_AVAILABLE(3, "Not available"),
    CANCELLED(4, "Cancelled"),
    AVAILABLE(5, "Available"),
    CONNECTED(6, "Connected"),
    MANUAL_START_REQUIRED(7, "Manual start required"),
    CHARGE(8, "Charge"),
    CHARGE_REDUCED(9, "Charge with reduced current"),
    CHARGE_VENTILATION(10, "Charge + ventilation"),
    INTERRUPTION(11, "Interruption");

    private final int value;
    private final String text;

    PointState(int value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The value of object 50 (DPT 5.010). */
    public int value() {
        return value;
    }

    /** The name shown on the web console. */
    public String text() {
        return text;
    }

    public boolean isCharging() {
        return this == CHARGE || this == CHARGE_REDUCED || this == CHARGE_VENTILATION;
    }

    public static PointState ofValue(int value) {
        for (PointState state : values()) {
            if (state.value == value) {
                return state;
            }
        }
        return ILLEGAL;
    }
}
