package org.echarge.driver.heidelberg.internal;

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

/** Seed the registers as Amperfied's register table lays them out, poll or command once, check the result. */
class HeidelbergChargerTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeHeidelbergModbus box = new FakeHeidelbergModbus();
    private final HeidelbergCharger charger = new HeidelbergCharger(HeidelbergChargerDriver.ENERGY_CONTROL, box, clock,
            HeidelbergTiming.DEFAULT, "Energy Control modbus_rtu/1");

    @BeforeEach
    void aChargingBox() {
        box.input(4, 0x0107)                   // register layout 1.0.7
                .input(5, 7)                    // C2: charging
                .input(6, 160, 158, 161)        // 0.1 A
                .input(9, 345)                  // 34.5 degrees
                .input(10, 230, 231, 229)       // V
                .input(13, 1)                   // external lock input: unlocked
                .input(14, 11_040)              // VA
                .input(15, 0, 5_000)            // VAh since power-on
                .input(17, 188, 24_832)         // VAh since installation: 12 345 600
                .input(100, 16, 6)              // DIP switches: 6..16 A
                .inputText(102, 32, "EC-11KW-4711 SN 190012345")
                .input(200, 1)                  // hardware variant
                .input(203, 263)                // application software
                .holding(257, 15_000, 4, 1)     // watchdog 15 s, standby off, unlocked
                .holding(261, 160, 0);          // 16 A in force, failsafe current 0
    }

    @Test
    void decodesAChargingBox() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(16.0, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(15.8, snapshot.currentAmpere().l2(), 1e-9);
        assertEquals(16.1, snapshot.currentAmpere().l3(), 1e-9);
        assertEquals(11_040, snapshot.powerWatt().total(), 1e-9);
        assertFalse(snapshot.powerWatt().perPhaseMeasured());
        assertEquals(12_345_600, snapshot.energyWattHour().total(), 1e-9);
        assertTrue(Double.isNaN(snapshot.sessionEnergyWattHour()), "the runtime takes sessions from the counter");
        assertEquals(34.5, snapshot.temperatureCelsius(), 1e-9);
        assertEquals("EC-11KW-4711 SN 190012345", snapshot.serialNumber());
        assertEquals("263", snapshot.firmwareVersion());
        assertEquals(List.of(), snapshot.errorCodes());
        assertNull(snapshot.rfidTag());
        assertNull(snapshot.evccId());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void aNegativeTemperatureIsSigned() throws Exception {
        box.input(9, 0xFF9C); // -10.0 degrees

        assertEquals(-10.0, charger.poll().temperatureCelsius(), 1e-9);
    }

    @Test
    void readsTheIdentityOnceThenTwoRequestsPerPoll() throws Exception {
        charger.poll();
        assertEquals(List.of("4:4+1", "4:100+2", "3:257+3", "4:102+32", "4:200+1", "4:203+1", "3:262+1",
                "4:5+14", "3:261+1"), box.requests());
        box.forget();

        charger.poll();

        assertEquals(List.of("4:5+14", "3:261+1"), box.requests());
        assertEquals(List.of(), box.writes());
    }

    /** layout, the poll's block, power measured, energy counter, firmware (203), hardware variant read (200) */
    @ParameterizedTest(name = "layout {0}")
    @CsvSource({
            "0x0100, 4:5+9,  false, false, false, false",
            "0x0103, 4:5+9,  false, false, false, true",
            "0x0104, 4:5+12, true,  false, false, true",
            "0x0105, 4:5+12, true,  false, true,  true",
            "0x0107, 4:5+14, true,  true,  true,  true",
            "0x0108, 4:5+14, true,  true,  true,  true",
    })
    void readsOnlyTheRegistersOfTheBoxsLayout(String layout, String block, boolean power, boolean energy,
            boolean firmware, boolean variant) throws Exception {
        int raw = Integer.decode(layout);
        box.input(4, raw);
        forgetRegistersNewerThan(raw);

        ChargerSnapshot snapshot = charger.poll();

        assertTrue(box.requests().contains(block), box.requests().toString());
        assertEquals(power, snapshot.powerWatt().totalMeasured());
        assertEquals(energy, snapshot.energyWattHour().totalMeasured());
        assertEquals(firmware ? "263" : null, snapshot.firmwareVersion());
        assertEquals(variant, box.requests().contains("4:200+1"));
    }

    private void forgetRegistersNewerThan(int layout) {
        for (HeidelbergRegisters register : HeidelbergRegisters.values()) {
            if (register.table() == HeidelbergRegisters.Table.INPUT && register.since().raw() > layout) {
                for (int i = 0; i < register.count(); i++) {
                    box.removeInput(register.address() + i);
                }
            }
        }
    }

    /** charging state 5 -> gateway state, vehicle, charging, error codes */
    @ParameterizedTest(name = "state {0} -> {1}")
    @CsvSource({
            "2,  AVAILABLE,      false, false, ''",
            "3,  AVAILABLE,      false, false, ''",
            "4,  CONNECTED,      true,  false, ''",
            "5,  CONNECTED,      true,  false, ''",
            "6,  CONNECTED,      true,  false, ''",
            "7,  CHARGE,         true,  true,  ''",
            "8,  CHARGE_REDUCED, true,  true,  ''",
            "9,  ERROR,          false, false, 9",
            "10, ERROR,          false, false, 10",
            "11, ERROR,          false, false, 11",
            "0,  ILLEGAL,        false, false, ''",
    })
    void mapsTheChargingStates(int state, PointState expected, boolean vehicle, boolean charging, String codes)
            throws Exception {
        box.input(5, state);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(expected, snapshot.state());
        assertEquals(vehicle, snapshot.vehicleConnected());
        assertEquals(charging, snapshot.charging());
        assertEquals(codes.isEmpty() ? List.of() : List.of(Long.parseLong(codes)), snapshot.errorCodes());
    }

    @Test
    void theCarStaysConnectedThroughF() throws Exception {
        charger.poll();
        box.input(5, 10);

        ChargerSnapshot inF = charger.poll();

        assertEquals(PointState.ERROR, inF.state());
        assertTrue(inF.vehicleConnected(), "F says nothing about the car; it was plugged in before");
        box.input(5, 3);
        assertFalse(charger.poll().vehicleConnected());
    }

    @Test
    void switchesStandbyOffSetsTheWatchdogAndReleasesTheRemoteLockBeforeTheFirstPoll() throws Exception {
        box.holding(257, 0, 0, 0); // watchdog off, standby on, remote-locked

        charger.poll();

        assertEquals(List.of("258=4", "257=15000", "259=1"), box.writes());
    }

    @Test
    void aShortWatchdogIsRaisedToTheOneThePollsServe() throws Exception {
        box.holding(257, 1_000);

        charger.poll();

        assertEquals(List.of("257=15000"), box.writes());
    }

    @Test
    void writesTheLimitInDeciampere() throws Exception {
        charger.setCurrentLimit(16);
        charger.setCurrentLimit(6.5);
        charger.setCurrentLimit(0);

        assertEquals(List.of("261=160", "261=65", "261=0"), box.writes());
        assertTrue(box.requests().contains("16:261+1"));
    }

    @Test
    void zeroAmperePausesTheBox() throws Exception {
        charger.setCurrentLimit(0);
        box.input(5, 6).input(6, 0, 0, 0); // C1: the car asks, the box offers nothing

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CONNECTED, snapshot.state());
        assertFalse(snapshot.charging());
        assertEquals(0, snapshot.setpointAmpere(), 1e-9);
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {-1, 5.9, 16.1, 32, Double.NaN})
    void refusesCurrentsOutsideZeroOrSixToSixteenAmpere(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), box.writes());
    }

    @Test
    void neverWritesMoreThanTheDipSwitchesAllow() throws Exception {
        box.input(100, 10);

        charger.setCurrentLimit(16);
        charger.setCurrentLimit(8);

        assertEquals(List.of("261=100", "261=80"), box.writes());
    }

    @Test
    void belowTheBoxsMinimumItPausesRatherThanChargeAboveTheLimit() throws Exception {
        box.input(101, 8);

        charger.setCurrentLimit(7);

        assertEquals(List.of("261=0"), box.writes());
    }

    @Test
    void afterAWatchdogLapseTheLimitIsWrittenAgain() throws Exception {
        charger.setCurrentLimit(16);
        charger.poll();
        clock.advance(Duration.ofSeconds(20)); // the gateway was stuck: the box fell back to its failsafe current
        box.holding(261, 0).input(5, 10);
        box.forget();

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(List.of("261=160"), box.writes());
        assertEquals(16, snapshot.setpointAmpere(), 1e-9);
        assertEquals(PointState.ERROR, snapshot.state(), "F until the box has recovered");
        box.forget();
        charger.poll();
        assertEquals(List.of(), box.writes(), "written once, then it holds");
    }

    @Test
    void aPauseIsRestoredAsWell() throws Exception {
        charger.setCurrentLimit(0);
        box.holding(261, 60); // failsafe current 6 A after a lapse

        charger.poll();

        assertEquals(List.of("261=0", "261=0"), box.writes());
    }

    @Test
    void withoutAWrittenLimitTheBoxsOwnIsReported() throws Exception {
        box.holding(261, 100);

        assertEquals(10, charger.poll().setpointAmpere(), 1e-9);
        assertEquals(List.of(), box.writes());
    }

    @ParameterizedTest(name = "layout 0x{0}")
    @ValueSource(strings = {"0000", "0204", "4180", "FFFF"})
    void anotherRegisterLayoutIsTheWrongDeviceAndGetsNoWrite(String layout) {
        box.input(4, Integer.parseInt(layout, 16)).holding(257, 0, 0, 0);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("0x" + layout), e.getMessage());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        assertEquals(List.of(), box.writes());
    }

    @ParameterizedTest(name = "max {0} A, min {1} A")
    @CsvSource({"0, 0", "16, 0", "5, 5", "10, 12", "63, 6"})
    void anImplausibleCurrentRangeIsTheWrongDevice(int max, int min) {
        box.input(100, max, min);

        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
        assertEquals(List.of(), box.writes());
    }

    @Test
    void anExceptionResponseIsACommunicationFault() {
        box.fail(5, new ModbusException(Kind.COMMUNICATION, "exception response 4", 4));

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertEquals(4, ((ModbusException) e).exceptionCode());
        assertTrue(e.getMessage().contains("reading 5..18"), e.getMessage());
    }

    @Test
    void aLogisticStringThatCannotBeReadMeansNoSerialNumber() throws Exception {
        box.fail(102, new ModbusException(Kind.COMMUNICATION, "exception response 2", 2));

        assertNull(charger.poll().serialNumber());
    }

    @Test
    void afterAnOutageTheIdentityIsCheckedAgainAndTheBoxPreparedAgain() throws Exception {
        charger.poll();
        box.fail(5, new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertTrue(e.getMessage().contains("Energy Control modbus_rtu/1"), e.getMessage());

        box.heal(5);
        box.holding(258, 0); // the box was powered off: standby is back on
        box.forget();
        charger.poll();
        assertEquals("4:4+1", box.requests().get(0));
        assertEquals(List.of("258=4"), box.writes());

        box.input(4, 0x0204); // someone else now answers at that address
        box.fail(5, new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        assertThrows(DeviceException.class, charger::poll);
        box.heal(5);
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
    }

    @Test
    void aRefusedWriteIsNotSwallowed() throws Exception {
        charger.poll();
        box.fail(261, new ModbusException(Kind.COMMUNICATION, "exception response 3", 3));

        DeviceException e = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("writing 160 to 261"), e.getMessage());
    }

    @Test
    void pauseStartStopAndUnlockAreNotCommandsOfTheBox() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setPaused(true)).kind());
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
