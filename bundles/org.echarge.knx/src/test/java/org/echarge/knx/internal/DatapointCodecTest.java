package org.echarge.knx.internal;

import static org.echarge.knx.KnxDatapoint.CURRENT_AMPERE_F32;
import static org.echarge.knx.KnxDatapoint.CURRENT_MILLIAMPERE_F16;
import static org.echarge.knx.KnxDatapoint.CURRENT_MILLIAMPERE_U16;
import static org.echarge.knx.KnxDatapoint.SWITCH;
import static org.echarge.knx.KnxDatapoint.TEXT_LATIN1;
import static org.echarge.knx.KnxDatapoint.TIME_OF_DAY;
import static org.echarge.knx.KnxDatapoint.UNSIGNED_COUNT;
import static org.echarge.knx.internal.DatapointCodec.Sign.ANY;
import static org.echarge.knx.internal.DatapointCodec.Sign.NON_NEGATIVE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.KnxValueException;
import org.echarge.knx.KnxValueException.Reason;
import org.echarge.knx.internal.DatapointCodec.Sign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DatapointCodecTest {

    /** ASDU length per type, in Calimero's form (1-bit values in one byte). */
    private static final Map<KnxDatapoint, Integer> WIDTH = Map.ofEntries(Map.entry(SWITCH, 1),
            Map.entry(KnxDatapoint.BOOL, 1), Map.entry(KnxDatapoint.START, 1), Map.entry(KnxDatapoint.STATE, 1),
            Map.entry(KnxDatapoint.TRIGGER, 1), Map.entry(UNSIGNED_COUNT, 1), Map.entry(CURRENT_MILLIAMPERE_U16, 2),
            Map.entry(KnxDatapoint.TEMPERATURE_F16, 2), Map.entry(CURRENT_MILLIAMPERE_F16, 2),
            Map.entry(KnxDatapoint.POWER_KILOWATT_F16, 2), Map.entry(TIME_OF_DAY, 3),
            Map.entry(KnxDatapoint.ENERGY_WATT_HOUR_S32, 4), Map.entry(KnxDatapoint.ENERGY_KILOWATT_HOUR_S32, 4),
            Map.entry(KnxDatapoint.DURATION_SECONDS_S32, 4), Map.entry(CURRENT_AMPERE_F32, 4),
            Map.entry(KnxDatapoint.POWER_WATT_F32, 4), Map.entry(TEXT_LATIN1, 14));

    // datapoint, gateway value (A, W, Wh, °C, s), ASDU, decoded value where the bus rounds it
    @ParameterizedTest(name = "{0} {1} <-> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SWITCH                   | true                   | 01 |
            SWITCH                   | false                  | 00 |
            BOOL                     | true                   | 01 |
            START                    | false                  | 00 |
            STATE                    | true                   | 01 |
            TRIGGER                  | true                   | 01 |
            UNSIGNED_COUNT           | 0                      | 00 |
            UNSIGNED_COUNT           | 10                     | 0A |
            UNSIGNED_COUNT           | 255                    | FF |
            CURRENT_MILLIAMPERE_U16  | 0                      | 0000 |
            CURRENT_MILLIAMPERE_U16  | 0.001                  | 0001 |
            CURRENT_MILLIAMPERE_U16  | 16                     | 3E80 |
            CURRENT_MILLIAMPERE_U16  | 16.0004                | 3E80     | 16
            CURRENT_MILLIAMPERE_U16  | 16.0005                | 3E81     | 16.001
            CURRENT_MILLIAMPERE_U16  | 65.535                 | FFFF |
            TEMPERATURE_F16          | 0                      | 0000 |
            TEMPERATURE_F16          | 0.01                   | 0001 |
            TEMPERATURE_F16          | 21.5                   | 0C33 |
            TEMPERATURE_F16          | -1                     | 879C |
            TEMPERATURE_F16          | -273                   | A156     | -272.96
            TEMPERATURE_F16          | 670433.28              | 7FFE |
            CURRENT_MILLIAMPERE_F16  | 0                      | 0000 |
            CURRENT_MILLIAMPERE_F16  | 0.32                   | 27D0 |
            CURRENT_MILLIAMPERE_F16  | 16                     | 561B     | 16.00512
            CURRENT_MILLIAMPERE_F16  | -671.08864             | F800 |
            CURRENT_MILLIAMPERE_F16  | 670.43328              | 7FFE |
            POWER_KILOWATT_F16       | 0                      | 0000 |
            POWER_KILOWATT_F16       | 11000                  | 044C |
            POWER_KILOWATT_F16       | 22000                  | 0C4C |
            POWER_KILOWATT_F16       | -1500                  | 876A |
            POWER_KILOWATT_F16       | 670433280              | 7FFE |
            TIME_OF_DAY              | 00:00:00               | 000000 |
            TIME_OF_DAY              | 13:45:30               | 0D2D1E |
            TIME_OF_DAY              | 23:59:59               | 173B3B |
            TIME_OF_DAY              | 07:05:09.987           | 070509   | 07:05:09
            ENERGY_WATT_HOUR_S32     | 0                      | 00000000 |
            ENERGY_WATT_HOUR_S32     | 12345                  | 00003039 |
            ENERGY_WATT_HOUR_S32     | 12345.5                | 0000303A | 12346
            ENERGY_WATT_HOUR_S32     | -1                     | FFFFFFFF |
            ENERGY_WATT_HOUR_S32     | 2147483647             | 7FFFFFFF |
            ENERGY_WATT_HOUR_S32     | -2147483648            | 80000000 |
            ENERGY_KILOWATT_HOUR_S32 | 0                      | 00000000 |
            ENERGY_KILOWATT_HOUR_S32 | 12345000               | 00003039 |
            ENERGY_KILOWATT_HOUR_S32 | 1499                   | 00000001 | 1000
            ENERGY_KILOWATT_HOUR_S32 | 1500                   | 00000002 | 2000
            ENERGY_KILOWATT_HOUR_S32 | 2147483647000          | 7FFFFFFF |
            DURATION_SECONDS_S32     | 0                      | 00000000 |
            DURATION_SECONDS_S32     | 3600                   | 00000E10 |
            DURATION_SECONDS_S32     | 2147483647             | 7FFFFFFF |
            CURRENT_AMPERE_F32       | 0                      | 00000000 |
            CURRENT_AMPERE_F32       | 16                     | 41800000 |
            CURRENT_AMPERE_F32       | 6.5                    | 40D00000 |
            CURRENT_AMPERE_F32       | 16.1                   | 4180CCCD |
            CURRENT_AMPERE_F32       | -0.5                   | BF000000 |
            POWER_WATT_F32           | 11000                  | 462BE000 |
            POWER_WATT_F32           | 3.4028234663852886E38  | 7F7FFFFF | 3.4028235E38
            TEXT_LATIN1              | ''                     | 0000000000000000000000000000 |
            TEXT_LATIN1              | AB                     | 4142000000000000000000000000 |
            TEXT_LATIN1              | KNX is OK              | 4B4E5820697320 4F4B0000000000 |
            TEXT_LATIN1              | Grüße 1°               | 4772FCDF652031 B0000000000000 |
            TEXT_LATIN1              | ABCDEFGHIJKLMN         | 4142434445464748494A4B4C4D4E |
            """)
    void roundTripsByteForByte(KnxDatapoint dp, String value, String asdu, String decoded) throws Exception {
        assertArrayEquals(bytes(asdu), DatapointCodec.encode(dp, value(dp, value)));
        assertEquals(value(dp, decoded == null ? value : decoded), DatapointCodec.decode(dp, bytes(asdu)));
    }

    @ParameterizedTest
    @EnumSource(KnxDatapoint.class)
    void everyTypeHasItsWidthAndDecodedValuesEncodeToTheSameBytes(KnxDatapoint dp) throws Exception {
        Object sample = value(dp, switch (dp.kind()) {
            case BOOLEAN -> "true";
            case INTEGER -> "7";
            case QUANTITY -> "12";
            case TIME_OF_DAY -> "12:34:56";
            case TEXT -> "sample";
        });
        byte[] asdu = DatapointCodec.encode(dp, sample);
        assertEquals(WIDTH.get(dp), asdu.length);
        assertArrayEquals(asdu, DatapointCodec.encode(dp, DatapointCodec.decode(dp, asdu, NON_NEGATIVE)));
    }

    @ParameterizedTest(name = "{0} with {1} bytes")
    @MethodSource("wrongLengths")
    void refusesWrongLengths(KnxDatapoint dp, int length) {
        KnxValueException e = refusedDecode(Reason.WRONG_LENGTH, dp, new byte[length], ANY);
        assertEquals(dp + ": " + length + " bytes, its values have " + WIDTH.get(dp), e.getMessage());
    }

    static Stream<Arguments> wrongLengths() {
        return WIDTH.entrySet().stream().flatMap(e -> IntStream.of(0, e.getValue() - 1, e.getValue() + 1, 14, 15)
                .filter(n -> n >= 0 && n != e.getValue()).distinct().mapToObj(n -> Arguments.of(e.getKey(), n)));
    }

    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SWITCH                   | 02       | ANY          | INVALID_DATA
            START                    | FF       | ANY          | INVALID_DATA
            TEMPERATURE_F16          | 7FFF     | ANY          | INVALID_DATA
            CURRENT_MILLIAMPERE_F16  | 7FFF     | ANY          | INVALID_DATA
            POWER_KILOWATT_F16       | 7FFF     | NON_NEGATIVE | INVALID_DATA
            TEMPERATURE_F16          | A0AD     | ANY          | OUT_OF_RANGE
            CURRENT_AMPERE_F32       | 7FC00000 | ANY          | NOT_FINITE
            CURRENT_AMPERE_F32       | 7F800000 | ANY          | NOT_FINITE
            POWER_WATT_F32           | FF800000 | ANY          | NOT_FINITE
            POWER_WATT_F32           | 7FC00001 | NON_NEGATIVE | NOT_FINITE
            CURRENT_MILLIAMPERE_F16  | 879C     | NON_NEGATIVE | NEGATIVE
            CURRENT_AMPERE_F32       | BF800000 | NON_NEGATIVE | NEGATIVE
            POWER_KILOWATT_F16       | 876A     | NON_NEGATIVE | NEGATIVE
            POWER_WATT_F32           | C4FA0000 | NON_NEGATIVE | NEGATIVE
            ENERGY_WATT_HOUR_S32     | FFFFFFFF | NON_NEGATIVE | NEGATIVE
            ENERGY_KILOWATT_HOUR_S32 | 80000000 | NON_NEGATIVE | NEGATIVE
            DURATION_SECONDS_S32     | FFFFFFFF | NON_NEGATIVE | NEGATIVE
            TIME_OF_DAY              | 180000   | ANY          | INVALID_DATA
            TIME_OF_DAY              | 1F0000   | ANY          | INVALID_DATA
            TIME_OF_DAY              | 0C3C00   | ANY          | INVALID_DATA
            TIME_OF_DAY              | 0C003C   | ANY          | INVALID_DATA
            TIME_OF_DAY              | 0C4000   | ANY          | INVALID_DATA
            TIME_OF_DAY              | 0C0080   | ANY          | INVALID_DATA
            """)
    void refusesInvalidTelegrams(KnxDatapoint dp, String asdu, Sign sign, Reason reason) {
        refusedDecode(reason, dp, bytes(asdu), sign);
    }

    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CURRENT_MILLIAMPERE_F16 | 879C     | ANY          | -0.001
            CURRENT_AMPERE_F32      | BF800000 | ANY          | -1
            CURRENT_AMPERE_F32      | 80000000 | NON_NEGATIVE | 0
            TIME_OF_DAY             | 2D2D1E   | ANY          | 13:45:30
            TEXT_LATIN1             | 41420043 44000000000000000000 | ANY | AB
            TEXT_LATIN1             | FF202020 20202020202020202020 | ANY | 'ÿ             '
            """)
    void decodes(KnxDatapoint dp, String asdu, Sign sign, String expected) throws Exception {
        assertEquals(value(dp, expected), DatapointCodec.decode(dp, bytes(asdu), sign));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            UNSIGNED_COUNT           | 256                   | OUT_OF_RANGE
            UNSIGNED_COUNT           | -1                    | OUT_OF_RANGE
            CURRENT_MILLIAMPERE_U16  | 65.5355               | OUT_OF_RANGE
            CURRENT_MILLIAMPERE_U16  | -0.001                | OUT_OF_RANGE
            CURRENT_MILLIAMPERE_U16  | NaN                   | NOT_FINITE
            TEMPERATURE_F16          | 670760.96             | OUT_OF_RANGE
            TEMPERATURE_F16          | -273.01               | OUT_OF_RANGE
            TEMPERATURE_F16          | NaN                   | NOT_FINITE
            CURRENT_MILLIAMPERE_F16  | 670.76096             | OUT_OF_RANGE
            CURRENT_MILLIAMPERE_F16  | -671.08865            | OUT_OF_RANGE
            CURRENT_MILLIAMPERE_F16  | Infinity              | NOT_FINITE
            POWER_KILOWATT_F16       | 670760960             | OUT_OF_RANGE
            POWER_KILOWATT_F16       | -Infinity             | NOT_FINITE
            ENERGY_WATT_HOUR_S32     | 2147483648            | OUT_OF_RANGE
            ENERGY_WATT_HOUR_S32     | 2147483647.5          | OUT_OF_RANGE
            ENERGY_WATT_HOUR_S32     | -2147483649           | OUT_OF_RANGE
            ENERGY_WATT_HOUR_S32     | NaN                   | NOT_FINITE
            ENERGY_KILOWATT_HOUR_S32 | 2147483647500         | OUT_OF_RANGE
            DURATION_SECONDS_S32     | 2147483648            | OUT_OF_RANGE
            DURATION_SECONDS_S32     | -2147483649           | OUT_OF_RANGE
            CURRENT_AMPERE_F32       | 1E39                  | OUT_OF_RANGE
            CURRENT_AMPERE_F32       | NaN                   | NOT_FINITE
            POWER_WATT_F32           | -1E39                 | OUT_OF_RANGE
            POWER_WATT_F32           | Infinity              | NOT_FINITE
            TEXT_LATIN1              | ABCDEFGHIJKLMNO       | OUT_OF_RANGE
            TEXT_LATIN1              | 5 €                   | UNREPRESENTABLE
            TEXT_LATIN1              | Ωmega                 | UNREPRESENTABLE
            TEXT_LATIN1              | ok 😀                 | UNREPRESENTABLE
            """)
    void refusesUnsendableValues(KnxDatapoint dp, String value, Reason reason) {
        refusedEncode(reason, dp, value(dp, value));
    }

    @Test
    void refusesNulInText() {
        refusedEncode(Reason.UNREPRESENTABLE, TEXT_LATIN1, "a\0b");
    }

    @Test
    void refusesValuesOfTheWrongType() {
        refusedEncode(Reason.WRONG_TYPE, SWITCH, 1);
        refusedEncode(Reason.WRONG_TYPE, UNSIGNED_COUNT, 1.0);
        refusedEncode(Reason.WRONG_TYPE, CURRENT_AMPERE_F32, "16");
        refusedEncode(Reason.WRONG_TYPE, CURRENT_AMPERE_F32, true);
        refusedEncode(Reason.WRONG_TYPE, TIME_OF_DAY, "12:00");
        refusedEncode(Reason.WRONG_TYPE, TEXT_LATIN1, 42);
    }

    @Test
    void quantitiesAndCountsTakeAnyIntegerType() throws Exception {
        assertArrayEquals(bytes("41800000"), DatapointCodec.encode(CURRENT_AMPERE_F32, 16));
        assertArrayEquals(bytes("3E80"), DatapointCodec.encode(CURRENT_MILLIAMPERE_U16, 16L));
        assertArrayEquals(bytes("0A"), DatapointCodec.encode(UNSIGNED_COUNT, 10));
    }

    @Test
    void messagesNameTheTypeAndTheValueInGatewayUnits() {
        assertEquals("DPT 7.012: 70 A is outside 0 A to 65.535 A",
                refusedEncode(Reason.OUT_OF_RANGE, CURRENT_MILLIAMPERE_U16, 70.0).getMessage());
        assertEquals("DPT 14.019: -1 A is negative",
                refusedDecode(Reason.NEGATIVE, CURRENT_AMPERE_F32, bytes("BF800000"), NON_NEGATIVE).getMessage());
        assertEquals("DPT 9.021: 7FFF, the code for invalid data",
                refusedDecode(Reason.INVALID_DATA, CURRENT_MILLIAMPERE_F16, bytes("7FFF"), ANY).getMessage());
        assertEquals("DPT 16.001: U+20AC at index 2 is not in ISO 8859-1",
                refusedEncode(Reason.UNREPRESENTABLE, TEXT_LATIN1, "5 €").getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Serial 1234567890  | Serial 1234567
            5 €                | 5 ?
            😀 ok               | ? ok
            ''                 | ''
            ABCDEFGHIJKLMN     | ABCDEFGHIJKLMN
            """)
    void fitsFreeTextIntoFourteenLatin1Characters(String text, String fitted) throws Exception {
        assertEquals(fitted, DatapointCodec.fitText(text));
        assertEquals(fitted, DatapointCodec.decode(TEXT_LATIN1, DatapointCodec.encode(TEXT_LATIN1, fitted)));
    }

    @Test
    void fitTextReplacesNul() {
        assertEquals("a?b", DatapointCodec.fitText("a\0b"));
    }

    private static KnxValueException refusedEncode(Reason reason, KnxDatapoint dp, Object value) {
        KnxValueException e = assertThrows(KnxValueException.class, () -> DatapointCodec.encode(dp, value));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(dp, e.datapoint());
        return e;
    }

    private static KnxValueException refusedDecode(Reason reason, KnxDatapoint dp, byte[] asdu, Sign sign) {
        KnxValueException e = assertThrows(KnxValueException.class, () -> DatapointCodec.decode(dp, asdu, sign));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(dp, e.datapoint());
        return e;
    }

    private static Object value(KnxDatapoint dp, String text) {
        return switch (dp.kind()) {
            case BOOLEAN -> Boolean.valueOf(text);
            case INTEGER -> Long.valueOf(text);
            case QUANTITY -> Double.valueOf(text);
            case TIME_OF_DAY -> LocalTime.parse(text);
            case TEXT -> text;
        };
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
