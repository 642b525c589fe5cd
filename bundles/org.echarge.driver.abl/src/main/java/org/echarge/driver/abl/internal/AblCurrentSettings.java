package org.echarge.driver.abl.internal;

/**
 * The current block 0x000F..0x0013 (function 3, 5 registers), duty cycles in the low 12 bits (evcc masks
 * 0x0FFF). Meanings after the goingelectric write-up (knowhow.txt); evcc reads only the preset [?].
 *
 * @param limitDuty 0x0010, the box's own limit, and 0x0011, its setting: the lower of the two
 * @param presetDuty 0x0012, what 0x0014 holds (1000 while charging is off)
 * @param inForceDuty 0x0013, the duty cycle in force
 */
record AblCurrentSettings(int limitDuty, int presetDuty, int inForceDuty) {

    private static final int DUTY = 0x0FFF;

    /** The words of one read of {@link AblRegisters#CURRENT_SETTINGS}, the address echo checked by the caller. */
    static AblCurrentSettings of(int[] words) {
        return new AblCurrentSettings(Math.min(words[1] & DUTY, words[2] & DUTY), words[3] & DUTY, words[4] & DUTY);
    }

    /** The highest duty cycle to write: the box's limit when it is a plausible current, else the IEC maximum. */
    int maxDuty() {
        return limitDuty >= AblDutyCycle.MIN && limitDuty <= AblDutyCycle.MAX ? limitDuty : AblDutyCycle.MAX;
    }

    boolean chargingOff() {
        return presetDuty == AblDutyCycle.NO_CHARGING;
    }

    /** The current limit in force as the snapshot reports it: 0 A while charging is off. */
    double inForceAmpere() {
        return chargingOff() ? 0 : AblDutyCycle.ampere(inForceDuty);
    }
}
