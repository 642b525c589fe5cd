package org.echarge.driver.vestel.internal;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The firmware version of register 230, e.g. {@code v3.187.0-...} (evcc strips the "v" and cuts at the first "-").
 * Features depend on it: the session's RFID card (1516) from 3.156.0 (evcc issue 21359), the phase switch (405) from
 * 3.187.0.
 */
record VestelFirmware(int major, int minor, int patch, String text) implements Comparable<VestelFirmware> {

    /** 1516 holds the session's RFID card from this version on; older boxes refuse the read (evcc issue 21127). */
    static final VestelFirmware RFID_SINCE = new VestelFirmware(3, 156, 0, "3.156.0");

    private static final Pattern VERSION = Pattern.compile("[vV]?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?.*");
    private static final Comparator<VestelFirmware> ORDER = Comparator.comparingInt(VestelFirmware::major)
            .thenComparingInt(VestelFirmware::minor).thenComparingInt(VestelFirmware::patch);

    /** The version in the text of register 230, or empty when it names none. */
    static Optional<VestelFirmware> parse(String text) {
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new VestelFirmware(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                patch, text));
    }

    boolean isBefore(VestelFirmware other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(VestelFirmware other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text;
    }
}
