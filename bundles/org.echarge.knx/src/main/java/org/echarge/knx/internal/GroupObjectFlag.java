package org.echarge.knx.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The KNX communication flags of a group object, in the order and letters of the "flags" column of
 * group-objects.csv ("CR-T--": a letter where the flag is set, '-' where not).
 */
public enum GroupObjectFlag {
    /** Communication: the object takes part in group communication at all. */
    COMMUNICATION('C'),
    /** Read: answers GroupValueRead with a GroupValueResponse. */
    READ('R'),
    /** Write: takes the value of a GroupValueWrite. */
    WRITE('W'),
    /** Transmit: sends a GroupValueWrite on its sending address when its value changes. */
    TRANSMIT('T'),
    /** Update: takes a GroupValueResponse as a new value, like a write. */
    UPDATE('U'),
    /** Read on init: sends a GroupValueRead at start-up to get the current value. */
    READ_ON_INIT('I');

    private final char letter;

    GroupObjectFlag(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The flags of a six-character text such as "C-WTUI". */
    public static Set<GroupObjectFlag> parse(String text) {
        GroupObjectFlag[] all = values();
        if (text.length() != all.length) {
            throw new IllegalArgumentException("flags \"" + text + "\" do not have the form CRWTUI");
        }
        Set<GroupObjectFlag> flags = EnumSet.noneOf(GroupObjectFlag.class);
        for (int i = 0; i < all.length; i++) {
            char c = text.charAt(i);
            if (c == all[i].letter) {
                flags.add(all[i]);
            } else if (c != '-') {
                throw new IllegalArgumentException("flags \"" + text + "\": position " + (i + 1) + " must be '"
                        + all[i].letter + "' or '-', not '" + c + "'");
            }
        }
        return flags;
    }

    /** The six-character form, e.g. "CR-T--". */
    public static String format(Set<GroupObjectFlag> flags) {
        StringBuilder text = new StringBuilder(values().length);
        for (GroupObjectFlag flag : values()) {
            text.append(flags.contains(flag) ? flag.letter : '-');
        }
        return text.toString();
    }
}
