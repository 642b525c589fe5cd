package org.echarge.driver.schneider.internal;

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
import org.echarge.modbus.RegisterText.ByteOrder;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed the registers as the EVlink Pro AC register table lays them out, poll or command once, check the result. */
class SchneiderChargerTest {

    private static final Duration POLL = SchneiderChargerDriver.POLL_INTERVAL;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeSchneiderModbus evlink = new FakeSchneiderModbus(clock);
    private final SchneiderCharger charger = new SchneiderCharger(evlink, clock);

    @BeforeEach
    void aChargingStation() {
        evlink.u16(1, 8)                    // evState: charging
                .u16(150, 3)                // OCPP: charging
                .u16(1150, 1)               // EV present
                .u16(1212, 3).u16(1213, 4).u16(1214, 12)
                .f32(2999, 15.9).f32(3001, 16.0).f32(3003, 16.1).f32(3009, 16.0)
                .f32(3027, 231).f32(3029, 230).f32(3031, 229)
                .f32(3053, 3.65).f32(3055, 3.68).f32(3057, 3.70).f32(3059, 11.03)     // kW
                .u64(3203, 4_704_800)       // Wh
                .u16(4000, 0)               // life bit, reset by the station
                .u16(4001, 0).u32(4002, 0)
                .u16(4004, 16)              // setpoint, A
                .u16(4005, 10).u16(4006, 8) // degraded setpoints 1-phase / 3-phase, A
                .u32(4007, 1_200).u32(4009, 1_500).u16(4011, 0).u32(4012, 4_000)
                .u32(4020, 0).u32(4022, 0)
                .u16(4040, 1)
                .text(4060, 10, "EVB3S22N4", ByteOrder.HIGH_FIRST);
    }

    @Test
    void decodesAChargingStation() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(15.9, snapshot.currentAmpere().l1(), 1e-6);
        assertEquals(16.1, snapshot.currentAmpere().l3(), 1e-6);
        assertEquals(48.0, snapshot.currentAmpere().total(), 1e-5);
        assertEquals(3650, snapshot.powerWatt().l1(), 1e-3);
        assertEquals(3700, snapshot.powerWatt().l3(), 1e-3);
        assertEquals(11_030, snapshot.powerWatt().total(), 1e-3);
        assertEquals(4_704_800, snapshot.energyWattHour().total(), 1e-9);
        assertTrue(Double.isNaN(snapshot.sessionEnergyWattHour()), "4012 is not used: the runtime counts from 3203");
        assertEquals("3.4.12", snapshot.firmwareVersion());
        assertNull(snapshot.serialNumber(), "no serial number register in the sources");
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
        assertNull(snapshot.rfidTag());
        assertNull(snapshot.evccId());
        assertEquals(List.of(), snapshot.errorCodes());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void decodesTheFloatOfEvccsTrace() throws Exception {
        evlink.put(3059, 0xFEC6, 0x412E); // "recv ... 04 fe c6 41 2e" = 10937 W, low word first

        assertEquals(10_937, charger.poll().powerWatt().total(), 0.5);
    }

    @Test
    void writesTheLifeBitRightAfterReadingItThenReadsFiveBlocksAndTheIdentityOnlyOnce() throws Exception {
        charger.poll();
        assertEquals(List.of("1+1", "4000+24", "4040+30", "1212+3",
                "4000+24", "4000=1", "1+1", "150+1", "1150+1", "2999+62", "3203+4"), evlink.requests());
        evlink.forget();
        clock.advance(POLL);
        charger.poll();
        assertEquals(List.of("4000+24", "4000=1", "1+1", "150+1", "1150+1", "2999+62", "3203+4"), evlink.requests());
    }

    /** evState 1, OCPP status 150, presence 1150: gateway state, vehicle connected, charging */
    @ParameterizedTest(name = "1 = {0}, 150 = {1}, 1150 = {2} -> {3}")
    @CsvSource({
            "0,  0, 0, AVAILABLE,          false, false", // 0 V on the pilot: evcc counts it as A
            "2,  1, 0, AVAILABLE,          false, false",
            "6,  1, 0, AVAILABLE,          false, false",
            "6,  1, 1, AVAILABLE,          false, false", // the state wins over a lagging presence
            "3,  2, 1, INTERRUPTION,       true,  false", // B1: not authorised yet, or 0 A
            "4,  5, 1, INTERRUPTION,       true,  false", // C1: PWM withdrawn, the car still asks
            "5,  5, 1, INTERRUPTION,       true,  false", // D1
            "7,  4, 1, CONNECTED,          true,  false", // suspendedEV: the car is full
            "7,  5, 1, INTERRUPTION,       true,  false", // suspendedEVSE
            "8,  3, 1, CHARGE,             true,  true",
            "9,  3, 1, CHARGE_VENTILATION, true,  true",
            "1,  8, 1, NOT_AVAILABLE,      true,  false", // set unavailable with a car plugged in
            "1,  8, 0, NOT_AVAILABLE,      false, false",
            "6,  8, 0, NOT_AVAILABLE,      false, false",
            "10, 9, 0, ERROR,              false, false",
            "11, 9, 1, ERROR,              true,  false",
            "8,  9, 1, ERROR,              true,  true",  // faulted while the contactor is still closed
    })
    void mapsTheStationStates(int evState, int ocpp, int presence, PointState expected, boolean vehicle,
            boolean charging) throws Exception {
        evlink.u16(1, evState).u16(150, ocpp).u16(1150, presence);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.state());
        assertEquals(vehicle, snapshot.vehicleConnected());
        assertEquals(charging, snapshot.charging());
    }

    @Test
    void ninetyNineMeansNoChargeInProgress() throws Exception {
        evlink.u16(1, 6).u16(150, 1).u16(1150, 0);
        charger.poll();
        charger.setCurrentLimit(16);
        evlink.u16(4004, 99);
        ChargerSnapshot snapshot = null;
        for (int poll = 0; poll < 5; poll++) {
            clock.advance(POLL);
            snapshot = charger.poll();
        }

        assertEquals(PointState.AVAILABLE, snapshot.state());
        assertTrue(Double.isNaN(snapshot.setpointAmpere()), "99 is no setpoint");
        assertEquals(1, evlink.writesTo(4004).size(), "nothing to compare while no charge is in progress");
    }

    @Test
    void lessCurrentInForceThanRequestedIsChargeWithReducedCurrent() throws Exception {
        charger.setCurrentLimit(16);
        evlink.u16(4004, 8); // e.g. the degraded setpoint

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE_REDUCED, snapshot.state());
        assertEquals(8.0, snapshot.setpointAmpere(), 1e-9);

        evlink.u16(4004, 16);
        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    @ParameterizedTest(name = "{0} A -> {1}")
    @CsvSource({"0, 0", "6, 6", "16, 16", "16.7, 16", "31.999, 31", "32, 32"})
    void writesTheSetpointInWholeAmperesNeverAboveTheLimit(double ampere, int written) throws Exception {
        charger.setCurrentLimit(ampere);

        assertEquals("[4004=" + written + "]", evlink.writes().toString());
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {-1, 3, 5.9, 32.1, 99, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesCurrentsOtherThanZeroOrSixToThirtyTwoAmpere(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), evlink.writes());
    }

    @Test
    void zeroAmperePausesAndTheNextLimitResumes() throws Exception {
        charger.poll();
        charger.setCurrentLimit(0);
        evlink.u16(1, 3).u16(150, 5).u16(4004, 0).f32(2999, 0).f32(3001, 0).f32(3003, 0).f32(3059, 0);
        clock.advance(SchneiderKeepAlive.SETTLE);
        evlink.forget();

        ChargerSnapshot paused = charger.poll();
        charger.setCurrentLimit(16);

        assertEquals(PointState.INTERRUPTION, paused.state());
        assertTrue(paused.vehicleConnected());
        assertFalse(paused.charging());
        assertEquals(0, paused.setpointAmpere(), 1e-9);
        assertEquals("[4000=1, 4004=16]", evlink.writes().toString(), "the pause held: no rewrite of 0 A");
    }

    @Test
    void theLifeBitGoesOutAtEveryPollAndNothingElseWhileTheSetpointHolds() throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        for (int poll = 0; poll < 60; poll++) {
            clock.advance(POLL);
            charger.poll();
        }

        List<FakeSchneiderModbus.Write> beats = evlink.writesTo(4000);
        assertEquals(61, beats.size());
        assertTrue(beats.stream().allMatch(w -> w.value() == 1));
        for (int i = 1; i < beats.size(); i++) {
            assertEquals(POLL, Duration.between(beats.get(i - 1).at(), beats.get(i).at()));
        }
        assertEquals(1, evlink.writesTo(4004).size(), "only the gateway's own write");
    }

    @Test
    void aDeactivatedLifeBitIsNotWrittenUntilItIsActiveAgain() throws Exception {
        evlink.u16(4000, 2);
        for (int poll = 0; poll < 5; poll++) {
            charger.poll();
            clock.advance(POLL);
        }
        assertEquals(List.of(), evlink.writes());

        evlink.u16(4000, 0); // someone switched the supervision on again
        charger.poll();
        assertEquals("[4000=1]", evlink.writes().toString(), "from the poll that reads it");

        evlink.u16(4000, 2); // and off: 2 is never overwritten
        charger.poll();
        assertEquals("[4000=1]", evlink.writes().toString());
    }

    /** silence since the last life bit (s): is the 16 A setpoint written again right after the next life bit? */
    @ParameterizedTest(name = "{0} s of silence -> rewritten {1}")
    @CsvSource({"1, false", "3, false", "4, true", "60, true"})
    void afterALongSilenceTheSetpointFollowsTheLifeBit(int silenceSeconds, boolean rewritten) throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        clock.advance(Duration.ofSeconds(silenceSeconds));
        evlink.forget();

        charger.poll();

        assertEquals(rewritten ? "[4000=1, 4004=16]" : "[4000=1]", evlink.writes().toString());
        assertEquals(List.of("4000+24", "4000=1"), evlink.requests().subList(0, 2), "the life bit comes first");
    }

    /** 4004 read back two polls after the gateway wrote 16 A: is it written again? */
    @ParameterizedTest(name = "4004 = {0} -> rewritten {1}")
    @CsvSource({
            "16,    false",
            "99,    false", // no charge in progress
            "65535, false", // not reported
            "8,     true",  // the degraded setpoint: the station fell back
            "0,     true",  // restarted, or another master paused it
            "32,    true",  // another master raised it: DLM's limit is not in force
    })
    void aSetpointThatReadsBackOtherwiseIsWrittenAgainOnce(int readBack, boolean rewritten) throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        evlink.u16(4004, readBack);
        clock.advance(POLL);
        charger.poll(); // too soon: the station refreshes its registers once per second
        assertEquals(1, evlink.writesTo(4004).size());
        clock.advance(SchneiderKeepAlive.SETTLE);
        evlink.forget();

        clock.advance(POLL);
        charger.poll();
        evlink.u16(4004, readBack); // the station keeps its value
        clock.advance(POLL);
        charger.poll();
        clock.advance(POLL);
        charger.poll();

        assertEquals(rewritten ? List.of(16) : List.of(),
                evlink.writesTo(4004).stream().map(FakeSchneiderModbus.Write::value).toList());
    }

    @Test
    void afterTheSetpointHeldAgainAnotherMismatchIsWrittenAgain() throws Exception {
        charger.setCurrentLimit(16);
        clock.advance(SchneiderKeepAlive.SETTLE);
        evlink.u16(4004, 8);
        charger.poll();             // rewritten
        clock.advance(SchneiderKeepAlive.SETTLE);
        charger.poll();             // 4004 = 16 as written: holds
        evlink.u16(4004, 8);
        clock.advance(SchneiderKeepAlive.SETTLE);
        charger.poll();             // the next lapse

        assertEquals(List.of(16, 16, 16), evlink.writesTo(4004).stream().map(FakeSchneiderModbus.Write::value).toList());
    }

    @Test
    void beforeTheGatewaySetsALimitOnlyTheLifeBitIsWritten() throws Exception {
        evlink.u16(4004, 8);
        charger.poll();
        clock.advance(Duration.ofMinutes(5));
        charger.poll();

        assertEquals("[4000=1, 4000=1]", evlink.writes().toString());
    }

    @Test
    void errorBitfieldsAreTheMakersCodes() throws Exception {
        evlink.u16(1, 11).u16(150, 9).u32(4020, 0x0004).u32(4022, 0x0001_0100);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.ERROR, snapshot.state());
        assertEquals(List.of(0x0004L, 0x0001_0100L), snapshot.errorCodes());
    }

    @Test
    void unmappedErrorBitfieldsAreNoError() throws Exception {
        evlink.unavailable(4020, 4);

        assertEquals(List.of(), charger.poll().errorCodes());
    }

    @Test
    void unmappedMeasurementsAreNotMeasured() throws Exception {
        evlink.unavailable(3001, 2).unavailable(3203, 4);

        ChargerSnapshot snapshot = charger.poll();

        assertTrue(Double.isNaN(snapshot.currentAmpere().l2()));
        assertEquals(15.9, snapshot.currentAmpere().l1(), 1e-6);
        assertTrue(Double.isNaN(snapshot.energyWattHour().total()));
    }

    @Test
    void aReferenceWithTheLowByteFirstIsAnEvlinkProAcToo() throws Exception {
        evlink.text(4060, 10, "EVB3S07N4", ByteOrder.LOW_FIRST);

        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    @Test
    void aFirmwareWithoutCommercialReferenceIsTakenOnTheOtherChecks() throws Exception {
        evlink.unavailable(4060, 10);

        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    /** state 1, life bit 4000, commercial reference 4060: another device answers */
    @ParameterizedTest(name = "1 = {0}, 4000 = {1}, 4060 = ''{2}''")
    @CsvSource({
            "117, 0, EVB3S22N4",   // an EVlink Wallbox G4 Smart: another register map (evcc #14883)
            "8,   3, EVB3S22N4",
            "8,   0, EVH3S22P0CK", // EVlink Wallbox Plus
            "8,   0, KC-P30",
            "8,   0, ''",
    })
    void anotherDeviceIsTheWrongDeviceAndGetsNoWrite(int evState, int lifeBit, String reference) {
        evlink.u16(1, evState).u16(4000, lifeBit).text(4060, 10, reference, ByteOrder.HIGH_FIRST);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind(), e.getMessage());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        assertEquals(List.of(), evlink.writes());
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAgain() throws Exception {
        charger.poll();
        evlink.fail(1150, new ModbusException(Kind.NOT_REACHABLE, "connect failed"));
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertTrue(e.getMessage().contains("1150"), e.getMessage());

        evlink.heal(1150);
        evlink.text(4060, 10, "EVH3S22P0CK", ByteOrder.HIGH_FIRST); // someone else now answers at that address
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void aReadRefusedWithAnExceptionIsACommunicationErrorAndTheLifeBitWentOutBefore() throws Exception {
        evlink.fail(150, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("150"), e.getMessage());
        assertEquals("[4000=1]", evlink.writes().toString());
    }

    @Test
    void aRefusedSetpointIsNotSwallowed() throws Exception {
        charger.poll();
        evlink.fail(4004, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("4004"), e.getMessage());
    }

    @Test
    void sessionsUnlockAndASeparatePauseAreNotOffered() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setSessionActive(true)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, charger::unlock).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setPaused(true)).kind());
        assertEquals(List.of(), evlink.writes());
    }

    @Test
    void closeReleasesTheClient() {
        charger.close();

        assertTrue(evlink.closed());
    }
}
