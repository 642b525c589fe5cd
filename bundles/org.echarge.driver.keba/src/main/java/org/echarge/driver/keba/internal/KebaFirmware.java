package org.echarge.driver.keba.internal;

import java.util.Comparator;

/** The firmware version of register 1018: read as hex, its bytes from the top are major, minor, patch. */
record KebaFirmware(int major, int minor, int patch) implements Comparable<KebaFirmware> {

    private static final Comparator<KebaFirmware> ORDER = Comparator.comparingInt(KebaFirmware::major)
            .thenComparingInt(KebaFirmware::minor).thenComparingInt(KebaFirmware::patch);

    static KebaFirmware of(long raw) {
        return new KebaFirmware((int) (raw >>> 24 & 0xFF), (int) (raw >>> 16 & 0xFF), (int) (raw >>> 8 & 0xFF));
    }

    boolean isBefore(KebaFirmware other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(KebaFirmware other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
