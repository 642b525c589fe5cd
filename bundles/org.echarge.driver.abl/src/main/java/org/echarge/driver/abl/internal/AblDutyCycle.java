package org.echarge.driver.abl.internal;

/**
 * ABL's unit of current: the control pilot duty cycle in 0.1 %. IEC 61851-1 gives 0.6 A per % between
 * 10 % and 85 %, so one unit is 0.06 A: 6 A = 100, 16 A = 267 (goingelectric table in knowhow.txt; evcc
 * truncates and writes 266 for 16 A).
 */
final class AblDutyCycle {

    /** 0x03E8: no PWM, the car may not charge (the fact sheet's pause). */
    static final int NO_CHARGING = 1000;
    static final int MIN = 100;
    static final int MAX = 850;

    private AblDutyCycle() {
    }

    /** The duty cycle of a charging current of 6..51 A. */
    static int of(double ampere) {
        int duty = (int) Math.round(ampere / 0.06);
        if (duty < MIN || duty > MAX) {
            throw new IllegalArgumentException(ampere + " A is outside the duty cycles 10..85 % of IEC 61851-1");
        }
        return duty;
    }

    /** The current of a duty cycle read back: 0 for {@link #NO_CHARGING}, NaN for a value that is no current. */
    static double ampere(int duty) {
        if (duty == NO_CHARGING) {
            return 0;
        }
        return duty >= MIN && duty <= MAX ? duty * 6 / 100.0 : Double.NaN;
    }
}
