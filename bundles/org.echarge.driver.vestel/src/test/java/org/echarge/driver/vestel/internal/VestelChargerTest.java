package org.echarge.driver.vestel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** Seed the registers as the Vestel register table lays them out, poll or command once, check the result. */
class VestelChargerTest {

    private static final Duration POLL = VestelChargerDriver.POLL_INTERVAL;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeVestelModbus vestel = new FakeVestelModbus(clock);
    private final VestelCharger charger = new VestelCharger(VestelModel.EVC04, vestel, clock);

    @BeforeEach
    void aChargingEvc04() {
        vestel.text(100, 25, "EVC04A1234567")           // serial number
                .text(130, 50, "CP-0001")               // charge point id
                .text(190, 10, "VESTEL")                // brand
                .text(210, 5, "EVC04")                  // model
                .text(230, 50, "v3.187.0-20240301")     // firmware
                .u16(404, 1)                            // 3-phase installation
                .u16(1000, 2)                           // Charging
                .u16(1001, 1)                           // C2
                .u16(1002, 0)
                .u16(1004, 3)                           // vehicle connected, cable locked
                .u32(1006, 0)                           // no fault
                .u16(1008, 15_900).u16(1010, 16_000).u16(1012, 16_100)   // mA
                .u16(1014, 231).u16(1016, 230).u16(1018, 229)            // V
                .u32(1020, 11_030)                      // W
                .u32(1024, 3_650).u32(1028, 3_680).u32(1032, 3_700)      // W
                .u32(1036, 12_345)                      // 0.1 kWh
                .u16(1100, 16)                          // session max current, A
                .u16(1102, 6).u16(1104, 32).u16(1106, 32)
                .u32(1502, 4_250)                       // session energy, Wh
                .text(1516, 15, "04A2B3C4D5E6F7")       // RFID of the session
                .holding(405, 1)
                .holding(2000, 6)                       // failsafe current, A
                .holding(2002, 20)                      // failsafe timeout, s
                .holding(5004, 16)                      // charging current, A
                .holding(6000, 0);                      // alive
    }

    @Test
    void decodesAChargingBox() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(15.9, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(16.1, snapshot.currentAmpere().l3(), 1e-9);
        assertEquals(48.0, snapshot.currentAmpere().total(), 1e-9);
        assertEquals(3_680, snapshot.powerWatt().l2(), 1e-9);
        assertEquals(11_030, snapshot.powerWatt().total(), 1e-9);
        assertEquals(1_234_500, snapshot.energyWattHour().total(), 1e-9);
        assertFalse(snapshot.energyWattHour().perPhaseMeasured());
        assertEquals(4_250, snapshot.sessionEnergyWattHour(), 1e-9);
        assertEquals("EVC04A1234567", snapshot.serialNumber());
        assertEquals("v3.187.0-20240301", snapshot.firmwareVersion());
        assertEquals("04A2B3C4", snapshot.rfidTag(), "the first 4 bytes of the card");
        assertEquals(List.of(), snapshot.errorCodes());
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
        assertNull(snapshot.evccId());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void readsEveryValueInItsOwnRequestAndTheIdentityOnlyOnce() throws Exception {
        charger.poll();
        assertEquals(List.of("4:210+5", "4:190+10", "4:100+25", "4:230+50", "4:404+1", "3:2000+1", "3:2002+1",
                "4:1004+1", "4:1000+1", "4:1001+1", "4:1006+2", "4:1100+1", "3:5004+1", "4:1008+1", "4:1010+1",
                "4:1012+1", "4:1024+2", "4:1028+2", "4:1032+2", "4:1020+2", "4:1036+2", "4:1502+2", "4:1516+15",
                "6:6000=1"), vestel.requests());
        vestel.forget();
        clock.advance(POLL);
        charger.poll();
        assertEquals(List.of("4:1004+1", "4:1000+1", "4:1001+1", "4:1006+2", "4:1100+1", "3:5004+1", "4:1008+1",
                "4:1010+1", "4:1012+1", "4:1024+2", "4:1028+2", "4:1032+2", "4:1020+2", "4:1036+2", "4:1502+2",
                "4:1516+15", "6:6000=1"), vestel.requests());
        assertEquals("[6000=1]", vestel.writes().toString(), "no setpoint before the gateway sets one");
    }

    /** 1000 charge point state, 1001 charging state, 1004 cable state: gateway state, vehicle, charging */
    @ParameterizedTest(name = "1000 = {0}, 1001 = {1}, 1004 = {2} -> {3}")
    @CsvSource({
            "0, 0, 0, AVAILABLE,     false, false",
            "0, 0, 1, AVAILABLE,     false, false", // tethered cable, no car
            "1, 0, 2, CONNECTED,     true,  false", // Preparing
            "2, 1, 3, CHARGE,        true,  true",
            "3, 0, 3, INTERRUPTION,  true,  false", // SuspendedEVSE: paused at 0 A
            "4, 0, 3, CONNECTED,     true,  false", // SuspendedEV: the car is full
            "5, 0, 2, CONNECTED,     true,  false", // Finishing
            "6, 0, 0, NOT_AVAILABLE, false, false", // Reserved
            "7, 0, 0, NOT_AVAILABLE, false, false", // Unavailable
            "8, 0, 2, ERROR,         true,  false", // Faulted
            "9, 0, 0, ILLEGAL,       false, false",
            "2, 1, 0, ILLEGAL,       false, false", // charging without a car
            "0, 0, 4, ILLEGAL,       false, false",
    })
    void mapsTheStateRegisters(int state, int charging, int cable, PointState expected, boolean vehicle,
            boolean drawing) throws Exception {
        vestel.u16(1000, state).u16(1001, charging).u16(1004, cable);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.state());
        assertEquals(vehicle, snapshot.vehicleConnected());
        assertEquals(drawing, snapshot.charging());
    }

    @Test
    void aFaultedBoxReportsItsFaultCode() throws Exception {
        vestel.u16(1000, 8).u16(1001, 0).u32(1006, 0x0001_0042);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.ERROR, snapshot.state());
        assertEquals(List.of(0x0001_0042L), snapshot.errorCodes());
    }

    /** setpoint asked for, value written to 5004 (whole amps, cut, never above what was allowed) */
    @ParameterizedTest(name = "{0} A -> 5004 = {1}")
    @CsvSource({"6, 6", "16, 16", "10.7, 10", "32, 32", "0, 0"})
    void writesTheSetpointInWholeAmps(double ampere, int written) throws Exception {
        charger.setCurrentLimit(ampere);

        assertEquals("[5004=" + written + "]", vestel.writes().toString());
        assertTrue(vestel.requests().contains("4:210+5"), "the identity is checked before anything is written");
    }

    @ParameterizedTest(name = "{0} A is refused")
    @CsvSource({"3", "5.9", "32.5", "-1", "NaN"})
    void refusesSetpointsOutsideTheRange(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), vestel.writes());
    }

    @Test
    void aPauseIsZeroAmpereAndKeptInTheDriver() throws Exception {
        charger.poll();
        charger.setCurrentLimit(0);
        assertEquals(0, vestel.holdingValue(5004));
        // the box stops offering current and reads back its hardware minimum (evcc issue 10527)
        vestel.holding(5004, 6).u16(1000, 3).u16(1001, 0).u16(1100, 0);
        vestel.forget();
        clock.advance(POLL);

        ChargerSnapshot paused = charger.poll();

        assertEquals(PointState.INTERRUPTION, paused.state());
        assertEquals(0, paused.setpointAmpere(), 1e-9);
        assertEquals("[6000=1]", vestel.writes().toString(), "6 A read back is no reason to write again");

        vestel.u16(1000, 0).u16(1004, 0);
        clock.advance(POLL);
        assertEquals(0, charger.poll().setpointAmpere(), 1e-9, "no car: still paused, although 5004 reads 6");
    }

    @Test
    void aPausedBoxWhoseCarDrawsGetsZeroAmpereAgain() throws Exception {
        charger.poll();
        charger.setCurrentLimit(0);
        vestel.holding(5004, 6); // still charging: 1000 = 2, 1001 = 1
        vestel.forget();
        clock.advance(POLL);

        charger.poll();

        assertEquals("[6000=1, 5004=0]", vestel.writes().toString());
    }

    /** failsafe timeout (2002): the interval of the heartbeat when polled every 5 s */
    @ParameterizedTest(name = "failsafe timeout {0} s -> a heartbeat every {1} s")
    @CsvSource({"0, 5", "6, 5", "10, 5", "20, 5", "60, 15", "300, 75", "3600, 900"})
    void feedsTheAliveRegisterEveryQuarterOfTheTimeout(int timeoutSeconds, int everySeconds) throws Exception {
        vestel.holding(2002, timeoutSeconds);
        for (int poll = 0; poll < 480; poll++) { // 40 minutes
            charger.poll();
            clock.advance(POLL);
        }
        List<Instant> beats = vestel.writes().stream().filter(w -> w.address() == 6000).map(FakeVestelModbus.Write::at)
                .toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < beats.size(); i++) {
            gaps.add(Duration.between(beats.get(i - 1), beats.get(i)).toSeconds());
        }
        assertEquals(everySeconds, gaps.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertEquals(everySeconds, gaps.stream().mapToLong(Long::longValue).min().orElseThrow());
    }

    @Test
    void afterALapseTheSetpointIsWrittenAgain() throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        clock.advance(POLL);
        charger.poll();
        vestel.forget();

        clock.advance(Duration.ofSeconds(25)); // the gateway was stuck longer than the failsafe timeout (20 s)
        vestel.u16(1100, 6);                   // the box runs on its failsafe current
        ChargerSnapshot fallen = charger.poll();

        assertEquals(PointState.CHARGE_REDUCED, fallen.state());
        assertEquals(6, fallen.setpointAmpere(), 1e-9);
        assertEquals("[6000=1, 5004=16]", vestel.writes().toString());
    }

    @Test
    void aRestartedBoxGetsTheSetpointBack() throws Exception {
        charger.poll();
        charger.setCurrentLimit(20);
        vestel.holding(5004, 32).forget(); // the box restarted with its default
        clock.advance(POLL);

        charger.poll();

        assertEquals("[6000=1, 5004=20]", vestel.writes().toString());
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAndTheSetpointWrittenAgain() throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        vestel.fail(1004, new ModbusException(Kind.NOT_REACHABLE, "connect failed"));
        clock.advance(POLL);
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertTrue(e.getMessage().contains("1004"), e.getMessage());

        vestel.heal(1004);
        vestel.forget();
        clock.advance(POLL);
        charger.poll();

        assertEquals("4:210+5", vestel.requests().get(0));
        assertEquals("[6000=1, 5004=16]", vestel.writes().toString());
    }

    /** 1100 offered, 1104 EVSE max, 1106 cable max (0: none) with 16 A set: reduced? */
    @ParameterizedTest(name = "1100 = {0}, 1104 = {1}, 1106 = {2} -> {3}")
    @CsvSource({
            "16, 32, 32, CHARGE",
            "6,  32, 32, CHARGE_REDUCED", // failsafe current
            "10, 32, 0,  CHARGE_REDUCED", // derating
            "13, 32, 13, CHARGE",         // a 13 A cable: the gateway cannot have more
            "10, 10, 32, CHARGE",         // the box is set up for 10 A
    })
    void chargesWithReducedCurrentWhenTheBoxOffersLessThanAskedFor(int offered, int evseMax, int cableMax,
            PointState expected) throws Exception {
        charger.setCurrentLimit(16);
        vestel.u16(1100, offered).u16(1104, evseMax).u16(1106, cableMax);

        assertEquals(expected, charger.poll().state());
    }

    @Test
    void anotherMakersTextsAreTheWrongDevice() throws Exception {
        vestel.packedText(210, 5, "TACW22");
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("TACW22"), e.getMessage());
        assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        assertEquals(List.of(), vestel.writes(), "nothing is written to another device");
    }

    @ParameterizedTest(name = "firmware ''{0}''")
    @CsvSource({"''", "unknown", "EVC04"})
    void aBoxWithoutAFirmwareVersionIsTheWrongDevice(String firmware) {
        vestel.remove(230, 50).text(230, 50, firmware);
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    /** firmware, RFID text in 1516 (absent: refused): the tag reported */
    @ParameterizedTest(name = "firmware {0}, 1516 = ''{1}'' -> {2}")
    @CsvSource({
            "v3.187.0,  04a2b3c4d5e6f7, 04A2B3C4",
            "v3.156.0,  A1B2C3D4,       A1B2C3D4",
            "v3.156.0,  CARD-7,         CARD-7",   // not hex: as the box reports it
            "v3.156.0,  00000000,       ",
            "v3.156.0,  '',             ",
            "v3.156.0,  absent,         ",         // refused (exception 2): no card
            "v3.140.0,  04A2B3C4,       ",         // not read before 3.156.0
    })
    void reportsTheRfidCardOfTheSession(String firmware, String rfid, String expected) throws Exception {
        vestel.remove(230, 50).text(230, 50, firmware).remove(1516, 15);
        if (!rfid.equals("absent")) {
            vestel.text(1516, 15, rfid);
        }

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.rfidTag());
        assertEquals(firmware.startsWith("v3.140") ? 0 : 1,
                vestel.requests().stream().filter(r -> r.startsWith("4:1516")).count());
    }

    @Test
    void exceptionResponsesAreCommunicationErrorsAndKeepTheIdentity() throws Exception {
        charger.poll();
        vestel.fail(1000, new ModbusException(Kind.COMMUNICATION, "exception response 4", 4));
        clock.advance(POLL);
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("1000 (charge point state)"), e.getMessage());

        vestel.heal(1000);
        vestel.forget();
        charger.poll();
        assertFalse(vestel.requests().contains("4:210+5"), "the box answered: no new identity check");
    }

    @Test
    void aRefusedWriteIsNeverSwallowed() throws Exception {
        charger.poll();
        vestel.fail(5004, new ModbusException(Kind.COMMUNICATION, "exception response 3", 3));
        DeviceException limit = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        assertEquals(Kind.COMMUNICATION, limit.kind());
        assertTrue(limit.getMessage().contains("5004"), limit.getMessage());
        vestel.heal(5004);

        vestel.fail(6000, new ModbusException(Kind.COMMUNICATION, "exception response 4", 4));
        clock.advance(POLL);
        DeviceException heartbeat = assertThrows(DeviceException.class, charger::poll);
        assertTrue(heartbeat.getMessage().contains("6000 (alive)"), heartbeat.getMessage());
    }

    @Test
    void commandsTheBoxLacksAreNotSupported() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setPaused(true)).kind());
        assertEquals(Kind.NOT_SUPPORTED,
                assertThrows(DeviceException.class, () -> charger.setSessionActive(false)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, charger::unlock).kind());
        assertEquals(List.of(), vestel.requests());
    }

    @Test
    void closeReleasesTheOneClient() {
        charger.close();
        assertTrue(vestel.closed());
    }
}
