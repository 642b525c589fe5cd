package org.echarge.driver.keba.internal;

import java.util.Optional;

/**
 * The product code of register 1016: six decimal digits, from the left product type (3 = P30), cable
 * (0 socket, 1 tethered cable), rated current (1 = 13, 2 = 16, 3 = 20, 4 = 32 A), series (1 = c,
 * 0 = x), energy meter (0 none, 1..3 kinds of meter) and RFID reader (0/1). A P40 has seven digits
 * starting with 4.
 */
record KebaProductCode(long value, boolean tetheredCable, int ratedCurrentAmpere, boolean cSeries, int meter,
        boolean rfidReader) {

    private static final int P30 = 3;
    private static final int[] RATED_AMPERE = {0, 13, 16, 20, 32};

    /** The code's meaning, or empty when it is not a P30 code with known digits. */
    static Optional<KebaProductCode> parse(long value) {
        if (value < 100_000 || value > 999_999) {
            return Optional.empty();
        }
        int[] digits = String.valueOf(value).chars().map(c -> c - '0').toArray();
        int type = digits[0];
        int cable = digits[1];
        int current = digits[2];
        int series = digits[3];
        int meter = digits[4];
        int rfid = digits[5];
        if (type != P30 || cable > 1 || current < 1 || current >= RATED_AMPERE.length || series > 1 || meter > 3
                || rfid > 1) {
            return Optional.empty();
        }
        return Optional.of(new KebaProductCode(value, cable == 1, RATED_AMPERE[current], series == 1, meter,
                rfid == 1));
    }

    boolean metered() {
        return meter > 0;
    }

    String series() {
        return cSeries ? "c-series" : "x-series";
    }
}
