package org.echarge.driver.vestel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VestelFirmwareTest {

    /** text of register 230: major, minor, patch */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "v3.187.0-20240301, 3, 187, 0",
            "v3.156.0,          3, 156, 0",
            "3.43.0,            3, 43,  0",   // HMI version as the web page shows it (evcc issue 11581)
            "V3.118,            3, 118, 0",
            "v4.2.15-rc1,       4, 2,   15",
    })
    void readsTheVersion(String text, int major, int minor, int patch) {
        VestelFirmware firmware = VestelFirmware.parse(text).orElseThrow();
        assertEquals(major, firmware.major());
        assertEquals(minor, firmware.minor());
        assertEquals(patch, firmware.patch());
        assertEquals(text, firmware.toString());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "EVC04", "unknown", "v3", "3-187-0", "??????"})
    void refusesTextWithoutAVersion(String text) {
        assertTrue(VestelFirmware.parse(text).isEmpty());
    }

    @Test
    void knowsWhenTheRfidRegisterCame() {
        assertTrue(VestelFirmware.parse("v3.155.9").orElseThrow().isBefore(VestelFirmware.RFID_SINCE));
        assertFalse(VestelFirmware.parse("v3.156.0").orElseThrow().isBefore(VestelFirmware.RFID_SINCE));
        assertFalse(VestelFirmware.parse("v3.187.0").orElseThrow().isBefore(VestelFirmware.RFID_SINCE));
        assertTrue(VestelFirmware.parse("v2.999.0").orElseThrow().isBefore(VestelFirmware.RFID_SINCE));
    }
}
