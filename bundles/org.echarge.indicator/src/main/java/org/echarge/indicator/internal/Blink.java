package org.echarge.indicator.internal;

import org.echarge.api.indicator.Pattern;

/**
 * The light sequence of each pattern in steps of {@link #STEP_MILLIS}: all LEDs are driven from
 * one step counter, so APP and COM alternate in step and flash codes restart cleanly.
 */
final class Blink {

    static final int STEP_MILLIS = 125;

    private static final String SLOW = "11110000"; // 1 Hz
    private static final String PAUSE = "0000000000000000"; // 2 s between flash codes

    private Blink() {
    }

    /** Whether the LED is lit at this step. */
    static boolean lit(Pattern pattern, boolean secondOfPair, long step) {
        String sequence = switch (pattern) {
            case OFF -> "0";
            case ON -> "1";
            case SLOW_FLASH -> SLOW;
            case RAPID_FLASH -> "10"; // 4 Hz
            case FLICKER -> "10110100";
            case THREE_FLASHES -> SLOW.repeat(3) + PAUSE;
            case FIVE_FLASHES -> SLOW.repeat(5) + PAUSE;
            case ALTERNATING -> secondOfPair ? "00001111" : SLOW;
        };
        return sequence.charAt((int) (step % sequence.length())) == '1';
    }
}
