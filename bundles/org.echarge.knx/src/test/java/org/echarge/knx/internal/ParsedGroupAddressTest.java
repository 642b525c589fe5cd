package org.echarge.knx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tuwien.auto.calimero.GroupAddress;

class ParsedGroupAddressTest {

    // text, notation, raw 16-bit address, the address in 3-level, 2-level and free notation
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0/0/1     | THREE_LEVEL | 1     | 0/0/1    | 0/1     | 1
            1/2/3     | THREE_LEVEL | 2563  | 1/2/3    | 1/515   | 2563
            31/7/255  | THREE_LEVEL | 65535 | 31/7/255 | 31/2047 | 65535
            0/7/0     | THREE_LEVEL | 1792  | 0/7/0    | 0/1792  | 1792
            31/0/0    | THREE_LEVEL | 63488 | 31/0/0   | 31/0    | 63488
            01/02/003 | THREE_LEVEL | 2563  | 1/2/3    | 1/515   | 2563
            0/1       | TWO_LEVEL   | 1     | 0/0/1    | 0/1     | 1
            1/515     | TWO_LEVEL   | 2563  | 1/2/3    | 1/515   | 2563
            0/2047    | TWO_LEVEL   | 2047  | 0/7/255  | 0/2047  | 2047
            31/2047   | TWO_LEVEL   | 65535 | 31/7/255 | 31/2047 | 65535
            1         | FREE        | 1     | 0/0/1    | 0/1     | 1
            010       | FREE        | 10    | 0/0/10   | 0/10    | 10
            2563      | FREE        | 2563  | 1/2/3    | 1/515   | 2563
            65535     | FREE        | 65535 | 31/7/255 | 31/2047 | 65535
            """)
    void parsesAndFormats(String text, AddressStyle style, int raw, String threeLevel, String twoLevel, String free) {
        ParsedGroupAddress parsed = ParsedGroupAddress.parse(text);
        assertEquals(style, parsed.style());
        assertEquals(new GroupAddress(raw), parsed.address());
        assertEquals(threeLevel, AddressStyle.THREE_LEVEL.format(parsed.address()));
        assertEquals(twoLevel, AddressStyle.TWO_LEVEL.format(parsed.address()));
        assertEquals(free, AddressStyle.FREE.format(parsed.address()));
        assertEquals(style.format(parsed.address()), parsed.toString());
    }

    private static final String HOW = ": write main/middle/sub (e.g. 1/2/3), main/sub (e.g. 1/515)"
            + " or a number (e.g. 2563)";

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            0/0/0       | group address 0/0/0 is the broadcast address; a group object cannot be linked to it
            0/0         | group address 0/0 is the broadcast address; a group object cannot be linked to it
            0           | group address 0 is the broadcast address; a group object cannot be linked to it
            32/0/0      | group address 32/0/0: main group 32 is outside 0-31
            1/8/0       | group address 1/8/0: middle group 8 is outside 0-7
            1/0/256     | group address 1/0/256: sub group 256 is outside 0-255
            32/0        | group address 32/0: main group 32 is outside 0-31
            1/2048      | group address 1/2048: sub group 2048 is outside 0-2047
            65536       | group address 65536 is outside 0-65535
            999999999   | group address 999999999 is outside 0-65535
            """)
    void refusesAddressesOutOfRange(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> ParsedGroupAddress.parse(text))
                .getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            1/2/3/4
            1//3
            /1/2
            1/2/
            +1/2/3
            -1
            0x10
            #10
            1.2.3
            1 /2/3
            a/b/c
            1234567890
            ` `
            """)
    void refusesWhatIsNoGroupAddress(String text) {
        assertEquals("\"" + text + "\" is not a group address" + HOW,
                assertThrows(IllegalArgumentException.class, () -> ParsedGroupAddress.parse(text)).getMessage());
    }

    @Test
    void refusesEmptyText() {
        assertEquals("empty group address" + HOW,
                assertThrows(IllegalArgumentException.class, () -> ParsedGroupAddress.parse("")).getMessage());
    }
}
