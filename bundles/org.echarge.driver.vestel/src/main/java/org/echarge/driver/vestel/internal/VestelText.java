package org.echarge.driver.vestel.internal;

/**
 * Vestel's text registers: one character per register, its code in the low byte (evcc decodes the registers as
 * UTF-16BE), where most devices pack two characters into a register. The coding itself tells a Vestel apart from
 * devices that happen to answer at the same addresses.
 */
final class VestelText {

    private VestelText() {
    }

    /**
     * The text of the words: stops at the first NUL, trims blanks; characters outside printable ASCII become '?',
     * so a garbled register can never put control characters into a KNX text object.
     */
    static String decode(int[] words) {
        StringBuilder text = new StringBuilder(words.length);
        for (int word : words) {
            if (word == 0) {
                break;
            }
            text.append(word >= 0x20 && word <= 0x7E ? (char) word : '?');
        }
        return text.toString().trim();
    }

    /** Every register holds at most one 8-bit character: the high bytes are 0 (two packed characters are not). */
    static boolean oneCharacterPerRegister(int[] words) {
        for (int word : words) {
            if ((word & 0xFF00) != 0) {
                return false;
            }
        }
        return true;
    }
}
