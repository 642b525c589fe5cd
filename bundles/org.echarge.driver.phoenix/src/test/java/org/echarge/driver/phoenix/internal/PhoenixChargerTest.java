package org.echarge.driver.phoenix.internal;

import static org.echarge.modbus.RegisterText.ByteOrder.HIGH_FIRST;
import static org.echarge.modbus.RegisterText.ByteOrder.LOW_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed the registers as the fact sheet (section 7a) lays them out, poll or command once, check the result. */
class PhoenixChargerTest {

    private static final DeviceAddress ADDRESS = DeviceAddress.tcp("192.0.2.8", 502, 255);

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakePhoenixModbus controller = new FakePhoenixModbus();
    private PhoenixCharger charger = open(PhoenixModel.PHOENIX);

    @BeforeEach
    void aChargingControllerWithPhoenixFirmware() {
        controller.input(100, 'C')                  // CP state
                .input(101, 32)                     // cable capacity (PP), A
                .input(102, 0x0708, 0)              // charging time 1800 s, LSW first
                .input(104, 0x0200)                 // DIP switches
                .inputText(105, 2, "1.12", LOW_FIRST)
                .input(107, 0)                      // error code
                .inputS32(108, 231).inputS32(110, 230).inputS32(112, 229)
                .inputS32(114, 16).inputS32(116, 16).inputS32(118, 15)
                .inputS32(120, 10_800)              // W
                .holdingText(304, 6, "PX1234567890", HIGH_FIRST)
                .holdingText(310, 5, "EV-CC-ETH", HIGH_FIRST)
                .holding(528, 16)                   // max current, A
                .holdingU32(904, 1_234_567);        // total energy, Wh
    }

    @Test
    void decodesAChargingController() throws Exception {
        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(snapshot.vehicleConnected());
        assertTrue(snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(16.0, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(15.0, snapshot.currentAmpere().l3(), 1e-9);
        assertEquals(47.0, snapshot.currentAmpere().total(), 1e-9);
        assertEquals(10_800, snapshot.powerWatt().total(), 1e-9);
        assertFalse(snapshot.powerWatt().perPhaseMeasured());
        assertEquals(1_234_567, snapshot.energyWattHour().total(), 1e-9);
        assertTrue(Double.isNaN(snapshot.sessionEnergyWattHour()), "sessions come from the counter");
        assertEquals("PX1234567890", snapshot.serialNumber());
        assertEquals("1.12", snapshot.firmwareVersion());
        assertEquals(List.of(), snapshot.errorCodes());
        assertNull(snapshot.rfidTag());
        assertNull(snapshot.evccId());
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), snapshot.timestamp());
    }

    @Test
    void readsTheIdentityOnceThenFiveRequestsPerPoll() throws Exception {
        charger.poll();
        assertEquals(List.of("4:100+8", "3:528+1", "3:304+11", "4:100+8", "4:108+14", "3:528+1", "3:904+2", "3:606+16"),
                controller.reads());
        controller.forget();
        controller.input(100, 'A');
        charger.poll();
        assertEquals(List.of("4:100+8", "4:108+14", "3:528+1", "3:904+2"), controller.reads(), "no card without a car");
        assertEquals(List.of(), controller.writes(), "nothing is written before the gateway sets a limit");
    }

    /** register 100 after a connect in state A: gateway state, vehicle connected, charging */
    @ParameterizedTest(name = "100 = {0} -> {1}")
    @CsvSource({
            "0x0041, AVAILABLE,          false, false",
            "0x0042, CONNECTED,          true,  false",
            "0x0043, CHARGE,             true,  true",
            "0x0044, CHARGE_VENTILATION, true,  true",
            "0x0045, ERROR,              false, false", // E says nothing about the car: still none
            "0x0046, ERROR,              false, false",
            "0x0055, ILLEGAL,            false, false", // 'U'
            "0x0143, ILLEGAL,            false, false", // a high byte is no state letter
    })
    void mapsTheControlPilotState(String word, PointState state, boolean vehicle, boolean charging) throws Exception {
        controller.input(100, 'A');
        charger.poll();
        controller.input(100, Integer.decode(word));

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(state, snapshot.state());
        assertEquals(vehicle, snapshot.vehicleConnected());
        assertEquals(charging, snapshot.charging());
    }

    @Test
    void aFaultKeepsTheCarAndReportsTheErrorCode() throws Exception {
        charger.poll();
        controller.input(100, 'F').input(107, 12); // contactor fault (nymea)

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.ERROR, snapshot.state());
        assertTrue(snapshot.vehicleConnected(), "F says nothing about the car: the last answer stands");
        assertFalse(snapshot.charging());
        assertEquals(List.of(12L), snapshot.errorCodes());
    }

    @Test
    void phoenixFirmwareTakesWholeAmpereRoundedDown() throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        charger.setCurrentLimit(10.9);
        charger.setCurrentLimit(6);
        assertEquals(List.of("528=16", "528=10", "528=6"), controller.writes());
    }

    @Test
    void wallbeFirmwareTakesTenthsOfAnAmpere() throws Exception {
        controller.holding(528, 160).inputText(149, 6, "3.1.7-WB", LOW_FIRST).holdingU64(2980, 5_000_123_456L);
        charger = open(PhoenixModel.WALLBE);

        ChargerSnapshot snapshot = charger.poll();
        charger.setCurrentLimit(10.56);
        charger.setCurrentLimit(32);

        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals("3.1.7-WB", snapshot.firmwareVersion());
        assertEquals(5_000_123_456.0, snapshot.energyWattHour().total(), 1e-3);
        assertEquals(List.of("528=105", "528=320"), controller.writes());
        assertTrue(controller.reads().containsAll(List.of("4:149+6", "3:2980+4")), controller.reads().toString());
        assertFalse(controller.reads().contains("3:904+2"), "904 is u16 on Wallbe firmware");
    }

    /** model, current: refused before anything is written */
    @ParameterizedTest(name = "{0} {1} A")
    @CsvSource({"PHOENIX, 5.9", "PHOENIX, 0", "PHOENIX, 63.1", "PHOENIX, NaN", "WALLBE, 32.1", "WALLBE, 5.99"})
    void refusesCurrentsOutsideTheModelsRange(PhoenixModel model, double ampere) throws Exception {
        if (model == PhoenixModel.WALLBE) {
            controller.holding(528, 160).inputText(149, 6, "3.1.7-WB", LOW_FIRST);
        }
        charger = open(model);
        charger.poll();
        assertThrows(IllegalArgumentException.class, () -> charger.setCurrentLimit(ampere));
        assertEquals(List.of(), controller.writes());
    }

    @Test
    void pausesThroughCoil400AndKeepsItAsSet() throws Exception {
        charger.poll();
        charger.setPaused(true);
        charger.setPaused(false);
        charger.setPaused(true);
        assertEquals(List.of("5:400=0", "5:400=1", "5:400=0"), controller.writes());
        controller.forget();
        controller.coil(400, true); // the controller restarted: charging enabled again
        charger.poll();
        assertEquals(List.of("5:400=0"), controller.writes(), "set back to paused");
        controller.forget();
        charger.poll();
        assertEquals(List.of(), controller.writes(), "nothing while it holds");
    }

    @Test
    void cannotUnlockOrStartSessions() throws Exception {
        charger.poll();
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.unlock()).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> charger.setSessionActive(false)).kind());
        assertEquals(List.of(), controller.writes());
    }

    /** 528, cable capacity (101), whether the gateway set 16 A: state, current in force */
    @ParameterizedTest(name = "528 = {0}, PP = {1}, written = {2} -> {3}")
    @CsvSource({
            "16, 32,     true,  CHARGE,         16",
            "16, 0,      true,  CHARGE,         16",
            "16, 13,     true,  CHARGE_REDUCED, 13", // the cable carries less than the gateway allows
            "16, 65535,  true,  CHARGE,         16", // not a cable code
            "16, 13,     false, CHARGE,         13", // nothing requested, nothing reduced
            "32, 32,     true,  CHARGE,         32", // more than written: written again, not "reduced"
    })
    void chargeWithReducedCurrentIsLessThanTheGatewaySet(int setting, int cable, boolean written, PointState state,
            double inForce) throws Exception {
        controller.input(101, cable);
        charger.poll();
        if (written) {
            charger.setCurrentLimit(16);
        }
        controller.holding(528, setting);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(state, snapshot.state());
        assertEquals(inForce, snapshot.setpointAmpere(), 1e-9);
    }

    @Test
    void aSetpointTheControllerLostIsWrittenAgain() throws Exception {
        charger.poll();
        charger.setCurrentLimit(10);
        controller.forget();
        controller.holding(528, 32); // restarted on its own setting, or another master wrote it

        ChargerSnapshot seen = charger.poll();
        assertEquals(32.0, seen.setpointAmpere(), 1e-9, "the snapshot shows what was read");
        assertEquals(List.of("528=10"), controller.writes());
        controller.forget();
        assertEquals(10.0, charger.poll().setpointAmpere(), 1e-9);
        assertEquals(List.of(), controller.writes());
    }

    @Test
    void aLowerSettingTheControllerKeepsIsNotFought() throws Exception {
        controller.capSetting(16); // caps at its DIP-switch maximum
        charger.poll();
        charger.setCurrentLimit(20);

        charger.poll();
        assertEquals(List.of("528=20", "528=20"), controller.writes(), "written again once");
        ChargerSnapshot kept = charger.poll();
        ChargerSnapshot still = charger.poll();
        assertEquals(List.of("528=20", "528=20"), controller.writes());
        assertEquals(PointState.CHARGE_REDUCED, kept.state());
        assertEquals(16.0, still.setpointAmpere(), 1e-9);

        controller.holding(528, 32); // restarted higher: never left like that
        charger.poll();
        assertEquals(List.of("528=20", "528=20", "528=20"), controller.writes());
    }

    @Test
    void aDeviceWithoutAStateLetterIsTheWrongDevice() throws Exception {
        controller.input(100, 0x1234);
        DeviceException e = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("0x1234"), e.getMessage());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        assertEquals(List.of(), controller.writes());
        charger.close();
        assertEquals(List.of(), controller.writes(), "nothing is left on a device that is not the configured one");
    }

    /** model, 528, Wallbe firmware text at 149 ("-" none, "!" exception 2): accepted, or a hint in the refusal */
    @ParameterizedTest(name = "{0}: 528 = {1}, 149 = {2}")
    @CsvSource({
            "PHOENIX, 16,  -,        ok",
            "PHOENIX, 0,   -,        ok",   // nothing set yet
            "PHOENIX, 63,  -,        ok",
            "PHOENIX, 160, 3.1.7-WB, wallbe-ev-eth",
            "PHOENIX, 64,  -,        wallbe-ev-eth",
            "WALLBE,  160, 3.1.7-WB, ok",
            "WALLBE,  0,   3.1.7-WB, ok",
            "WALLBE,  16,  3.1.7-WB, phoenix-ev-eth", // ten times the current
            "WALLBE,  160, !,        phoenix-ev-eth",
            "WALLBE,  160, -,        phoenix-ev-eth",
            "WALLBE,  700, 3.1.7-WB, 0.1 A",
    })
    void checksTheFirmwareAtConnect(PhoenixModel model, int setting, String wallbeFirmware, String outcome) throws Exception {
        controller.holding(528, setting);
        if (wallbeFirmware.equals("!")) {
            controller.fail("input", 149, FakePhoenixModbus.exception(2));
        } else if (!wallbeFirmware.equals("-")) {
            controller.inputText(149, 6, wallbeFirmware, LOW_FIRST);
        }
        charger = open(model);
        if (outcome.equals("ok")) {
            charger.poll();
            charger.setCurrentLimit(16);
            assertEquals(1, controller.writes().size());
        } else {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains(outcome), e.getMessage());
            assertEquals(List.of(), controller.writes());
        }
    }

    @Test
    void theIdentityIsCheckedAgainAfterTheControllerWasUnreachable() throws Exception {
        charger.poll();
        controller.fail("input", 100, FakePhoenixModbus.timeout());
        assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

        controller.heal("input", 100);
        controller.forget();
        charger.poll();
        assertEquals(List.of("4:100+8", "3:528+1", "3:304+11"), controller.reads().subList(0, 3));
    }

    @Test
    void exceptionResponsesAreCommunicationErrors() throws Exception {
        charger.poll();
        controller.fail("input", 110, FakePhoenixModbus.exception(4));
        DeviceException read = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.COMMUNICATION, read.kind());
        assertTrue(read.getMessage().contains("meter 108..121"), read.getMessage());

        controller.heal("input", 110);
        controller.fail("write", 528, FakePhoenixModbus.exception(2));
        DeviceException write = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(32));
        assertEquals(Kind.COMMUNICATION, write.kind());
        assertTrue(write.getMessage().contains("528"), write.getMessage());
        assertTrue(write.getMessage().contains("DIP"), write.getMessage());
        charger.poll(); // the identity stands: a refused write is no outage
        assertEquals(List.of("4:100+8", "4:108+14", "3:528+1", "3:904+2", "3:606+16"),
                controller.reads().subList(controller.reads().size() - 5, controller.reads().size()));
    }

    @Test
    void aControllerWithoutMeterReportsNoMeasurements() throws Exception {
        controller.inputS32(108, 0).inputS32(110, 0).inputS32(112, 0).inputS32(114, 0).inputS32(116, 0)
                .inputS32(118, 0).inputS32(120, 0);

        ChargerSnapshot snapshot = charger.poll();

        assertFalse(snapshot.currentAmpere().totalMeasured());
        assertFalse(snapshot.powerWatt().totalMeasured());
        assertFalse(snapshot.energyWattHour().totalMeasured());
        assertFalse(controller.reads().contains("3:904+2"));
        assertEquals(PointState.CHARGE, snapshot.state());
    }

    @Test
    void currentsNoControllerCanCarryInAmpereAreNotReported() throws Exception {
        controller.inputS32(114, 16_000).inputS32(116, 16_000).inputS32(118, 15_900); // mA?

        ChargerSnapshot snapshot = charger.poll();

        assertFalse(snapshot.currentAmpere().totalMeasured());
        assertEquals(10_800, snapshot.powerWatt().total(), 1e-9);
    }

    @Test
    void powerIsSigned() throws Exception {
        controller.input(100, 'B').inputS32(114, 0).inputS32(116, 0).inputS32(118, 0).inputS32(120, -2);
        assertEquals(-2, charger.poll().powerWatt().total(), 1e-9); // nymea: a few W below 0 at idle
    }

    /** 606..621 as stored: the RFID tag reported */
    @ParameterizedTest(name = "606 = {0} -> {1}")
    @CsvSource({
            "04A2B1C3D4E5F6, 04A2B1C3",
            "04a2b1c3,       04A2B1C3",
            "CARD-7,         CARD-7",
            "'',             ",
    })
    void reportsTheCardOfTheSession(String uid, String tag) throws Exception {
        controller.holdingText(606, 16, uid, HIGH_FIRST);
        assertEquals(tag, charger.poll().rfidTag());
    }

    @Test
    void aCardUidAfterLeadingNulsIsRead() throws Exception {
        controller.holding(606, 0, 0, 0x0030, 0x3441, 0x3242, 0x3143, 0x3300); // "\0\0\0\0\0" + "04A2B1C3"
        assertEquals("04A2B1C3", charger.poll().rfidTag());
    }

    @Test
    void registersTheControllerRefusesAreLeftOut() throws Exception {
        controller.fail("holding", 304, FakePhoenixModbus.exception(2))
                .fail("holding", 606, FakePhoenixModbus.exception(2))
                .fail("holding", 904, FakePhoenixModbus.exception(2));

        ChargerSnapshot snapshot = charger.poll();

        assertNull(snapshot.serialNumber());
        assertNull(snapshot.rfidTag());
        assertFalse(snapshot.energyWattHour().totalMeasured());
        assertEquals(47.0, snapshot.currentAmpere().total(), 1e-9);
        assertEquals(PointState.CHARGE, snapshot.state());
    }

    @Test
    void closeLeavesTheMinimumCurrentOnceTheGatewaySetALimit() throws Exception {
        charger.poll();
        charger.setCurrentLimit(16);
        charger.close();
        charger.close();
        assertEquals(List.of("528=16", "528=6"), controller.writes());
        assertTrue(controller.closed());

        controller.forget();
        controller.holding(528, 160).inputText(149, 6, "3.1.7-WB", LOW_FIRST);
        PhoenixCharger wallbe = open(PhoenixModel.WALLBE);
        wallbe.poll();
        wallbe.setCurrentLimit(20);
        wallbe.close();
        assertEquals(List.of("528=200", "528=60"), controller.writes());
    }

    @Test
    void closeWritesNothingTheGatewayDidNotControl() throws Exception {
        charger.poll();
        charger.close();
        assertEquals(List.of(), controller.writes(), "no limit was set");
        assertTrue(controller.closed());

        charger = open(PhoenixModel.PHOENIX);
        charger.poll();
        charger.setCurrentLimit(16);
        controller.fail("input", 100, FakePhoenixModbus.timeout());
        assertThrows(DeviceException.class, charger::poll);
        controller.forget();
        charger.close();
        assertEquals(List.of(), controller.writes(), "not after the controller stopped answering");
    }

    private PhoenixCharger open(PhoenixModel model) {
        return new PhoenixCharger(model, ADDRESS, controller, clock);
    }
}
