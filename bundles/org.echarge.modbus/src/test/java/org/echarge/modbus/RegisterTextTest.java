package org.echarge.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.modbus.RegisterText.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterTextTest {

    /** byte order, registers, count, text */
    @ParameterizedTest(name = "{0} [{1}] = ''{3}''")
    @CsvSource({
            "HIGH_FIRST, 4142 4344 0000, 3, ABCD",
            "LOW_FIRST,  4241 4443 0000, 3, ABCD",
            "HIGH_FIRST, 4142 4300 0000, 3, ABC",
            "HIGH_FIRST, 2031 2E32 2020, 3, 1.2",
            "HIGH_FIRST, 0000 0000,      2, ''",
    })
    void decodesTheTable(ByteOrder order, String hex, int count, String text) {
        assertEquals(text, RegisterText.decode(RegisterTypeTest.words(hex), 0, count, order));
    }

    @ParameterizedTest
    @CsvSource({"HIGH_FIRST, 4142 4300 0000", "LOW_FIRST, 4241 0043 0000"})
    void encodesPaddedWithNul(ByteOrder order, String hex) {
        assertArrayEquals(RegisterTypeTest.words(hex), RegisterText.encode("ABC", 3, order));
    }

    @ParameterizedTest
    @CsvSource({"4107 4200, A?B"})
    void replacesControlCharacters(String hex, String text) {
        assertEquals(text, RegisterText.decode(RegisterTypeTest.words(hex), 0, 2, ByteOrder.HIGH_FIRST));
    }
}
