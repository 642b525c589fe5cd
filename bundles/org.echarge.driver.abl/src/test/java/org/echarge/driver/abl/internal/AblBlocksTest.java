package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The read blocks decoded from registers of recorded answers (knowhow.txt, evcc issue 526). */
class AblBlocksTest {

    @Test
    void statusReportOfABoxInB2WithPermission() {
        AblStatusReport report = AblStatusReport.of(new int[] {0x2EB2, 0x910B, 0x03E8, 0x03E8, 0x03E8}); // evcc#526
        assertEquals(0xB2, report.state());
        assertTrue(report.ucp());
        assertFalse(report.reduced());
        assertEquals(0, report.currentL1() + report.currentL2() + report.currentL3(), 1e-9);
    }

    @Test
    void statusReportWithReducedDutyCycle() {
        AblStatusReport report = AblStatusReport.of(new int[] {0x2EC3, 0xD064, 0x03E8, 0x03E8, 0x03E8}); // knowhow C3
        assertEquals(0xC3, report.state());
        assertTrue(report.reduced());
    }

    @Test
    void currentBlockOfABoxAt14Ampere() {
        AblCurrentSettings current = AblCurrentSettings.of(new int[] {0x0F3F, 0x010B, 0x010B, 0x00E9, 0x00E9}); // knowhow
        assertEquals(267, current.maxDuty());
        assertEquals(0x00E9, current.presetDuty());
        assertEquals(13.98, current.inForceAmpere(), 1e-9);
        assertFalse(current.chargingOff());
    }

    @Test
    void currentBlockWhileChargingIsOff() {
        AblCurrentSettings current = AblCurrentSettings.of(new int[] {0x0F3F, 0x010B, 0x010B, 0x03E8, 0x03E8});
        assertTrue(current.chargingOff());
        assertEquals(0, current.inForceAmpere(), 1e-9);
    }

    @Test
    void implausibleLimitFallsBackToTheHighestDutyCycle() {
        assertEquals(AblDutyCycle.MAX, AblCurrentSettings.of(new int[] {0x0F3F, 0, 0x010B, 0x0064, 0x0064}).maxDuty());
    }

    @Test
    void identificationOfABoxWithCurrentSensors() {
        AblIdentity box = AblIdentity.of(new int[] {0x0141, 0x50BE}, "2W22S1234567"); // knowhow
        assertEquals("41 50 BE", box.firmware());
        assertTrue(box.currentSensors());
        assertFalse(AblIdentity.of(new int[] {0x0141, 0x509E}, null).currentSensors());
    }

    @Test
    void serialNumberEndsAtTheFirstBlank() {
        assertEquals("2W22S123", AblIdentity.serialNumber(new int[] {0x5000, 0x3257, 0x3232, 0x5331, 0x3233, 0x2020,
                0x3131, 0x2020}));
        assertNull(AblIdentity.serialNumber(new int[] {0x5000, 0x2020, 0x2020, 0x2020, 0x2020, 0x2020, 0x2020, 0x2020}));
    }
}
