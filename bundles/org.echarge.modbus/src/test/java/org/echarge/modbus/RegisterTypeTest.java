package org.echarge.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterTypeTest {

    /** type, word order, registers (hex, lowest address first), decoded value */
    @ParameterizedTest(name = "{0} {1} [{2}] = {3}")
    @CsvSource({
            "U16, HIGH_FIRST, FFFF,                 65535",
            "S16, HIGH_FIRST, FFFF,                 -1",
            "S16, HIGH_FIRST, 8000,                 -32768",
            "U32, HIGH_FIRST, 0001 0000,            65536",
            "U32, LOW_FIRST,  0000 0001,            65536",
            "U32, HIGH_FIRST, FFFF FFFF,            4294967295",
            "S32, HIGH_FIRST, FFFF FFFE,            -2",
            "S32, LOW_FIRST,  FFFE FFFF,            -2",
            "U64, HIGH_FIRST, 0000 0000 0001 0002,  65538",
            "U64, LOW_FIRST,  0002 0001 0000 0000,  65538",
            "S64, HIGH_FIRST, FFFF FFFF FFFF FFFF,  -1",
            "F32, HIGH_FIRST, 4148 0000,            12.5",
            "F32, LOW_FIRST,  0000 4148,            12.5",
            "F32, HIGH_FIRST, C2C8 0000,            -100.0",
            "F64, HIGH_FIRST, 4029 0000 0000 0000,  12.5",
            "F64, LOW_FIRST,  0000 0000 0000 4029,  12.5",
    })
    void decodesAndEncodesTheTable(RegisterType type, WordOrder order, String hex, double value) {
        int[] words = words(hex);
        assertEquals(value, type.decode(words, 0, order), 1e-9);
        assertArrayEquals(words, type.encode(value, order));
    }

    @ParameterizedTest
    @CsvSource({"U16, 65536", "U16, -1", "S16, 32768", "U32, -1", "U32, 4294967296", "S32, 2147483648"})
    void refusesValuesTheTypeCannotHold(RegisterType type, double value) {
        assertThrows(IllegalArgumentException.class, () -> type.encode(value, WordOrder.HIGH_FIRST));
    }

    @ParameterizedTest
    @CsvSource({"U32, 3", "F64, 1", "U16, -1"})
    void refusesReadingBeyondTheRegisters(RegisterType type, int offset) {
        assertThrows(IndexOutOfBoundsException.class, () -> type.decode(new int[4], offset, WordOrder.HIGH_FIRST));
    }

    @ParameterizedTest
    @CsvSource({"F32, 7FC0 0000", "F32, 7F80 0000"})
    void keepsNanAndInfinityForThePlausibilityCheck(RegisterType type, String hex) {
        double value = type.decode(words(hex), 0, WordOrder.HIGH_FIRST);
        assertEquals(true, Double.isNaN(value) || Double.isInfinite(value));
    }

    static int[] words(String hex) {
        String[] parts = hex.trim().split("\\s+");
        int[] words = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            words[i] = Integer.parseInt(parts[i], 16);
        }
        return words;
    }
}
