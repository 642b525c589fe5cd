package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.driver.abl.internal.FakeAblModbus.Write;
import org.echarge.modbus.ModbusException;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed the blocks as the box answers them (fact sheet 8a), poll or command once, check the result. */
class AblChargerTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeAblModbus abl = new FakeAblModbus();
    private final AblCharger charger = new AblCharger(abl, clock);

    @BeforeEach
    void aChargingBox() {
        abl.seed(0x0001, 0x0141, 0x50BE)                             // knowhow: identification, sensors (0x20 of BE)
                .seed(0x000F, 0x0F3F, 0x010B, 0x010B, 0x010B, 0x010B)  // 16 A box, 16 A preset and in force
                .seed(0x002E, 0x2EC2, 0x910B, 0x009F, 0x00A0, 0x00A1)  // C2, UCP + EN1, L3 15.9, L2 16.0, L1 16.1 A
                .seed(0x0050, 0x5000, 0x3257, 0x3232, 0x5331, 0x3233, 0x3435, 0x3637, 0x2020); // "2W22S1234567  "
    }

    @Test
    void decodesAChargingBox() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.02, snapshot.setpointAmpere(), 1e-9);
        assertEquals(16.1, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(16.0, snapshot.currentAmpere().l2(), 1e-9);
        assertEquals(15.9, snapshot.currentAmpere().l3(), 1e-9);
        assertTrue(Double.isNaN(snapshot.powerWatt().total()), "no meter: power is not estimated");
        assertTrue(Double.isNaN(snapshot.energyWattHour().total()));
        assertEquals("2W22S1234567", snapshot.serialNumber());
        assertEquals("41 50 BE", snapshot.firmwareVersion());
        assertEquals(List.of(), snapshot.errorCodes());
        assertNull(snapshot.rfidTag());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
        assertEquals(List.of(), abl.writes());
    }

    @Test
    void readsWholeBlocksAndTheIdentityOnce() throws Exception {
        charger.poll();
        assertEquals(List.of(0x0001, 0x000F, 0x0050, 0x002E, 0x000F), abl.reads());
        abl.forget();
        charger.poll();
        assertEquals(List.of(0x002E, 0x000F), abl.reads());
    }

    @Test
    void aBoxWithoutCurrentSensorsReportsNoCurrents() throws Exception {
        abl.seed(0x0001, 0x0141, 0x509E);

        ChargerSnapshot snapshot = charger.poll();

        assertTrue(Double.isNaN(snapshot.currentAmpere().l1()));
        assertEquals(PointState.CHARGE, snapshot.state());
    }

    @Test
    void knowhowReportOfASinglePhaseCarPutsItsCurrentOnL1() throws Exception {
        abl.seed(0x002E, 0x2EC2, 0x9100, 0x0001, 0x0001, 0x0096);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(15.0, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(0, snapshot.currentAmpere().l2(), 1e-9, "1 = no value");
        assertEquals(0, snapshot.currentAmpere().l3(), 1e-9);
    }

    @Test
    void pausedBoxReportsInterruptionAndNoCurrentLimit() throws Exception {
        abl.seed(0x002E, 0x2EB1, 0x93E8, 0x03E8, 0x03E8, 0x03E8).seed(0x000F, 0x0F3F, 0x010B, 0x010B, 0x03E8, 0x03E8);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.INTERRUPTION, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertFalse(snapshot.charging());
        assertEquals(0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(0, snapshot.currentAmpere().total(), 1e-9, "0x03E8 = no value");
    }

    @Test
    void errorStateCarriesItsCodeAndTheCarFromTheUcpFlag() throws Exception {
        abl.seed(0x002E, 0x2EF4, 0x910B, 0x03E8, 0x03E8, 0x03E8);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.ERROR, snapshot.state());
        assertEquals(List.of(0xF4L), snapshot.errorCodes());
        assertTrue(snapshot.vehicleConnected());
        assertFalse(snapshot.charging());
    }

    @Test
    void outletDisabledAfterPowerUpIsEnabledAgain() throws Exception {
        abl.seed(0x002E, 0x2EE0, 0x1064, 0x03E8, 0x03E8, 0x03E8); // knowhow: E0 outlet disabled

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.NOT_AVAILABLE, snapshot.state());
        assertFalse(snapshot.vehicleConnected());
        assertEquals(List.of(new Write(0x0005, 0xA1A1)), abl.writes());
    }

    /** knowhow table: 6 A = 100 ... 16 A = 267, in 0.1 % duty cycle (A / 0.06) */
    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {6, 10, 10.5, 16})
    void setpointIsWrittenAsDutyCycleWithFunction16(double ampere) throws Exception {
        charger.setCurrentLimit(ampere);

        int duty = (int) Math.round(ampere / 0.06);
        assertEquals(List.of(new Write(0x0014, duty)), abl.writes());
    }

    @Test
    void setpointAboveTheBoxLimitIsHeldAtTheLimit() throws Exception {
        charger.setCurrentLimit(20);
        charger.setCurrentLimit(0);

        assertEquals(List.of(new Write(0x0014, 267), new Write(0x0014, 1000)), abl.writes());
    }

    @Test
    void pauseWritesNoChargingAndResumeTheLastCurrent() throws Exception {
        charger.setPaused(true);
        charger.setCurrentLimit(10); // kept for the resume, the box stays paused
        charger.setPaused(false);

        assertEquals(List.of(new Write(0x0014, 1000), new Write(0x0014, 1000), new Write(0x0014, 167)),
                abl.writes());
    }

    @Test
    void resumeWithoutASetpointStartsWithSixAmpere() throws Exception {
        charger.setPaused(false);

        assertEquals(List.of(new Write(0x0014, 100)), abl.writes());
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {-1, 3, 5.9, 32.1, Double.NaN})
    void currentsOutsideTheRangeAreRefused(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), abl.writes());
    }

    @Test
    void aLostSetpointIsWrittenAgain() throws Exception {
        charger.setCurrentLimit(10);
        abl.seed(0x000F, 0x0F3F, 0x010B, 0x010B, 0x010B, 0x010B); // the box restarted at its limit
        abl.forget();

        charger.poll();

        assertEquals(List.of(new Write(0x0014, 167)), abl.writes());
        abl.forget();
        charger.poll();
        assertEquals(List.of(), abl.writes(), "the box holds it again");
    }

    @Test
    void theFirstRequestAfterIdleIsSentAgain() throws Exception {
        abl.sleep();

        assertEquals(PointState.CHARGE, charger.poll().state());
        assertEquals(List.of(0x0001, 0x0001, 0x000F, 0x0050, 0x002E, 0x000F), abl.reads());
    }

    @Test
    void aSilentBoxIsNotReachableAndCheckedAgainAfterwards() throws Exception {
        charger.poll();
        abl.fail(0x002E, new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        abl.forget();

        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertTrue(e.getMessage().contains("reading 0x002E (status report)"), e.getMessage());
        assertEquals(List.of(0x002E, 0x002E), abl.reads(), "sent twice");

        abl.heal(0x002E);
        abl.forget();
        charger.poll();
        assertEquals(List.of(0x0001, 0x000F, 0x0050, 0x002E, 0x000F), abl.reads());
    }

    @Test
    void anotherDeviceIsTheWrongDeviceAndNothingIsWritten() {
        abl.seed(0x0001, 0x0000, 0x0001); // e.g. a meter's registers: no address echo

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("0x0001 (identification) starts with 0x00"), e.getMessage());
        assertEquals(List.of(), abl.writes());
    }

    @Test
    void anExceptionToTheIdentificationIsTheWrongDevice() {
        abl.fail(0x0001, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void aGarbledBlockInAPollIsACommunicationError() throws Exception {
        charger.poll();
        abl.seed(0x002E, 0x0FC2, 0x910B, 0x03E8, 0x03E8, 0x03E8);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("starts with 0x0F instead of its address"), e.getMessage());
    }

    @Test
    void aBoxWithoutSerialNumberStillWorks() throws Exception {
        abl.fail(0x0050, new ModbusException(Kind.NOT_REACHABLE, "no answer"));

        ChargerSnapshot snapshot = charger.poll();

        assertNull(snapshot.serialNumber());
        assertEquals(PointState.CHARGE, snapshot.state());
    }

    @Test
    void aRefusedWriteIsAFault() {
        abl.fail(0x0014, new ModbusException(Kind.COMMUNICATION, "exception response 3", 3));

        ModbusException e = assertThrows(ModbusException.class, () -> charger.setCurrentLimit(16));
        assertEquals(Kind.COMMUNICATION, e.kind());
        assertEquals(3, e.exceptionCode());
        assertTrue(e.getMessage().contains("writing 267 to 0x0014 (set current)"), e.getMessage());
    }

    @Test
    void aSetpointThatDidNotGetThroughIsWrittenByTheNextPoll() throws Exception {
        charger.poll();
        abl.fail(0x0014, new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(10)).kind());
        abl.heal(0x0014);
        abl.forget();

        charger.poll();

        assertEquals(List.of(new Write(0x0014, 167)), abl.writes());
    }

    @Test
    void sessionStartStopAndUnlockAreNotSupported() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setSessionActive(true)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, charger::unlock).kind());
    }

    @Test
    void closeReleasesTheClient() {
        charger.close();
        assertTrue(abl.closed());
    }
}
