package org.echarge.knx.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tuwien.auto.calimero.GroupAddress;

/**
 * A group address as written by a user, with the notation it was written in.
 * <p>
 * The text is checked here and encoded by Calimero's {@link GroupAddress} factories. Calimero's own
 * string parsing (2.6) is not used: it reads "010" as octal 8, takes "0x10", signs and empty levels
 * ("1//3"), accepts 0/0/0 and reports every range error as "invalid group address".
 */
public record ParsedGroupAddress(GroupAddress address, AddressStyle style) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})(?:/(\\d{1,9}))?(?:/(\\d{1,9}))?");

    /** Parses main/middle/sub, main/sub or a free number; throws IllegalArgumentException with the reason. */
    public static ParsedGroupAddress parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException((text.isEmpty() ? "empty group address" : "\"" + text
                    + "\" is not a group address") + ": write main/middle/sub (e.g. 1/2/3), main/sub (e.g. 1/515)"
                    + " or a number (e.g. 2563)");
        }
        int first = Integer.parseInt(m.group(1));
        ParsedGroupAddress parsed;
        if (m.group(3) != null) {
            int middle = Integer.parseInt(m.group(2));
            int sub = Integer.parseInt(m.group(3));
            check(text, "main group", first, 31);
            check(text, "middle group", middle, 7);
            check(text, "sub group", sub, 255);
            parsed = new ParsedGroupAddress(GroupAddress.threeLevel(first, middle, sub), AddressStyle.THREE_LEVEL);
        } else if (m.group(2) != null) {
            int sub = Integer.parseInt(m.group(2));
            check(text, "main group", first, 31);
            check(text, "sub group", sub, 2047);
            parsed = new ParsedGroupAddress(GroupAddress.twoLevel(first, sub), AddressStyle.TWO_LEVEL);
        } else {
            if (first > 0xFFFF) {
                throw new IllegalArgumentException("group address " + text + " is outside 0-65535");
            }
            parsed = new ParsedGroupAddress(GroupAddress.freeStyle(first), AddressStyle.FREE);
        }
        if (parsed.address.equals(GroupAddress.Broadcast)) {
            throw new IllegalArgumentException("group address " + text
                    + " is the broadcast address; a group object cannot be linked to it");
        }
        return parsed;
    }

    private static void check(String text, String level, int value, int max) {
        if (value > max) {
            throw new IllegalArgumentException("group address " + text + ": " + level + " " + value
                    + " is outside 0-" + max);
        }
    }

    @Override
    public String toString() {
        return style.format(address);
    }
}
