package org.echarge.system.internal;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** An IPv4 address as 32 bits; parsing is strict dotted decimal (no leading zeros, no short forms). */
record Ipv4(int bits) {

    private static final Pattern DOTTED = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    static Optional<Ipv4> parse(String text) {
        if (text == null || !DOTTED.matcher(text).matches()) {
            return Optional.empty();
        }
        int bits = 0;
        for (String octet : text.split("\\.")) {
            bits = bits << 8 | Integer.parseInt(octet);
        }
        return Optional.of(new Ipv4(bits));
    }

    static Ipv4 mask(int prefixLength) {
        return new Ipv4(prefixLength == 0 ? 0 : -1 << (32 - prefixLength));
    }

    /** The prefix length of a contiguous mask such as 255.255.255.0; empty for 255.0.255.0. */
    OptionalInt prefixLength() {
        int ones = Integer.bitCount(bits);
        return mask(ones).bits == bits ? OptionalInt.of(ones) : OptionalInt.empty();
    }

    Ipv4 network(int prefixLength) {
        return new Ipv4(bits & mask(prefixLength).bits);
    }

    Ipv4 broadcast(int prefixLength) {
        return new Ipv4(bits | ~mask(prefixLength).bits);
    }

    /** An address a host may have: not 0.0.0.0/8, loopback, multicast, reserved or broadcast. */
    boolean isHostUnicast() {
        int first = bits >>> 24;
        return first != 0 && first != 127 && first < 224;
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
    }
}
