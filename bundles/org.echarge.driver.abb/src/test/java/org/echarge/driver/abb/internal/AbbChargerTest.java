package org.echarge.driver.abb.internal;

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

/** Seed the registers as ABB's Modbus map lays them out, poll or command once, check the snapshot or the writes. */
class AbbChargerTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeAbbModbus box = new FakeAbbModbus();
    private final AbbCharger charger = new AbbCharger(AbbChargerDriver.TERRA_AC, box, clock, AbbTiming.DEFAULT,
            "Terra AC tcp://192.0.2.10:502/1");

    @BeforeEach
    void aChargingBox() {
        box.words(0x4000, 0x5422, 0x0400, 0x4920, 0x0025) // TACW22-4-4920-T0025: Type 2 socket, 22 kW (ABB's example)
                .words(0x4004, 0x0108, 0x3200)            // firmware 1.8.32 (BCD), reserved byte
                .u32(0x4006, 32_000)                      // max rated current, mA
                .u32(0x4008, 0)                           // no error
                .u32(0x400A, 0x0111)                      // cable at station and car, locked
                .u32(0x400C, 0x0400)                      // C2, charging at the commanded current, available
                .u32(0x400E, 16_000)                      // limit in force, mA
                .u32(0x4010, 16_000).u32(0x4012, 15_900).u32(0x4014, 16_100) // mA
                .u32(0x4016, 2301).u32(0x4018, 2298).u32(0x401A, 2305)      // 0.1 V
                .u32(0x401C, 11_040)                      // W
                .u32(0x401E, 5_230)                       // Wh this session
                .u16(0x4020, 60);                         // communication timeout, s
    }

    @Test
    void decodesAChargingBox() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(16.0, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(15.9, snapshot.currentAmpere().l2(), 1e-9);
        assertEquals(16.1, snapshot.currentAmpere().l3(), 1e-9);
        assertEquals(11_040, snapshot.powerWatt().total(), 1e-9);
        assertFalse(snapshot.powerWatt().perPhaseMeasured());
        assertFalse(snapshot.energyWattHour().totalMeasured(), "no lifetime counter");
        assertEquals(5_230, snapshot.sessionEnergyWattHour(), 1e-9);
        assertEquals("TACW22-4-4920-T0025", snapshot.serialNumber());
        assertEquals("1.8.32", snapshot.firmwareVersion());
        assertEquals(List.of(), snapshot.errorCodes());
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
        assertNull(snapshot.rfidTag());
        assertNull(snapshot.evccId());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void readsTheIdentityOnceThenOneRequestPerPoll() throws Exception {
        charger.poll();
        assertEquals(List.of("3:4000h+8", "3:4020h+1", "3:4008h+24"), box.requests());
        box.forget();

        charger.poll();

        assertEquals(List.of("3:4008h+24"), box.requests());
        assertEquals(List.of(), box.writes());
    }

    /** 400Ch, 4008h, 400Ah -> gateway state, vehicle, charging, error codes */
    @ParameterizedTest(name = "400Ch {0}, error {1}, lock {2} -> {3}")
    @CsvSource({
            "0x0000, 0,      0x0000, AVAILABLE,      false, false, ''",      // A, no cable
            "0x8000, 0,      0x0001, AVAILABLE,      false, false, ''",      // A; bit 15: not charging at 4100h
            "0x0100, 0,      0x0101, INTERRUPTION,   true,  false, ''",      // B1: below 6 A, or no authorisation
            "0x0200, 0,      0x0111, CONNECTED,      true,  false, ''",      // B2: PWM on, the car does not draw
            "0x0300, 0,      0x0111, INTERRUPTION,   true,  false, ''",      // C1: the car asks, no PWM
            "0x0400, 0,      0x0111, CHARGE,         true,  true,  ''",      // C2
            "0x8400, 0,      0x0111, CHARGE_REDUCED, true,  true,  ''",      // C2 below the value of 4100h
            "0x0400, 128,    0x0111, CHARGE,         true,  true,  128",     // charging on with a warning
            "0x0500, 0,      0x0111, CONNECTED,      true,  false, ''",      // session stopped, car still there
            "0x0500, 0,      0x0001, AVAILABLE,      false, false, ''",      // evcc: A without the car
            "0x0500, 16384,  0x0111, ERROR,          true,  false, 16384",   // communication lost
            "0x0000, 2,      0x0000, ERROR,          false, false, 2",
            "0x0001, 0,      0x0000, NOT_AVAILABLE,  false, false, ''",      // availability byte: unavailable
            "0x0600, 0,      0x0000, ILLEGAL,        false, false, ''",
            "0x7F00, 0,      0x0101, ILLEGAL,        true,  false, ''",
    })
    void mapsTheChargingStates(String state, long error, String lock, PointState expected, boolean vehicle,
            boolean charging, String codes) throws Exception {
        box.u32(0x400C, Long.decode(state)).u32(0x4008, error).u32(0x400A, Long.decode(lock));

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.state());
        assertEquals(vehicle, snapshot.vehicleConnected());
        assertEquals(charging, snapshot.charging());
        assertEquals(codes.isEmpty() ? List.of() : List.of(Long.parseLong(codes)), snapshot.errorCodes());
    }

    @ParameterizedTest(name = "4020h = {0} s")
    @ValueSource(ints = {0, 10, 29})
    void aCommunicationTimeoutShorterThanSixPollsIsRaisedToAbbsDefault(int seconds) throws Exception {
        box.u16(0x4020, seconds);

        charger.poll();

        assertEquals(List.of("4106h=60"), box.writes());
        assertTrue(box.requests().contains("6:4106h+1"), box.requests().toString());
    }

    @Test
    void theInstallersLongerTimeoutIsKept() throws Exception {
        box.u16(0x4020, 1200);

        charger.poll();

        assertEquals(List.of(), box.writes());
    }

    @Test
    void aBoxWithoutTheTimeoutRegisterIsPolledAsItIs() throws Exception {
        box.remove(0x4020);

        assertEquals(PointState.CHARGE, charger.poll().state());
        assertEquals(List.of(), box.writes());
    }

    @Test
    void aBoxThatRefusesTheTimeoutKeepsItsOwn() throws Exception {
        box.u16(0x4020, 10);
        box.fail(0x4106, new ModbusException(Kind.COMMUNICATION, "exception response 3", 3));

        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    @Test
    void writesTheLimitInMilliampereAsOneU32() throws Exception {
        charger.setCurrentLimit(16);
        charger.setCurrentLimit(6.5);
        charger.setCurrentLimit(0);

        assertEquals(List.of("4100h=16000", "4100h=6500", "4100h=0"), box.writes());
        assertEquals(List.of("3:4000h+8", "3:4020h+1", "16:4100h+2", "16:4100h+2", "16:4100h+2"), box.requests());
    }

    @Test
    void neverWritesMoreThanTheHardwareAllows() throws Exception {
        box.u32(0x4006, 16_000);

        charger.setCurrentLimit(32);
        charger.setCurrentLimit(10);

        assertEquals(List.of("4100h=16000", "4100h=10000"), box.writes());
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {-1, 5.9, 32.1, Double.NaN})
    void refusesCurrentsOutsideZeroOrSixToThirtyTwoAmpere(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), box.writes());
    }

    @Test
    void zeroAmperePausesTheBox() throws Exception {
        charger.setCurrentLimit(0);
        box.u32(0x400C, 0x8300).u32(0x400E, 0).u32(0x4010, 0).u32(0x4012, 0).u32(0x4014, 0).u32(0x401C, 0);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.INTERRUPTION, snapshot.state(), "C1: the car asks, the box offers nothing");
        assertFalse(snapshot.charging());
        assertEquals(0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(List.of("4100h=0"), box.writes(), "nothing written again");
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setPaused(true)).kind());
    }

    @Test
    void lessCurrentInForceThanWrittenIsTheBoxsOwnLoadManagement() throws Exception {
        charger.setCurrentLimit(16);
        box.u32(0x400C, 0x8400).u32(0x400E, 10_000);
        box.forget();

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE_REDUCED, snapshot.state());
        assertEquals(10, snapshot.setpointAmpere(), 1e-9);
        assertEquals(List.of(), box.writes());
    }

    @Test
    void afterALostCommunicationTheLimitIsWrittenAgain() throws Exception {
        charger.setCurrentLimit(16);
        charger.poll();
        clock.advance(Duration.ofSeconds(61)); // the gateway was stuck for longer than 4020h
        box.u32(0x4008, 0x4000).u32(0x400C, 0x8500).u32(0x400E, 0).u32(0x4010, 0).u32(0x4012, 0).u32(0x4014, 0);
        box.forget();

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.ERROR, snapshot.state());
        assertEquals(List.of(0x4000L), snapshot.errorCodes());
        assertEquals(List.of("4100h=16000"), box.writes());
        box.u32(0x4008, 0).u32(0x400C, 0x0400).u32(0x400E, 16_000);
        box.forget();
        assertEquals(PointState.CHARGE, charger.poll().state());
        assertEquals(List.of(), box.writes(), "written once, then it holds");
    }

    @Test
    void silenceShorterThanTheTimeoutIsNoLapse() throws Exception {
        charger.setCurrentLimit(16);
        charger.poll();
        clock.advance(Duration.ofSeconds(59));
        box.forget();

        charger.poll();

        assertEquals(List.of(), box.writes());
    }

    @Test
    void theCommunicationLostCodeAloneHasTheLimitWrittenAgain() throws Exception {
        charger.setCurrentLimit(12);
        box.u32(0x4008, 0x4000).u32(0x400C, 0x0500);
        box.forget();

        charger.poll();

        assertEquals(List.of("4100h=12000"), box.writes());
    }

    @Test
    void aBoxThatNoLongerHoldsTheLimitGetsItAgain() throws Exception {
        charger.setCurrentLimit(10);
        box.u32(0x400E, 32_000); // restarted: 4100h is back at 32 A
        box.forget();

        charger.poll();

        assertEquals(List.of("4100h=10000"), box.writes());
    }

    @Test
    void aPauseIsRestoredAsWell() throws Exception {
        charger.setCurrentLimit(0);
        box.u32(0x400E, 16_000);
        box.forget();

        charger.poll();

        assertEquals(List.of("4100h=0"), box.writes());
    }

    @Test
    void withoutAWrittenLimitTheBoxsOwnIsReportedAndNothingWritten() throws Exception {
        box.u32(0x400E, 20_000);
        clock.advance(Duration.ofMinutes(5));

        assertEquals(20, charger.poll().setpointAmpere(), 1e-9);
        assertEquals(List.of(), box.writes());
    }

    /** serial words of 4000h: not a Terra AC */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0x4122 0x0400 0x4920 0x0025", // connector 'A'
            "0x5450 0x0400 0x4920 0x0025", // 50 kW: a Terra DC
            "0x5422 0x0400 0x4A20 0x0025", // week 4A is no BCD
            "0x5422 0x0400 0x5420 0x0025", // week 54
            "0x5422 0x0400 0x4920 0x00A5", // number byte A5
            "0x0000 0x0000 0x0000 0x0000",
            "0xFFFF 0xFFFF 0xFFFF 0xFFFF",
    })
    void anotherDeviceIsTheWrongDeviceAndGetsNoWrite(String serial) {
        int[] words = java.util.Arrays.stream(serial.split(" ")).mapToInt(Integer::decode).toArray();
        box.words(0x4000, words).u16(0x4020, 10);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains(String.format("%04X", words[0])), e.getMessage());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        assertEquals(List.of(), box.writes());
    }

    /** rated power byte, max rated current */
    @ParameterizedTest(name = "{0} kW box, {1} mA")
    @CsvSource({"0x11, 32000", "0x22, 5000", "0x07, 0", "0x22, 63000"})
    void anImplausibleRatedCurrentIsTheWrongDevice(String power, long milliampere) {
        box.words(0x4000, 0x5400 | Integer.decode(power)).u32(0x4006, milliampere);

        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void anOldFirmwareIsOnlyWarnedAbout() throws Exception {
        box.words(0x4004, 0x0105, 0x0900);

        assertEquals("1.5.9", charger.poll().firmwareVersion());
    }

    @Test
    void anExceptionResponseIsACommunicationFault() {
        box.fail(0x400C, new ModbusException(Kind.COMMUNICATION, "exception response 4", 4));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertEquals(4, ((ModbusException) e).exceptionCode());
        assertTrue(e.getMessage().contains("Terra AC tcp://192.0.2.10:502/1 reading 4008h..401Fh"), e.getMessage());
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAgainAndTheLimitWrittenAgain() throws Exception {
        charger.setCurrentLimit(16);
        charger.poll();
        box.fail(0x4008, new ModbusException(Kind.NOT_REACHABLE, "no answer within 2000 ms"));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

        clock.advance(Duration.ofSeconds(60)); // no read for longer than the timeout: the box lapsed meanwhile
        box.heal(0x4008);
        box.forget();
        charger.poll();
        assertEquals(List.of("3:4000h+8", "3:4020h+1", "3:4008h+24", "16:4100h+2"), box.requests());

        box.words(0x4000, 0x4122); // someone else now answers at that address
        box.fail(0x4008, new ModbusException(Kind.NOT_REACHABLE, "no answer within 2000 ms"));
        assertThrows(DeviceException.class, charger::poll);
        box.heal(0x4008);
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void aRefusedWriteIsNotSwallowed() throws Exception {
        charger.poll();
        box.fail(0x4100, new ModbusException(Kind.COMMUNICATION, "exception response 3", 3));

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("writing 16000 mA to 4100h"), e.getMessage());
        box.heal(0x4100);
        box.u32(0x400E, 32_000);
        box.forget();
        charger.poll();
        assertEquals(List.of(), box.writes(), "a refused limit is not taken as written");
    }

    @Test
    void startsAndStopsTheSessionWith4105h() throws Exception {
        charger.setSessionActive(false);
        charger.setSessionActive(true);

        assertEquals(List.of("4105h=1", "4105h=0"), box.writes());
        assertTrue(box.requests().contains("6:4105h+1"));
    }

    @Test
    void unlocksASocketOnceTheSessionHasEnded() throws Exception {
        box.u32(0x400C, 0x0500).u32(0x400A, 0x0111); // session stopped, cable still locked at the station

        charger.unlock();

        assertEquals(List.of("4103h=0"), box.writes());
    }

    @ParameterizedTest(name = "400Ch {0}")
    @ValueSource(ints = {0x0100, 0x0200, 0x0300, 0x0400})
    void doesNotUnlockDuringASession(int state) {
        box.u32(0x400C, state);

        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, charger::unlock).kind());
        assertEquals(List.of(), box.writes());
    }

    @Test
    void aBoxWithAFixedCableHasNothingToUnlock() {
        box.words(0x4000, 0x4722).u32(0x400C, 0x0000); // G: Type 2 cable

        DeviceException e = assertThrows(DeviceException.class, charger::unlock);

        assertEquals(Kind.NOT_SUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("Type 2 cable"), e.getMessage());
        assertEquals(List.of(), box.writes());
    }

    @Test
    void closeReleasesTheClient() {
        charger.close();
        assertTrue(box.closed());
    }
}
