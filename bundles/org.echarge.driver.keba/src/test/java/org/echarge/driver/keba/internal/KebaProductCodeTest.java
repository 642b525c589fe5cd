package org.echarge.driver.keba.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KebaProductCodeTest {

    /** code, tethered cable, rated A, c-series, meter, RFID reader */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "314111, true, 32, true, 1, true",
            "304010, false, 32, false, 1, false",
            "311130, true, 13, true, 3, false",
            "312100, true, 16, true, 0, false",
            "303021, false, 20, false, 2, true",
    })
    void readsTheDigits(long code, boolean cable, int ampere, boolean cSeries, int meter, boolean rfid) {
        assertEquals(Optional.of(new KebaProductCode(code, cable, ampere, cSeries, meter, rfid)),
                KebaProductCode.parse(code));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 31411, 4_141_111, 214_111, 324_111, 305_111, 300_111, 314_211, 314_141, 314_112, 3_141_110})
    void refusesWhatIsNoP30(long code) {
        assertTrue(KebaProductCode.parse(code).isEmpty());
    }

    @Test
    void firmwareIsReadAsBytes() {
        assertEquals("3.10.42", KebaFirmware.of(0x030A_2A00L).toString());
        assertEquals("1.11.0", KebaFirmware.of(0x010B_0000L).toString());
        assertTrue(KebaFirmware.of(0x030A_2900L).isBefore(new KebaFirmware(3, 10, 42)));
        assertTrue(KebaFirmware.of(0x0300_0000L).isBefore(new KebaFirmware(3, 10, 42)));
        assertTrue(!KebaFirmware.of(0x0400_0000L).isBefore(new KebaFirmware(3, 10, 42)));
    }
}
