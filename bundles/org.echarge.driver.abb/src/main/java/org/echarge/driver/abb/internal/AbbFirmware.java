package org.echarge.driver.abb.internal;

import java.util.Comparator;
import java.util.Locale;

/**
 * The firmware version of register 4004h: its bytes from the top are major, minor and patch, each written as two
 * decimal digits (BCD: 0x01 0x02 0x13 0x00 is v1.2.13, ABB's example); the last byte is reserved. Kept as the raw
 * bytes, which order BCD numbers correctly and print as their digits.
 */
record AbbFirmware(int major, int minor, int patch) implements Comparable<AbbFirmware> {

    /** The fact sheet: Modbus from firmware 1.6.5 (evcc's template for this box). */
    static final AbbFirmware MODBUS_SINCE = new AbbFirmware(0x01, 0x06, 0x05);

    private static final Comparator<AbbFirmware> ORDER = Comparator.comparingInt(AbbFirmware::major)
            .thenComparingInt(AbbFirmware::minor).thenComparingInt(AbbFirmware::patch);

    static AbbFirmware of(long raw) {
        return new AbbFirmware((int) (raw >>> 24 & 0xFF), (int) (raw >>> 16 & 0xFF), (int) (raw >>> 8 & 0xFF));
    }

    boolean isBefore(AbbFirmware other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(AbbFirmware other) {
        return ORDER.compare(this, other);
    }

    /** "1.8.32"; a byte that is no BCD number prints as its hex digits all the same. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%x.%x.%x", major, minor, patch);
    }
}
