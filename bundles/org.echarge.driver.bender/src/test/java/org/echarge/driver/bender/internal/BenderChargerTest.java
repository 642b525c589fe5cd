package org.echarge.driver.bender.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.ModbusException;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed the registers as the fact sheet (section 4) lays them out, poll or command once, check the result. */
class BenderChargerTest {

    private static final String IDENTITY_READS = "100+2, 120+2, 142+10, 1002+1, 122+1, 104+1, 1001+1, 153+3, 131+1, 200+22";
    private static final String POLL_READS = "122+1, 104+1, 111+2, 1000+1, 200+22";
    private static final String CAR_READS = "720+10, 740+1, 741+6";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeBenderModbus bender = new FakeBenderModbus(clock);
    private BenderCharger charger = charger(BenderModel.CC612_CC613);

    @BeforeEach
    void aChargingCc613() {
        bender.text(100, 2, "5.33")             // firmware (application) version
                .u16(104, 6)                    // OCPP: Charging
                .u16(111, 0).u16(112, 0)        // error bits
                .text(120, 2, "1.0")            // Modbus protocol version
                .u16(122, 3)                    // pilot state C
                .u16(131, 6)                    // safe current, A
                .u16(140, 1)                    // relay: three phases
                .text(142, 10, "CC613")         // charge point model
                .u16(153, 5).u16(154, 33).u16(155, 2)
                .u32(200, 400_000).u32(202, 410_000).u32(204, 420_000)      // Wh per phase
                .u32(206, 3_650).u32(208, 3_680).u32(210, 3_700)            // W per phase
                .u32(212, 15_900).u32(214, 16_000).u32(216, 16_100)         // mA per phase
                .u32(218, 1_230_000)                                        // Wh total
                .u32(220, 11_030)                                           // W total
                .u32(222, 231).u32(224, 230).u32(226, 229)                  // V
                .u16(712, 6).u16(715, 32)
                .u32(716, 5_000).u32(718, 1_800)
                .text(720, 10, "04A2B1C3D4E5F6")  // idTag: the card serial as hex text
                .u16(730, 80)
                .u16(740, 1)                    // ISO 15118 vehicle
                .text(741, 6, "0123456789AB")   // EVCCID
                .u16(1000, 16);                 // HEMS current limit, A
    }

    @Test
    void decodesAChargingController() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(15.9, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(16.0, snapshot.currentAmpere().l2(), 1e-9);
        assertEquals(16.1, snapshot.currentAmpere().l3(), 1e-9);
        assertEquals(48.0, snapshot.currentAmpere().total(), 1e-9);
        assertEquals(3_650, snapshot.powerWatt().l1(), 1e-9);
        assertEquals(11_030, snapshot.powerWatt().total(), 1e-9, "220, not the sum of the phases");
        assertEquals(410_000, snapshot.energyWattHour().l2(), 1e-9);
        assertEquals(1_230_000, snapshot.energyWattHour().total(), 1e-9);
        assertTrue(Double.isNaN(snapshot.sessionEnergyWattHour()), "716 is not trusted: the runtime counts from 218");
        assertNull(snapshot.serialNumber(), "no serial number register");
        assertEquals("5.33.2", snapshot.firmwareVersion(), "153..155");
        assertEquals("04A2B1C3", snapshot.rfidTag(), "the first 4 bytes of the card serial");
        assertEquals("0123456789AB", snapshot.evccId());
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
        assertEquals(List.of(), snapshot.errorCodes());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void readsDocumentedRegistersOnlyAndTheIdentityOnce() throws Exception {
        charger.poll();
        assertEquals("[" + IDENTITY_READS + ", " + POLL_READS + ", " + CAR_READS + "]", bender.reads().toString());
        bender.forget();

        bender.u16(122, 1).u16(104, 0); // the car left
        charger.poll();
        assertEquals("[" + POLL_READS + "]", bender.reads().toString(), "no user id or EVCCID without a car");
        assertEquals(List.of(), bender.writes(), "nothing is written before the gateway sets a limit");
    }

    /** pilot state 122, OCPP status 104: gateway state, vehicle connected, charging */
    @ParameterizedTest(name = "122 = {0}, 104 = {1} -> {2}")
    @CsvSource({
            "1, 0, AVAILABLE,          false, false",
            "1, 2, NOT_AVAILABLE,      false, false", // reserved
            "1, 3, NOT_AVAILABLE,      false, false",
            "2, 5, CONNECTED,          true,  false", // preparing
            "2, 8, CONNECTED,          true,  false", // suspended by the EV
            "2, 7, INTERRUPTION,       true,  false", // HEMS limit 0, car not asking
            "3, 6, CHARGE,             true,  true",
            "3, 7, INTERRUPTION,       true,  false", // HEMS limit 0: 122 stays C
            "3, 5, INTERRUPTION,       true,  false", // asks, not started (authorisation)
            "4, 6, CHARGE_VENTILATION, true,  true",
            "5, 4, ERROR,              false, false",
            "2, 4, ERROR,              true,  false",
            "0, 0, ILLEGAL,            false, false",
            "3, 12, ILLEGAL,           true,  false",
    })
    void mapsPilotStateAndOcppStatus(int vehicle, int ocpp, PointState expected, boolean connected, boolean charging)
            throws Exception {
        charger.poll(); // the identity is checked with a valid state
        bender.u16(122, vehicle).u16(104, ocpp);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.state());
        assertEquals(connected, snapshot.vehicleConnected());
        assertEquals(charging, snapshot.charging());
    }

    @Test
    void errorBitsAreMakerErrorCodesNamingTheirRegister() throws Exception {
        bender.u16(104, 4).u16(111, 0x0020).u16(112, 0x0040); // Faulted: no power, contactor weld

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.ERROR, snapshot.state());
        assertEquals(List.of(0x111_0020L, 0x112_0040L), snapshot.errorCodes());
        assertFalse(snapshot.charging());
    }

    @Test
    void aDisconnectedBackOfficeIsNoChargerError() throws Exception {
        bender.u16(112, 0x0080);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertEquals(List.of(), snapshot.errorCodes());
        bender.u16(112, 0x0080 | 0x1000); // and a firmware update running
        assertEquals(List.of(0x112_1000L), charger.poll().errorCodes());
    }

    @Test
    void theLimitIsWrittenInWholeAmperesRoundedDownAndZeroPauses() throws Exception {
        charger.poll();
        charger.setCurrentLimit(16.75);
        charger.setCurrentLimit(0);
        charger.setCurrentLimit(32);

        assertEquals("[1000=16, 1000=0, 1000=32]", bender.writes().toString());
    }

    @Test
    void firmwareWithTheTenthAmpereRegisterGetsTheLimitInTenths() throws Exception {
        bender.u16(1001, 160);

        assertEquals(16.0, charger.poll().setpointAmpere(), 1e-9);
        charger.setCurrentLimit(16.75);
        ChargerSnapshot snapshot = charger.poll();

        assertEquals("[1001=167]", bender.writes().toString());
        assertEquals(16.7, snapshot.setpointAmpere(), 1e-9);
        assertTrue(bender.reads().contains("1001+1"));
    }

    @ParameterizedTest(name = "{0} A is refused")
    @ValueSource(doubles = {3, 5.9, 32.5, -1, Double.NaN})
    void refusesLimitsOutsideZeroAndTheModelsRange(double ampere) throws Exception {
        charger.poll();
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), bender.writes());
    }

    @Test
    void pauseStartStopAndUnlockAreNotSupported() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setPaused(true)).kind());
        assertEquals(Kind.NOT_SUPPORTED,
                assertThrows(DeviceException.class, () -> charger.setSessionActive(true)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, charger::unlock).kind());
    }

    /** seconds since the limit was written, 1000 as read back: is the limit written again by that poll? */
    @ParameterizedTest(name = "{0} s after the write, 1000 reads {1} -> written again: {2}")
    @CsvSource({
            "5,  16, false",
            "25, 16, false",
            "30, 16, true",  // the refresh (half the SEMP minute)
            "5,  6,  true",  // fell back to the safe current (131)
            "5,  32, true",  // another master, or a restart
    })
    void theLimitIsKeptInForce(int seconds, int readBack, boolean writtenAgain) throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        bender.forget();
        clock.advance(Duration.ofSeconds(seconds));
        bender.u16(1000, readBack);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(writtenAgain ? "[1000=16]" : "[]", bender.writes().toString());
        assertEquals(readBack < 16 ? PointState.CHARGE_REDUCED : PointState.CHARGE, snapshot.state());
        assertEquals(readBack, snapshot.setpointAmpere(), 1e-9, "the limit in force when the poll read it");
    }

    @Test
    void aPauseIsKeptInForceToo() throws Exception {
        charger.poll();
        charger.setCurrentLimit(0);
        bender.u16(104, 7).forget();
        bender.u16(1000, 6); // the controller restarted on its safe current

        assertEquals(PointState.INTERRUPTION, charger.poll().state(), "104 still says SuspendedEVSE");
        assertEquals("[1000=0]", bender.writes().toString(), "else the safe current would start charging");
    }

    @Test
    void aFailedWriteIsACommunicationErrorAndNotTakenAsWritten() throws Exception {
        charger.poll();
        bender.fail(1000, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(10));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
        assertTrue(e.getMessage().contains("Ebee / Bender / MENNEKES"), e.getMessage());
        bender.heal(1000);
        bender.forget();
        charger.poll();
        assertEquals(List.of(), bender.writes(), "no keep-alive for a limit that was never taken");
    }

    @Test
    void legacyFirmwareHasNoModelRegisterAndNoTotals() throws Exception {
        bender.remove(142, 10).remove(153, 3).remove(218, 4).remove(716, 4).remove(740, 7)
                .u32(705, 5_000).u32(709, 1_800);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(1_230_000, snapshot.energyWattHour().total(), 1e-9, "200 + 202 + 204");
        assertEquals(230 * 15.9, snapshot.powerWatt().l1(), 1e-9, "estimated from the current");
        assertEquals(230 * 48.0, snapshot.powerWatt().total(), 1e-9);
        assertEquals("5.33", snapshot.firmwareVersion(), "100: no software version registers");
        assertNull(snapshot.evccId(), "legacy firmware: 740/741 are not read");
        assertFalse(bender.reads().contains("740+1"));
        assertTrue(bender.reads().contains("200+18"));
        assertFalse(bender.reads().contains("153+3"), "legacy: no 153..155");
    }

    @Test
    void aStationWithoutMeterReportsNoMeasurements() throws Exception {
        for (int address = 200; address < 228; address += 2) {
            bender.u32(address, 0xFFFF_FFFFL);
        }

        ChargerSnapshot snapshot = charger.poll();

        assertFalse(snapshot.currentAmpere().totalMeasured());
        assertFalse(snapshot.powerWatt().totalMeasured());
        assertFalse(snapshot.energyWattHour().totalMeasured());
        bender.forget();
        charger.poll();
        assertFalse(bender.reads().contains("200+22"), "the meter is not read again");
    }

    @Test
    void aBriefNoValueAtTheActivePowerIsReadAgain() throws Exception {
        charger.poll();
        bender.glitchU32(220, 0xFFFF_FFFFL).forget();

        assertEquals(11_030, charger.poll().powerWatt().total(), 1e-9);
        assertEquals("[" + POLL_READS + ", 200+22, " + CAR_READS + "]", bender.reads().toString());

        bender.glitchU32(220, 0xFFFF_FFFFL, 0xFFFF_FFFFL);
        ChargerSnapshot twice = charger.poll();
        assertTrue(Double.isNaN(twice.powerWatt().total()), "not reported, not 4.29 GW");
        assertEquals(3_650, twice.powerWatt().l1(), 1e-9);
    }

    /** 720 as the controller holds it: the RFID tag reported */
    @ParameterizedTest(name = "720 = ''{0}'' -> {1}")
    @CsvSource({
            "04A2B1C3D4E5F6, 04A2B1C3",
            "04a2b1c3,       04A2B1C3",
            "FREECHARGING,   ",          // an idTag that is no card serial
            "04A2B1,         ",          // too short for 4 bytes
            "'',             ",          // nothing disclosed
    })
    void reportsTheCardSerialOfTheSession(String idTag, String expected) throws Exception {
        bender.text(720, 10, idTag);
        assertEquals(expected, charger.poll().rfidTag());
    }

    @Test
    void aRefusedUserIdIsNoCard() throws Exception {
        bender.remove(720, 10);
        ChargerSnapshot snapshot = charger.poll();
        assertNull(snapshot.rfidTag());
        assertEquals(PointState.CHARGE, snapshot.state());
    }

    @Test
    void theEvccIdIsReadOnlyForAnIso15118Vehicle() throws Exception {
        bender.u16(740, 0);
        assertNull(charger.poll().evccId());
        assertFalse(bender.reads().contains("741+6"));
    }

    @Test
    void theAmtron4YouNeverReadsTheIso15118Registers() throws Exception {
        bender.u16(1002, 0xFFFF).u16(1001, 160).text(142, 10, "AMTRON 4You 500");
        charger = charger(BenderModel.AMTRON_4YOU);

        ChargerSnapshot snapshot = charger.poll();
        charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertNull(snapshot.evccId());
        assertTrue(bender.reads().stream().noneMatch(read -> read.startsWith("730") || read.startsWith("740")
                || read.startsWith("741")), bender.reads().toString());
    }

    @Test
    void anAmtron4YouConfiguredAsCc613IsTheWrongDeviceBeforeTheDangerousReads() throws Exception {
        bender.u16(1002, 0xFFFF);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("mennekes-amtron-4you-4business"), e.getMessage());
        assertTrue(bender.reads().stream().noneMatch(read -> read.startsWith("74")), bender.reads().toString());
        assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        assertEquals(List.of(), bender.writes(), "nothing is written to the wrong device");
    }

    @Test
    void aCc613ConfiguredAsAmtron4YouIsTheWrongDevice() throws Exception {
        charger = charger(BenderModel.AMTRON_4YOU);
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("'bender-cc'"), e.getMessage());
    }

    @Test
    void aModelNameOfThe4YouFamilyIsEnoughToTellIt() throws Exception {
        bender.text(142, 10, "AMTRON 4Business 700");
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    /** what another device holds at 100 / 120 / 142 / 122: WRONG_DEVICE */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no firmware text,   100, 0",
            "binary firmware,    100, 0x0102",
            "binary protocol,    120, 0xFFFF",
            "binary model,       142, 0x01FF",
            "pilot state 0,      122, 0",
            "pilot state 0x4B45, 122, 0x4B45",
            "OCPP status 10,     104, 10",
    })
    void anotherDeviceIsTheWrongDevice(String what, int address, int word) throws Exception {
        bender.put(address, word);
        if (address == 100 || address == 120) {
            bender.put(address + 1, word);
        }
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.WRONG_DEVICE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("not a Bender controller"), e.getMessage());
    }

    @Test
    void anEmptyModelNameIsAControllerWithoutName() throws Exception {
        bender.text(142, 10, "");
        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    @Test
    void exceptionResponsesAreCommunicationErrorsWithTheRegisterSetHint() throws Exception {
        bender.fail(100, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("100 (firmware version)"), e.getMessage());
        assertTrue(e.getMessage().contains("Ebee / Bender / MENNEKES"), e.getMessage());
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAgainAndTheLimitRestored() throws Exception {
        charger.poll();
        charger.setCurrentLimit(20);
        bender.fail(122, new ModbusException(Kind.NOT_REACHABLE, "timeout"));
        assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

        bender.heal(122);
        bender.u16(1000, 6).forget(); // restarted meanwhile, on its safe current
        ChargerSnapshot back = charger.poll();

        assertTrue(bender.reads().get(0).equals("100+2"), "identity first: " + bender.reads());
        assertEquals(PointState.CHARGE_REDUCED, back.state());
        assertEquals("[1000=20]", bender.writes().toString());
        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    @Test
    void closeReleasesTheClient() {
        charger.close();
        assertTrue(bender.closed());
    }

    private BenderCharger charger(BenderModel model) {
        return new BenderCharger(model, new BenderReader(bender, "Bender tcp://192.0.2.1:502/255"), clock);
    }
}
