package org.echarge.driver.amtron.internal;

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

/** Seed the registers as the Mennekes Modbus RTU specification lays them out, poll or command once, check. */
class AmtronChargerTest {

    private static final String HEARTBEAT = "0x0D00=21930";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeAmtronModbus box = new FakeAmtronModbus();
    private final AmtronCharger charger = new AmtronCharger(AmtronChargerDriver.COMPACT, box, clock,
            AmtronTiming.DEFAULT, "AMTRON modbus_rtu/50");

    @BeforeEach
    void aChargingBox() {
        box.u16(0x0000, 0x0102)                             // 3. register layout 1.0.2
                .text(0x0001, "1.5.3")                      //    firmware version, 8 registers
                .text(0x0013, "1234567890")                 //    serial number, 8 registers
                .u16(0x0100, 5, 1, 1, 0)                    // 4. charging (C2), authorised, not downgraded, L1-L2-L3
                .u16(0x0108, 28)                            //    CP state C2
                .f32(0x0300, 10, 16, 16, 32)                // 5. downgrade 10 A, EM limit 16 A, DIP 16 A, EVSE 32 A
                .u16(0x030C, 2, 0, 1)                       //    1p/3p hardware, no cable lock, fallback: pause
                .f32(0x0500, 15.9, 16.0, 16.1)              // 6. currents
                .f32(0x0506, 230, 231, 229)                 //    voltages
                .f32(0x050C, 3657, 3696, 3687, 11040)       //    powers L1..L3, overall
                .f32(0x0900, 31.5)                          // 7. temperature
                .f32(0x0B00, 32, 4.2).u16(0x0B04, 0, 1800)  // 8. session
                .u16(0x0D02, 2, 0, 0, 1, 0)                 // 9. cable locked, no solar mode, all phases, released
                .u16(0x0E00, 0, 0, 0)                       // 10. no error, no fallback
                .f32(0x1000, 3033.42);                      // 11. total energy, kWh
    }

    @Test
    void decodesAChargingBox() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(15.9, snapshot.currentAmpere().l1(), 1e-5);
        assertEquals(16.1, snapshot.currentAmpere().l3(), 1e-5);
        assertEquals(48.0, snapshot.currentAmpere().total(), 1e-5);
        assertEquals(3696, snapshot.powerWatt().l2(), 1e-9);
        assertEquals(11040, snapshot.powerWatt().total(), 1e-9);
        assertEquals((float) 3033.42 * 1000.0, snapshot.energyWattHour().total(), 1e-9);
        assertFalse(snapshot.energyWattHour().perPhaseMeasured());
        assertTrue(Double.isNaN(snapshot.sessionEnergyWattHour()), "the runtime takes sessions from the counter");
        assertEquals(31.5, snapshot.temperatureCelsius(), 1e-9);
        assertEquals("1234567890", snapshot.serialNumber());
        assertEquals("1.5.3", snapshot.firmwareVersion());
        assertEquals(List.of(), snapshot.errorCodes());
        assertNull(snapshot.rfidTag());
        assertNull(snapshot.evccId());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void checksTheIdentityOnceThenWritesTheHeartbeatBeforeReadingOnEveryPoll() throws Exception {
        charger.poll();
        assertEquals(List.of("3:0x0000+1", "3:0x0304+4", "3:0x0001+8", "3:0x0013+8", "3:0x030E+1",
                "6:0x0D00", "3:0x0100+3", "3:0x0108+1", "3:0x0302+2", "3:0x0500+20", "3:0x0D05+2", "3:0x0E00+2",
                "3:0x0900+2", "3:0x1000+2"), box.requests());
        assertEquals(List.of(HEARTBEAT), box.writes());
        box.forget();
        clock.advance(Duration.ofSeconds(2));

        charger.poll();

        assertEquals(List.of("6:0x0D00", "3:0x0100+3", "3:0x0108+1", "3:0x0302+2", "3:0x0500+20", "3:0x0D05+2",
                "3:0x0E00+2", "3:0x0900+2", "3:0x1000+2"), box.requests());
        assertEquals(List.of(HEARTBEAT), box.writes());
    }

    /** layout, identity requests besides 0x0000/0x0304/0x0001, poll requests after the heartbeat, what is known */
    @ParameterizedTest(name = "layout {0}")
    @CsvSource(delimiter = '|', value = {
            "0x0100 | ''                        | 0x0100+3 0x0302+2 0x0500+20 0x0D05+2 0x0E00+1                    | false",
            "0x0101 | ''                        | 0x0100+3 0x0302+2 0x0500+20 0x0D05+2 0x0E00+1                    | false",
            "0x0102 | 0x0013+8 0x030E+1         | 0x0100+3 0x0108+1 0x0302+2 0x0500+20 0x0D05+2 0x0E00+2 0x0900+2 0x1000+2 | true",
            "0x0103 | 0x0013+8 0x030E+1         | 0x0100+3 0x0108+1 0x0302+2 0x0500+20 0x0D05+2 0x0E00+2 0x0900+2 0x1000+2 | true",
    })
    void readsOnlyTheRegistersOfTheBoxsLayout(String layout, String identity, String poll, boolean v102)
            throws Exception {
        int raw = Integer.decode(layout);
        box.u16(0x0000, raw);
        if (raw < 0x0102) {
            for (AmtronRegisters register : AmtronRegisters.values()) {
                if (register.since().raw() > raw) {
                    box.remove(register.address(), register.count());
                }
            }
        }

        ChargerSnapshot snapshot = charger.poll();

        List<String> expected = new java.util.ArrayList<>(List.of("3:0x0000+1", "3:0x0304+4", "3:0x0001+8"));
        for (String request : identity.split(" ")) {
            if (!request.isBlank()) {
                expected.add("3:" + request);
            }
        }
        expected.add("6:0x0D00");
        for (String request : poll.trim().split(" +")) {
            expected.add("3:" + request);
        }
        assertEquals(expected, box.requests());
        assertEquals(PointState.CHARGE, snapshot.state());
        assertEquals(v102, snapshot.serialNumber() != null);
        assertEquals(v102, snapshot.energyWattHour().totalMeasured());
        assertEquals(v102, !Double.isNaN(snapshot.temperatureCelsius()));
        assertEquals("1.5.3", snapshot.firmwareVersion());
    }

    /** EVSE state 0x0100, CP state 0x0108 -> gateway state, vehicle, charging */
    @ParameterizedTest(name = "state {0}, CP {1} -> {2}")
    @CsvSource({
            "0, 0,  START_UP,           false, false",
            "1, 10, AVAILABLE,          false, false",
            "1, 26, AVAILABLE,          false, false",
            "2, 11, CONNECTED,          true,  false",
            "3, 12, CONNECTED,          true,  false",
            "4, 27, CONNECTED,          true,  false",
            "5, 28, CHARGE,             true,  true",
            "5, 29, CHARGE_VENTILATION, true,  true",
            "6, 15, ERROR,              false, false",
            "6, 11, ERROR,              true,  false",
            "7, 10, NOT_AVAILABLE,      false, false",
            "8, 0,  ILLEGAL,            false, false",
    })
    void mapsTheEvseStates(int state, int cp, PointState expected, boolean vehicle, boolean charging)
            throws Exception {
        box.u16(0x0100, state).u16(0x0108, cp);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.state());
        assertEquals(vehicle, snapshot.vehicleConnected());
        assertEquals(charging, snapshot.charging());
    }

    @Test
    void theCarStaysConnectedThroughAnErrorThatDoesNotSayOtherwise() throws Exception {
        charger.poll();
        box.u16(0x0100, 6).u16(0x0108, 14).u16(0x0E00, 0x2A);

        ChargerSnapshot error = charger.poll();

        assertEquals(PointState.ERROR, error.state());
        assertTrue(error.vehicleConnected(), "CP state E says nothing about the car; it was plugged in before");
        assertEquals(List.of(0x2AL), error.errorCodes());
        box.u16(0x0100, 1).u16(0x0108, 10).u16(0x0E00, 0);
        assertFalse(charger.poll().vehicleConnected());
    }

    @Test
    void theDowngradeInputIsChargeWithReducedCurrent() throws Exception {
        box.u16(0x0102, 2);

        assertEquals(PointState.CHARGE_REDUCED, charger.poll().state());
    }

    /** 0x0E01 = 1: the box missed the heartbeat and runs on its fallback (0x030E) */
    @ParameterizedTest(name = "state {0}, fallback setting {1} -> {2}")
    @CsvSource({
            "5, 16, CHARGE_REDUCED",
            "5, 0,  CHARGE_REDUCED",
            "2, 1,  INTERRUPTION",
            "2, 16, CONNECTED",
            "1, 1,  INTERRUPTION",
    })
    void theMasterLostFallbackReducesOrInterrupts(int state, int setting, PointState expected) throws Exception {
        box.u16(0x0100, state).u16(0x0108, state == 5 ? 28 : 11).u16(0x030E, setting).u16(0x0E01, 1);

        assertEquals(expected, charger.poll().state());
    }

    @ParameterizedTest(name = "state {0}")
    @ValueSource(ints = {1, 2, 4})
    void aLockedBoxIsAnInterruptionAndStaysLocked(int state) throws Exception {
        box.u16(0x0100, state).u16(0x0D06, 1);

        assertEquals(PointState.INTERRUPTION, charger.poll().state());
        assertEquals(List.of(HEARTBEAT), box.writes(), "the driver does not unlock");
    }

    @Test
    void writesTheLimitAsAFloatAndPausesByTheRelease() throws Exception {
        charger.setCurrentLimit(16);
        charger.setCurrentLimit(6.5);
        charger.setPaused(true);
        charger.setPaused(false);

        assertEquals(List.of("0x0302=16.0", "0x0302=6.5", "0x0D05=0", "0x0D05=1"), box.writes());
        assertTrue(box.requests().containsAll(List.of("16:0x0302+2", "6:0x0D05")), box.requests().toString());
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {-1, 0, 5.9, 32.1, Double.NaN})
    void refusesCurrentsOutsideSixToThirtyTwoAmpere(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), box.writes());
    }

    /** DIP installation current 0x0304, EVSE maximum 0x0306, requested -> written */
    @ParameterizedTest(name = "DIP {0} A, EVSE {1} A: {2} A -> {3} A")
    @CsvSource({
            "32, 32, 32, 32.0",
            "16, 32, 20, 16.0",
            "32, 16, 20, 16.0",
            "13, 32, 10, 10.0",
            "0,  32, 25, 25.0",
    })
    void neverWritesMoreThanTheBoxAllows(double dip, double evse, double requested, String written)
            throws Exception {
        box.f32(0x0304, dip, evse);

        charger.setCurrentLimit(requested);

        assertEquals(List.of("0x0302=" + written), box.writes());
    }

    @Test
    void afterARestartOfTheBoxLimitAndReleaseAreWrittenAgain() throws Exception {
        charger.setCurrentLimit(16);
        charger.setPaused(false);
        charger.poll();
        box.f32(0x0302, 0).u16(0x0D05, 0).u16(0x0100, 2); // restarted: the box's own values
        box.forget();

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(List.of(HEARTBEAT, "0x0302=16.0", "0x0D05=1"), box.writes());
        assertEquals(16, snapshot.setpointAmpere(), 1e-9);
        box.forget();
        charger.poll();
        assertEquals(List.of(HEARTBEAT), box.writes(), "written once, then it holds");
    }

    @Test
    void aPauseIsRestoredAsWell() throws Exception {
        charger.setPaused(true);
        box.u16(0x0D05, 1);
        box.forget();

        charger.poll();

        assertEquals(List.of(HEARTBEAT, "0x0D05=0"), box.writes());
    }

    /** evcc PR 20579: after a restart the box shows 6 until the energy manager writes limit and release again. */
    @Test
    void inStateSixLimitAndReleaseAreWrittenOnEveryPollUntilItEnds() throws Exception {
        charger.setCurrentLimit(10);
        charger.setPaused(false);
        box.u16(0x0100, 6).u16(0x0108, 0);
        box.forget();

        assertEquals(PointState.ERROR, charger.poll().state());
        assertEquals(List.of(HEARTBEAT, "0x0302=10.0", "0x0D05=1"), box.writes());
        box.forget();
        charger.poll();
        assertEquals(List.of(HEARTBEAT, "0x0302=10.0", "0x0D05=1"), box.writes());

        box.u16(0x0100, 4).u16(0x0108, 27);
        box.forget();
        assertEquals(PointState.CONNECTED, charger.poll().state());
        assertEquals(List.of(HEARTBEAT), box.writes());
    }

    @Test
    void withoutWrittenValuesTheBoxsOwnAreReportedAndLeftAlone() throws Exception {
        box.f32(0x0302, 20).u16(0x0100, 6);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(20, snapshot.setpointAmpere(), 1e-9);
        assertEquals(List.of(HEARTBEAT), box.writes());
    }

    @Test
    void aLapseLongerThanTheBoxWaitsIsFollowedByTheHeartbeatAndTheValuesInForce() throws Exception {
        charger.setCurrentLimit(16);
        charger.setPaused(false);
        charger.poll();
        clock.advance(Duration.ofSeconds(12)); // the gateway was stuck: the box ran on its fallback
        box.u16(0x0E01, 1).u16(0x0100, 2).u16(0x0108, 11);
        box.forget();

        ChargerSnapshot snapshot = charger.poll();

        assertEquals("6:0x0D00", box.requests().get(0), "the heartbeat goes out first");
        assertEquals(PointState.INTERRUPTION, snapshot.state(), "fallback 0x030E = 1 pauses the box");
        assertEquals(List.of(HEARTBEAT), box.writes());
    }

    @ParameterizedTest(name = "layout 0x{0}")
    @ValueSource(strings = {"0000", "0204", "4180", "FFFF"})
    void anotherRegisterLayoutIsTheWrongDeviceAndGetsNoWrite(String layout) {
        box.u16(0x0000, Integer.parseInt(layout, 16));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("0x" + layout), e.getMessage());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setPaused(false)).kind());
        assertEquals(List.of(), box.writes());
    }

    @ParameterizedTest(name = "DIP {0} A, EVSE {1} A")
    @CsvSource({"16, 0", "16, 5", "16, 40", "16, NaN", "NaN, 32", "-1, 32", "40, 32"})
    void anImplausibleCurrentRangeIsTheWrongDevice(double dip, double evse) {
        box.f32(0x0304, dip, evse);

        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
        assertEquals(List.of(), box.writes());
    }

    @Test
    void aDeviceWithoutTheLayoutRegisterIsTheWrongDevice() {
        box.remove(0x0000, 1); // exception 2, illegal data address

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("reading 0x0000 (modbus version)"), e.getMessage());
        assertEquals(List.of(), box.writes());
    }

    @Test
    void anotherExceptionAtTheLayoutRegisterIsACommunicationFault() {
        box.fail(0x0000, new ModbusException(Kind.COMMUNICATION, "exception response 6", 6));

        assertEquals(Kind.COMMUNICATION, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void anExceptionResponseIsACommunicationFault() throws Exception {
        charger.poll();
        box.fail(0x0100, new ModbusException(Kind.COMMUNICATION, "exception response 4", 4));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertEquals(4, ((ModbusException) e).exceptionCode());
        assertTrue(e.getMessage().contains("AMTRON modbus_rtu/50 reading 0x0100..0x0102"), e.getMessage());
    }

    @Test
    void aRefusedHeartbeatIsNotSwallowed() throws Exception {
        charger.poll();
        box.fail(0x0D00, new ModbusException(Kind.COMMUNICATION, "exception response 3", 3));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("writing 21930 to 0x0D00 (heartbeat)"), e.getMessage());
    }

    @Test
    void aRefusedLimitIsNotSwallowed() throws Exception {
        charger.poll();
        box.fail(0x0302, new ModbusException(Kind.COMMUNICATION, "exception response 3", 3));

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("writing 16.0 A to 0x0302 (em charging current)"), e.getMessage());
    }

    @Test
    void aSerialNumberThatCannotBeReadIsNotReported() throws Exception {
        box.fail(0x0013, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        assertNull(charger.poll().serialNumber());
    }

    @Test
    void measurementsTheBoxCannotGiveAreNotMeasured() throws Exception {
        box.f32(0x0500, Double.NaN).f32(0x0900, Double.POSITIVE_INFINITY);

        ChargerSnapshot snapshot = charger.poll();

        assertTrue(Double.isNaN(snapshot.currentAmpere().l1()));
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAgain() throws Exception {
        charger.poll();
        box.fail(0x0D00, new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertTrue(e.getMessage().contains("AMTRON modbus_rtu/50"), e.getMessage());

        box.heal(0x0D00);
        box.forget();
        charger.poll();
        assertEquals("3:0x0000+1", box.requests().get(0));

        box.u16(0x0000, 0x0204); // someone else now answers at that address
        box.fail(0x0D00, new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        assertThrows(DeviceException.class, charger::poll);
        box.heal(0x0D00);
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void startStopAndUnlockAreNotCommandsOfTheBox() {
        assertEquals(Kind.NOT_SUPPORTED,
                assertThrows(DeviceException.class, () -> charger.setSessionActive(true)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, charger::unlock).kind());
        assertEquals(List.of(), box.requests());
    }

    @Test
    void closeReleasesTheClient() {
        charger.close();
        assertTrue(box.closed());
    }
}
