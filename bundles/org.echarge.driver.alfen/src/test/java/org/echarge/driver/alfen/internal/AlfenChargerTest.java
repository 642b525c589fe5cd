package org.echarge.driver.alfen.internal;

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

/** Seed the registers as Alfen's Modbus document lays them out, poll or command once, check the result. */
class AlfenChargerTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeAlfenModbus alfen = new FakeAlfenModbus(clock);
    private AlfenCharger charger = socket(AlfenModel.SINGLE, 1);

    @BeforeEach
    void aChargingEveSingle() {
        alfen.station()
                .text(117, 5, "Alfen NV")
                .s16(122, 1)                // Modbus table version
                .text(123, 17, "6.4.0-4210")
                .text(140, 17, "NG910")
                .text(157, 11, "ACE0123456")
                .f32(1100, 32)              // station active max current, A
                .f32(1102, 41.5)            // board temperature, deg C
                .u16(1104, 1)
                .u16(1105, 1);              // sockets
        alfen.socket(1)
                .u16(300, 0x03)             // meter initialised and updated
                .f32(306, 231).f32(308, 230).f32(310, 229)
                .f32(320, 15.9).f32(322, 16.0).f32(324, 16.1).f32(326, 48.0)
                .f32(338, 3650).f32(340, 3680).f32(342, 3700).f32(344, 11_030)
                .f64(362, 400_000).f64(366, 410_000).f64(370, 420_000).f64(374, 1_230_000.5)
                .u16(1200, 1)               // operative
                .text(1201, 5, "C2")
                .f32(1206, 16)              // applied max current
                .u32(1208, 0)               // s of setpoint validity left: none written yet
                .f32(1210, 0)
                .f32(1212, 6)               // safe current
                .u16(1214, 0)
                .u16(1215, 3);
    }

    @Test
    void decodesAChargingSocket() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-6);
        assertEquals(15.9, snapshot.currentAmpere().l1(), 1e-6);
        assertEquals(16.0, snapshot.currentAmpere().l2(), 1e-6);
        assertEquals(16.1, snapshot.currentAmpere().l3(), 1e-6);
        assertEquals(48.0, snapshot.currentAmpere().total(), 1e-6);
        assertEquals(3650, snapshot.powerWatt().l1(), 1e-3);
        assertEquals(11_030, snapshot.powerWatt().total(), 1e-3);
        assertTrue(snapshot.powerWatt().perPhaseMeasured());
        assertEquals(410_000, snapshot.energyWattHour().l2(), 1e-9);
        assertEquals(1_230_000.5, snapshot.energyWattHour().total(), 1e-9);
        assertTrue(Double.isNaN(snapshot.sessionEnergyWattHour()), "no session register: the runtime counts from 374");
        assertEquals("ACE0123456", snapshot.serialNumber());
        assertEquals("6.4.0-4210", snapshot.firmwareVersion());
        assertEquals(41.5, snapshot.temperatureCelsius(), 1e-6);
        assertEquals(List.of(), snapshot.errorCodes());
        assertNull(snapshot.rfidTag());
        assertNull(snapshot.evccId());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void readsThreeBlocksPerPollAndTheIdentityOnlyOnce() throws Exception {
        charger.poll();
        assertEquals("[200:117+51, 200:1100+6, 1:1200+16, 1:300+78, 200:1100+6]", alfen.reads().toString());
        alfen.forget();
        charger.poll();
        assertEquals("[1:1200+16, 1:300+78, 200:1100+6]", alfen.reads().toString());
        assertEquals(List.of(), alfen.writes(), "nothing is written before the gateway sets a limit");
    }

    @Test
    void theRightSocketOfAnEveDoubleIsUnitTwo() throws Exception {
        alfen.station().text(140, 17, "NG920").u16(1105, 2);
        alfen.socket(2).u16(300, 0x03).u16(1200, 1).text(1201, 5, "B2").f32(1206, 10).f32(344, 0).f64(374, 5_000);
        charger = socket(AlfenModel.DOUBLE, 2);

        ChargerSnapshot snapshot = charger.poll();
        charger.setCurrentLimit(10);

        assertEquals(PointState.CONNECTED, snapshot.state());
        assertEquals(5_000, snapshot.energyWattHour().total(), 1e-9);
        assertEquals("[200:117+51, 200:1100+6, 2:1200+16, 2:300+78, 200:1100+6]", alfen.reads().toString());
        assertEquals("[2:1210=10.0]", alfen.writes().toString());
    }

    /** mode 3 state 1201, availability 1200: gateway state, vehicle connected, charging */
    @ParameterizedTest(name = "1201 = {0}, 1200 = {1} -> {2}")
    @CsvSource({
            "A,  1, AVAILABLE,          false, false",
            "E,  1, AVAILABLE,          false, false", // Alfen firmware 6.x idles in E
            "B1, 1, INTERRUPTION,       true,  false",
            "B2, 1, CONNECTED,          true,  false",
            "C1, 1, INTERRUPTION,       true,  false",
            "C2, 1, CHARGE,             true,  true",
            "D2, 1, CHARGE_VENTILATION, true,  true",
            "F,  1, ERROR,              false, false",
            "B2, 0, NOT_AVAILABLE,      true,  false",
            "C3, 1, ILLEGAL,            false, false",
    })
    void mapsTheModeThreeState(String mode3, int availability, PointState expected, boolean vehicle, boolean charging)
            throws Exception {
        alfen.socket(1).text(1201, 5, mode3).u16(1200, availability);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.state());
        assertEquals(vehicle, snapshot.vehicleConnected());
        assertEquals(charging, snapshot.charging());
    }

    @Test
    void anUnavailableModeThreeStateIsIllegal() throws Exception {
        alfen.socket(1).unavailable(1201, 5);

        assertEquals(PointState.ILLEGAL, charger.poll().state());
    }

    @Test
    void lessCurrentInForceThanRequestedIsChargeWithReducedCurrent() throws Exception {
        charger.setCurrentLimit(16);
        alfen.socket(1).f32(1206, 6).u32(1208, 50); // e.g. derated, or the safe current

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE_REDUCED, snapshot.state());
        assertEquals(6.0, snapshot.setpointAmpere(), 1e-6);

        alfen.socket(1).f32(1206, 16);
        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    @Test
    void writesTheSetpointAsOneFloat32InOneRequest() throws Exception {
        charger.setCurrentLimit(16.5);

        assertEquals(1, alfen.writes().size());
        FakeAlfenModbus.Write write = alfen.writes().get(0);
        assertEquals(1210, write.address());
        assertEquals(List.of(0x4184, 0x0000), write.words()); // 16.5f, high word first
    }

    @Test
    void zeroAmperePausesAndTheNextLimitResumes() throws Exception {
        charger.setCurrentLimit(0);
        alfen.socket(1).text(1201, 5, "B1").f32(1206, 0).u32(1208, 59);

        ChargerSnapshot paused = charger.poll();
        charger.setCurrentLimit(16);

        assertEquals(PointState.INTERRUPTION, paused.state());
        assertTrue(paused.vehicleConnected());
        assertEquals(List.of(0.0f, 16.0f), alfen.setpoints(1));
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {-1, 3, 5.9, 32.1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesCurrentsOtherThanZeroOrSixToThirtyTwoAmpere(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), alfen.writes());
    }

    /** validity left 1208 (s), setpoint read back from 1210 (A): is the 16 A setpoint written again? */
    @ParameterizedTest(name = "1208 = {0} s, 1210 = {1} A -> rewritten {2}")
    @CsvSource({
            "60,         16,  false",
            "31,         16,  false",
            "30,         16,  true",  // the margin: six polls of slack
            "1,          16,  true",
            "0,          16,  true",  // lapsed: the socket runs on its safe current
            "4294967295, 16,  true",  // unavailable (0xFFFF 0xFFFF)
            "45,         6,   true",  // restarted, or another master wrote it
            "45,         0,   true",
            "45,         NaN, true",
    })
    void keepsTheSetpointValid(long validitySeconds, double readBack, boolean rewritten) throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        alfen.socket(1).u32(1208, validitySeconds).f32(1210, readBack);
        alfen.forget();

        charger.poll();

        assertEquals(rewritten ? List.of(16.0f) : List.of(), alfen.setpoints(1));
    }

    @Test
    void aPauseIsKeptValidToo() throws Exception {
        charger.setCurrentLimit(0);
        alfen.socket(1).u32(1208, 25);
        alfen.forget();

        charger.poll();

        assertEquals(List.of(0.0f), alfen.setpoints(1), "else the safe current would start charging");
    }

    @Test
    void beforeTheGatewaySetsALimitNothingIsKeptValid() throws Exception {
        alfen.socket(1).u32(1208, 0).f32(1210, 0);

        charger.poll();
        clock.advance(Duration.ofMinutes(5));
        charger.poll();

        assertEquals(List.of(), alfen.writes());
    }

    @ParameterizedTest(name = "{0} / {1} / {2} sockets")
    @CsvSource({
            "KEBA AG,  NG910, 1",
            "'',       NG910, 1",
            "Alfen NV, NG800, 1",
            "Alfen NV, NG920, 2", // an Eve Double configured as an Eve Single
    })
    void anotherStationIsTheWrongDeviceAndGetsNoWrite(String manufacturer, String platform, int sockets) {
        alfen.station().text(117, 5, manufacturer).text(140, 17, platform).u16(1105, sockets);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.WRONG_DEVICE, e.kind(), e.getMessage());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        assertEquals(List.of(), alfen.writes());
    }

    @Test
    void anEveSingleIsNotAnEveDouble() {
        charger = socket(AlfenModel.DOUBLE, 1);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("has 1 socket(s)"), e.getMessage());
    }

    @Test
    void anUnavailableNumberOfSocketsIsACommunicationError() {
        alfen.station().unavailable(1105, 1);

        assertEquals(Kind.COMMUNICATION, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAgain() throws Exception {
        charger.poll();
        alfen.fail(1, 1201, new ModbusException(Kind.NOT_REACHABLE, "connect failed"));
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertTrue(e.getMessage().contains("unit 1"), e.getMessage());

        alfen.heal(1, 1201);
        alfen.station().text(117, 5, "ABL"); // someone else now answers at that address
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void aRefusedSetpointIsNotSwallowed() throws Exception {
        alfen.fail(1, 1210, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("1210"), e.getMessage());
        assertTrue(e.getMessage().contains("Allow writing maximum currents"), e.getMessage());
    }

    @Test
    void anExceptionResponseToAReadIsACommunicationError() {
        alfen.fail(200, 117, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("unit 200"), e.getMessage());
        assertTrue(e.getMessage().contains("Allow reading"), e.getMessage());
    }

    @ParameterizedTest(name = "meter state {0}")
    @ValueSource(ints = {0x00, 0x08, 0x0B})
    void aMeterNotInitialisedOrInErrorReportsNoMeasurements(int meterState) throws Exception {
        alfen.socket(1).u16(300, meterState);

        ChargerSnapshot snapshot = charger.poll();

        assertTrue(Double.isNaN(snapshot.currentAmpere().total()));
        assertTrue(Double.isNaN(snapshot.powerWatt().total()));
        assertTrue(Double.isNaN(snapshot.energyWattHour().total()));
        assertEquals(PointState.CHARGE, snapshot.state(), "the state does not depend on the meter");
    }

    @Test
    void aMeterWithoutStateIsTakenAsRead() throws Exception {
        alfen.socket(1).unavailable(300, 1);

        assertEquals(48.0, charger.poll().currentAmpere().total(), 1e-6);
    }

    @Test
    void unavailablePhasesKeepAlfensSums() throws Exception {
        // a 1-phase installation, or a Reallin meter without per-phase energy
        alfen.socket(1).unavailable(322, 4).unavailable(340, 4).unavailable(366, 8).f32(326, 15.9).f32(344, 3650);

        ChargerSnapshot snapshot = charger.poll();

        assertTrue(Double.isNaN(snapshot.currentAmpere().l2()));
        assertFalse(snapshot.currentAmpere().perPhaseMeasured());
        assertEquals(15.9, snapshot.currentAmpere().total(), 1e-6);
        assertEquals(3650, snapshot.powerWatt().total(), 1e-3);
        assertEquals(1_230_000.5, snapshot.energyWattHour().total(), 1e-9);
    }

    @Test
    void sessionsUnlockAndASeparatePauseAreNotOffered() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setSessionActive(true)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, charger::unlock).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setPaused(true)).kind());
        assertEquals(List.of(), alfen.writes());
    }

    @Test
    void closeReleasesBothClients() {
        charger.close();

        assertTrue(alfen.station().closed());
        assertTrue(alfen.socket(1).closed());
    }

    private AlfenCharger socket(AlfenModel model, int socket) {
        return new AlfenCharger(model, socket, alfen.station(), alfen.socket(socket), clock);
    }
}
