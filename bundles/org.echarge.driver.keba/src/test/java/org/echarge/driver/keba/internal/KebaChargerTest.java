package org.echarge.driver.keba.internal;

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
import org.junit.jupiter.params.provider.ValueSource;

/** Seed the registers as KEBA's programmers guide lays them out, poll or command once, check the result. */
class KebaChargerTest {

    private static final long P30_C_CABLE_32A_METER_RFID = 314111;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeKebaModbus keba = new FakeKebaModbus(clock);
    private final List<Duration> waits = new ArrayList<>();
    private final KebaCharger charger = new KebaCharger(KebaSeries.C_SERIES, keba, clock, wait -> {
        waits.add(wait);
        clock.advance(wait);
    });

    @BeforeEach
    void aChargingStation() {
        keba.seed(1016, P30_C_CABLE_32A_METER_RFID)
                .seed(1014, 19_123_456)
                .seed(1018, 0x030A_2A00L)       // firmware 3.10.42
                .seed(1600, 6000)               // failsafe 6 A
                .seed(1602, 60)                 // after 60 s
                .seed(1004, 7)                  // cable at station and EV, locked
                .seed(1000, 3)                  // charging
                .seed(1006, 0)
                .seed(1100, 16_000)             // mA in force
                .seed(1110, 32_000)
                .seed(1008, 15_980).seed(1010, 15_950).seed(1012, 16_020)
                .seed(1020, 11_040_000)         // mW
                .seed(1036, 123_456_789)        // 0.1 Wh
                .seed(1500, 0x04A2_B1C3L);
    }

    @Test
    void decodesAChargingStation() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(15.98, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(15.95, snapshot.currentAmpere().l2(), 1e-9);
        assertEquals(16.02, snapshot.currentAmpere().l3(), 1e-9);
        assertEquals(11_040, snapshot.powerWatt().total(), 1e-9);
        assertFalse(snapshot.powerWatt().perPhaseMeasured());
        assertEquals(12_345_678.9, snapshot.energyWattHour().total(), 1e-6);
        assertTrue(Double.isNaN(snapshot.sessionEnergyWattHour()), "1502 is not the gateway's session");
        assertEquals("19123456", snapshot.serialNumber());
        assertEquals("3.10.42", snapshot.firmwareVersion());
        assertEquals("04A2B1C3", snapshot.rfidTag());
        assertEquals(List.of(), snapshot.errorCodes());
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
        assertNull(snapshot.evccId());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void readsOneValuePerRequestAndTheIdentityOnlyOnce() throws Exception {
        charger.poll();
        assertEquals(List.of(1016, 1014, 1018, 1600, 1602, 1004, 1000, 1006, 1100, 1008, 1010, 1012, 1020, 1036, 1500),
                keba.reads());
        keba.forget();
        charger.poll();
        assertEquals(List.of(1004, 1000, 1006, 1100, 1008, 1010, 1012, 1020, 1036, 1500), keba.reads());
    }

    @Test
    void errorCodeIsReportedAsANumber() throws Exception {
        keba.seed(1000, 4).seed(1006, 0x40000);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.ERROR, snapshot.state());
        assertEquals(List.of(0x40000L), snapshot.errorCodes());
        assertFalse(snapshot.charging());
    }

    @Test
    void pausedByTheEnableRegisterShowsAsInterruption() throws Exception {
        keba.seed(1000, 5).seed(1008, 0).seed(1010, 0).seed(1012, 0).seed(1020, 0);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.INTERRUPTION, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertFalse(snapshot.charging());
        assertEquals(0, snapshot.currentAmpere().total(), 1e-9);
    }

    @Test
    void aTetheredCableWithoutCarIsAvailable() throws Exception {
        keba.seed(1004, 3).seed(1000, 1).seed(1500, 0);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.AVAILABLE, snapshot.state());
        assertFalse(snapshot.vehicleConnected());
        assertNull(snapshot.rfidTag(), "00000000 = no card");
    }

    @Test
    void aVariantWithoutMeterAndReaderReportsNeither() throws Exception {
        keba.seed(1016, 314_100);

        ChargerSnapshot snapshot = charger.poll();

        assertTrue(Double.isNaN(snapshot.currentAmpere().l1()));
        assertTrue(Double.isNaN(snapshot.powerWatt().total()));
        assertTrue(Double.isNaN(snapshot.energyWattHour().total()));
        assertNull(snapshot.rfidTag());
        assertFalse(keba.reads().contains(1008));
        assertFalse(keba.reads().contains(1500));
    }

    @Test
    void anRfidRegisterAnsweringWithAnExceptionMeansNoCard() throws Exception {
        keba.fail(1500, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        assertNull(charger.poll().rfidTag());

        keba.fail(1500, new ModbusException(Kind.NOT_REACHABLE, "timeout"));
        assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void lessCurrentThanRequestedIsChargeWithReducedCurrent() throws Exception {
        charger.setCurrentLimit(16);
        keba.seed(1100, 6000); // the failsafe current

        assertEquals(PointState.CHARGE_REDUCED, charger.poll().state());
        assertTrue(keba.reads().contains(1110));
    }

    @Test
    void aCableThatCarriesLessThanRequestedIsNoReduction() throws Exception {
        charger.setCurrentLimit(32);
        keba.seed(1100, 20_000).seed(1110, 20_000);

        assertEquals(PointState.CHARGE, charger.poll().state());
    }

    @Test
    void writesTheLimitInMilliampere() throws Exception {
        charger.setCurrentLimit(16.5);

        assertEquals("[5004=16500]", keba.writes().toString());
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {0, 5.9, 32.1, Double.NaN})
    void refusesCurrentsOutsideSixToThirtyTwoAmpere(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), keba.writes());
    }

    @Test
    void pausesAndResumesThroughTheEnableRegisterFiveSecondsApart() throws Exception {
        charger.setPaused(true);
        charger.setPaused(false);

        assertEquals("[5014=0, 5014=1]", keba.writes().toString());
        assertEquals(List.of(Duration.ofSeconds(5)), waits);
        assertEquals(Duration.ofSeconds(5),
                Duration.between(keba.writes().get(0).at(), keba.writes().get(1).at()));
    }

    @Test
    void unlockWritesZeroToTheUnlockRegister() throws Exception {
        charger.unlock();

        assertEquals("[5012=0]", keba.writes().toString());
    }

    @Test
    void sessionsStartOnTheirOwn() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setSessionActive(true)).kind());
    }

    @ParameterizedTest(name = "product code {0}")
    @ValueSource(longs = {4_141_111, 214_111, 304_011, 0, 315_111})
    void anotherProductIsTheWrongDeviceAndGetsNoWrite(long productCode) {
        keba.seed(1016, productCode);

        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        assertEquals(List.of(), keba.writes());
    }

    @Test
    void anXSeriesIsNotTheConfiguredCSeries() {
        keba.seed(1016, 314_011);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("x-series"), e.getMessage());
    }

    @Test
    void theHeartbeatRewritesTheFailsafeTimeoutWellWithinIt() throws Exception {
        // 60 s timeout, 10 s polls: rewritten at or after 60 / 2 - 10 = 20 s
        for (int second = 0; second <= 120; second += 10) {
            charger.poll();
            clock.advance(Duration.ofSeconds(10));
        }

        List<FakeKebaModbus.Write> heartbeats = keba.writesTo(5018);
        assertEquals(List.of(0L, 20L, 40L, 60L, 80L, 100L, 120L), heartbeats.stream()
                .map(w -> Duration.between(Instant.parse("2026-01-01T12:00:00Z"), w.at()).toSeconds()).toList());
        assertTrue(heartbeats.stream().allMatch(w -> w.value() == 60));
        assertEquals(List.of(), keba.writesTo(5004), "no limit is written while the heartbeat holds");
    }

    @Test
    void afterALapseTheLimitIsWrittenAgain() throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        clock.advance(Duration.ofSeconds(61));
        keba.forget();

        charger.poll();

        assertEquals("[5018=60, 5004=16000]", keba.writes().toString());
    }

    @Test
    void withTheFailsafeOffThereIsNoHeartbeat() throws Exception {
        keba.seed(1602, 0);
        for (int second = 0; second <= 60; second += 10) {
            charger.poll();
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(List.of(), keba.writes());
    }

    @Test
    void anImplausibleFailsafeTimeoutIsACommunicationError() {
        keba.seed(1602, 0x1_0000);

        assertEquals(Kind.COMMUNICATION, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAgain() throws Exception {
        charger.poll();
        keba.fail(1004, new ModbusException(Kind.NOT_REACHABLE, "connect failed"));
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertTrue(e.getMessage().contains("1004"), e.getMessage());

        keba.heal(1004);
        keba.seed(1016, 214_111); // someone else now answers at that address
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void aRefusedWriteIsNotSwallowed() throws Exception {
        keba.fail(5004, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("5004"), e.getMessage());
    }

    @Test
    void closeReleasesTheClient() {
        charger.close();
        assertTrue(keba.closed());
    }
}
