package org.echarge.driver.bender.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.driver.bender.internal.BenderController.Car;
import org.echarge.driver.bender.internal.BenderController.Settings;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * Driver → transport → Modbus TCP on 127.0.0.1 → simulated Bender controller, with one clock for both.
 * Polls come every {@link BenderChargerDriver#POLL_INTERVAL} of that clock, as the runtime sends them.
 */
class BenderChargerLoopbackTest {

    private static final Duration POLL = BenderChargerDriver.POLL_INTERVAL;
    private static final int UNIT = 255;
    private static final Car CAR = new Car(32, 3, "04A2B1C3D4E5F6", null);

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final ModbusTransportService transport = new ModbusTransportService();
    private final BenderChargerDriver driver = new BenderChargerDriver(transport, clock, BenderChargerDriver.TIMING);
    private BenderController controller = new BenderController(clock, Settings.cc613());
    private BenderControllerServer server = new BenderControllerServer(controller, port);
    private BenderControllerServer second;
    private ModbusSlave foreign;

    @AfterEach
    void stop() {
        server.close();
        if (second != null) {
            second.close();
        }
        if (foreign != null) {
            ModbusSlaveFactory.close(foreign);
        }
    }

    @Test
    void pollsAChargingControllerAndControlsIt() throws Exception {
        server.open();
        try (Charger charger = open("bender-cc")) {
            ChargerSnapshot idle = charger.poll();
            assertEquals(PointState.AVAILABLE, idle.state());
            assertFalse(idle.vehicleConnected());
            assertEquals("5.33.2", idle.firmwareVersion());
            assertEquals(6.0, idle.setpointAmpere(), 1e-9, "the safe current until the gateway writes");
            assertEquals(0, idle.powerWatt().total(), 1e-9);

            charger.setCurrentLimit(16);
            controller.plugIn(CAR);
            ChargerSnapshot charging = charger.poll();
            assertEquals(PointState.CHARGE, charging.state());
            assertTrue(charging.charging());
            assertEquals(16.0, charging.setpointAmpere(), 1e-9);
            assertEquals(16.0, charging.currentAmpere().l3(), 1e-9);
            assertEquals(3 * 230 * 16.0, charging.powerWatt().total(), 1e-9);
            assertEquals("04A2B1C3", charging.rfidTag());
            assertNull(charging.evccId(), "not an ISO 15118 car");

            ChargerSnapshot later = pollFor(Duration.ofMinutes(10), charger);
            assertEquals(PointState.CHARGE, later.state());
            double energy = later.energyWattHour().total() - charging.energyWattHour().total();
            assertEquals(3 * 230 * 16.0 / 6, energy, 3, "Wh counters in whole Wh");

            charger.setCurrentLimit(0); // the gateway pauses
            ChargerSnapshot paused = charger.poll();
            assertEquals(PointState.INTERRUPTION, paused.state(), "122 stays C, 104 SuspendedEVSE");
            assertTrue(paused.vehicleConnected());
            assertFalse(paused.charging());
            assertEquals(0, paused.currentAmpere().total(), 1e-9);
            assertEquals(PointState.INTERRUPTION, pollFor(Duration.ofMinutes(3), charger).state());

            charger.setCurrentLimit(10.9);
            assertEquals(10.0, charger.poll().currentAmpere().l1(), 1e-9, "whole amperes, rounded down");

            controller.carFull(true);
            assertEquals(PointState.CONNECTED, charger.poll().state());

            controller.unplug();
            ChargerSnapshot gone = charger.poll();
            assertEquals(PointState.AVAILABLE, gone.state());
            assertNull(gone.rfidTag());
        }
    }

    /** No documented watchdog (0), or a supervision like SEMP's minute (and longer): no lapse over 20 minutes. */
    @ParameterizedTest(name = "HEMS timeout {0} s")
    @ValueSource(ints = {0, 60, 120})
    void theLimitNeverLapsesWhileTheGatewayPolls(int timeoutSeconds) throws Exception {
        controller = new BenderController(clock, Settings.cc613().hemsTimeout(Duration.ofSeconds(timeoutSeconds)));
        server = new BenderControllerServer(controller, port);
        server.open();
        controller.plugIn(CAR);
        try (Charger charger = open("bender-cc")) {
            charger.poll();
            charger.setCurrentLimit(20);
            for (int poll = 0; poll < 240; poll++) {
                clock.advance(POLL);
                ChargerSnapshot snapshot = charger.poll();
                assertEquals(PointState.CHARGE, snapshot.state(), "poll " + poll);
                assertEquals(20.0, snapshot.setpointAmpere(), 1e-9, "poll " + poll);
            }
        }
        assertEquals(0, controller.lapses());
    }

    @Test
    void aLapseFallsBackToTheSafeCurrentAndIsRepairedByTheNextPoll() throws Exception {
        controller = new BenderController(clock, Settings.cc613().hemsTimeout(Duration.ofSeconds(60)));
        server = new BenderControllerServer(controller, port);
        server.open();
        controller.plugIn(CAR);
        try (Charger charger = open("bender-cc")) {
            charger.poll();
            charger.setCurrentLimit(16);
            pollFor(Duration.ofMinutes(2), charger);

            clock.advance(Duration.ofSeconds(61)); // the gateway is stuck
            assertEquals(1, controller.lapses());
            assertEquals(6.0, controller.inForceAmpere(), 1e-9);

            ChargerSnapshot fallen = charger.poll();
            assertEquals(PointState.CHARGE_REDUCED, fallen.state());
            assertEquals(6.0, fallen.setpointAmpere(), 1e-9);
            assertEquals(6.0, fallen.currentAmpere().l1(), 1e-9);
            assertEquals(16.0, controller.inForceAmpere(), 1e-9, "that poll wrote the limit again");
            ChargerSnapshot repaired = charger.poll();
            assertEquals(PointState.CHARGE, repaired.state());
            assertEquals(16.0, repaired.currentAmpere().l2(), 1e-9);
        }
    }

    @Test
    void aRestartedControllerGetsTheLimitAndThePauseBack() throws Exception {
        server.open();
        controller.plugIn(CAR);
        try (Charger charger = open("bender-cc")) {
            charger.poll();
            charger.setCurrentLimit(20);
            clock.advance(POLL);
            assertEquals(20.0, charger.poll().setpointAmpere(), 1e-9);

            controller.restart();
            clock.advance(POLL);
            assertEquals(PointState.CHARGE_REDUCED, charger.poll().state(), "on the safe current after the restart");
            clock.advance(POLL);
            assertEquals(20.0, charger.poll().setpointAmpere(), 1e-9);

            charger.setCurrentLimit(0);
            controller.restart();
            clock.advance(POLL);
            charger.poll(); // finds the safe current, writes the pause again
            assertEquals(0.0, controller.inForceAmpere(), 1e-9, "the safe current must not start charging");
            clock.advance(POLL);
            assertEquals(PointState.INTERRUPTION, charger.poll().state());
        }
    }

    @Test
    void anAmtron4YouTakesTenthsAndNeverLosesItsConnection() throws Exception {
        controller = new BenderController(clock, Settings.amtron4You());
        server = new BenderControllerServer(controller, port);
        server.open();
        controller.plugIn(new Car(16, 1, "04A2B1C3", "0123456789AB"));
        try (Charger charger = open("mennekes-amtron-4you-4business")) {
            charger.poll();
            charger.setCurrentLimit(10.5);
            ChargerSnapshot snapshot = pollFor(Duration.ofMinutes(2), charger);
            assertEquals(PointState.CHARGE, snapshot.state());
            assertEquals(10.5, snapshot.setpointAmpere(), 1e-9);
            assertEquals(10.5, snapshot.currentAmpere().l1(), 1e-9);
            assertEquals(0, snapshot.currentAmpere().l2(), 1e-9, "a 1-phase car");
            assertNull(snapshot.evccId(), "740/741 are never read on the 4You family");

            DeviceException refused = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(20));
            assertEquals(Kind.COMMUNICATION, refused.kind(), "a 16 A station refuses 20 A");
            assertTrue(refused.getMessage().contains("1001"), refused.getMessage());
            assertEquals(PointState.CHARGE, charger.poll().state(), "and answers on");
        }
        assertEquals(0, controller.drops());
    }

    @Test
    void aCc613ConfiguredOnAnAmtron4YouIsTheWrongDeviceWithoutDroppingTheConnection() throws Exception {
        controller = new BenderController(clock, Settings.amtron4You());
        server = new BenderControllerServer(controller, port);
        server.open();
        try (Charger charger = open("bender-cc")) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("mennekes-amtron-4you-4business"), e.getMessage());
        }
        assertEquals(0, controller.drops());
        assertEquals(6.0, controller.inForceAmpere(), 1e-9, "nothing was written");

        // what the model protects against: a read of 740 loses the connection
        try (ModbusClient raw = transport.open(DeviceAddress.tcp("127.0.0.1", port, UNIT), BenderChargerDriver.TIMING)) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, () -> raw.readHoldingRegisters(740, 1))
                    .kind());
            assertEquals(2, controller.drops(), "the transport reconnected once and lost it again");
        }
    }

    @Test
    void anAmtron4YouConfiguredOnACc613IsTheWrongDevice() throws Exception {
        server.open();
        try (Charger charger = open("mennekes-amtron-4you-4business")) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("'CC613'"), e.getMessage());
        }
    }

    @Test
    void anIso15118CarReportsItsEvccIdAndCard() throws Exception {
        server.open();
        controller.plugIn(new Car(32, 3, "04a2b1c3d4e5f6", "0123456789AB"));
        try (Charger charger = open("bender-cc")) {
            ChargerSnapshot snapshot = charger.poll();
            assertEquals("0123456789AB", snapshot.evccId());
            assertEquals("04A2B1C3", snapshot.rfidTag());
        }
    }

    @Test
    void legacyFirmwareIsReadInItsLayout() throws Exception {
        controller = new BenderController(clock, Settings.cc613().legacyFirmware());
        server = new BenderControllerServer(controller, port);
        server.open();
        controller.plugIn(new Car(32, 3, null, "0123456789AB"));
        try (Charger charger = open("bender-cc")) {
            charger.setCurrentLimit(16);
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.CHARGE, snapshot.state());
            assertEquals("4.40", snapshot.firmwareVersion(), "register 100");
            assertEquals(1_230_000, snapshot.energyWattHour().total(), 1e-9, "200 + 202 + 204");
            assertEquals(3 * 230 * 16.0, snapshot.powerWatt().total(), 1e-9, "230 V x currents");
            assertNull(snapshot.evccId());
        }
    }

    @Test
    void aStationWithoutMeterReportsNoMeasurements() throws Exception {
        controller = new BenderController(clock, Settings.cc613().meterless());
        server = new BenderControllerServer(controller, port);
        server.open();
        controller.plugIn(CAR);
        try (Charger charger = open("bender-cc")) {
            charger.setCurrentLimit(16);
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.CHARGE, snapshot.state());
            assertFalse(snapshot.currentAmpere().totalMeasured());
            assertFalse(snapshot.powerWatt().totalMeasured());
            assertFalse(snapshot.energyWattHour().totalMeasured());
        }
    }

    @Test
    void aBriefNoValueAtTheActivePowerIsReadAgain() throws Exception {
        server.open();
        controller.plugIn(CAR);
        try (Charger charger = open("bender-cc")) {
            charger.setCurrentLimit(16);
            charger.poll();
            controller.glitchActivePower(1);
            assertEquals(3 * 230 * 16.0, charger.poll().powerWatt().total(), 1e-9);
        }
    }

    @Test
    void aFaultIsAnErrorWithTheMakersCodes() throws Exception {
        server.open();
        controller.plugIn(CAR);
        try (Charger charger = open("bender-cc")) {
            charger.setCurrentLimit(16);
            charger.poll();
            controller.fault(0, 0x0040); // contactor weld
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.ERROR, snapshot.state());
            assertEquals(List.of(0x112_0040L), snapshot.errorCodes());
            assertFalse(snapshot.charging());

            controller.fault(0, 0);
            controller.unavailable(true);
            assertEquals(PointState.NOT_AVAILABLE, charger.poll().state());
        }
    }

    @Test
    void twoConnectorsAreTwoPortsOfOneStation() throws Exception {
        int port2 = FreePort.onLoopback();
        BenderController right = new BenderController(clock, Settings.cc613());
        second = new BenderControllerServer(right, port2);
        server.open();
        second.open();
        controller.plugIn(CAR);
        right.plugIn(new Car(16, 1, null, null));
        try (Charger left = open("bender-cc");
                Charger connector2 = driver.open("bender-cc", DeviceAddress.tcp("127.0.0.1", port2, 1))) {
            left.setCurrentLimit(20);
            connector2.setCurrentLimit(0);
            assertEquals(PointState.CHARGE, left.poll().state());
            assertEquals(PointState.INTERRUPTION, connector2.poll().state());
            assertEquals(20.0, controller.inForceAmpere(), 1e-9);
            assertEquals(0.0, right.inForceAmpere(), 1e-9);
        }
    }

    @Test
    void anUnreachableControllerIsNotReachableAndRecovers() throws Exception {
        try (Charger charger = open("bender-cc")) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

            server.open();
            Thread.sleep(1100); // the transport waits out its first reconnect back-off (1 s, real time)
            ChargerSnapshot back = charger.poll();
            assertEquals(PointState.AVAILABLE, back.state());
            assertEquals("5.33.2", back.firmwareVersion());
        }
    }

    @Test
    void anotherRegisterSetIsACommunicationErrorNamingTheSetting() throws Exception {
        controller = new BenderController(clock, Settings.cc613().registerSetPhoenix());
        server = new BenderControllerServer(controller, port);
        server.open();
        try (Charger charger = open("bender-cc")) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.COMMUNICATION, e.kind());
            assertTrue(e.getMessage().contains("Ebee / Bender / MENNEKES"), e.getMessage());
        }
    }

    @Test
    void aDeviceWithNumbersWhereBenderHasTextIsTheWrongDevice() throws Exception {
        SimpleProcessImage numbers = new SimpleProcessImage(UNIT);
        for (int address = 0; address < 1100; address++) {
            numbers.addRegister(new SimpleRegister(address)); // 100 holds 0x0064: no text
        }
        foreign = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        foreign.addProcessImage(UNIT, numbers);
        foreign.open();
        try (Charger charger = open("bender-cc")) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("register 100"), e.getMessage());
            assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        }
        assertEquals(1000, numbers.getRegister(1000).getValue(), "nothing was written");
    }

    /** The simulator itself, without the driver: the fact sheet's rules for the Bender register set. */
    @Test
    void theSimulatedControllerBehavesLikeABender() {
        controller.plugIn(CAR);
        assertFalse(controller.write(1000, new int[] {3}), "below 6 A");
        assertFalse(controller.write(1000, new int[] {33}), "above the rated current");
        assertFalse(controller.write(1000, new int[] {16, 0}), "one register per request");
        assertFalse(controller.write(1001, new int[] {160}), "no 1001 on this firmware");
        assertFalse(controller.write(1002, new int[] {3725}), "1002 is the 4You family's");
        assertFalse(controller.write(131, new int[] {10}), "read-only");
        assertThrows(IllegalArgumentException.class, () -> controller.read(105, 6), "undocumented addresses");
        assertThrows(IllegalArgumentException.class, () -> controller.read(1001, 1));

        assertTrue(controller.write(1000, new int[] {16}));
        assertArrayEquals(new int[] {3}, controller.read(122, 1));
        assertArrayEquals(new int[] {6}, controller.read(104, 1), "Charging");
        assertTrue(controller.write(1000, new int[] {0}));
        assertArrayEquals(new int[] {3}, controller.read(122, 1), "122 stays C at 0 A");
        assertArrayEquals(new int[] {7}, controller.read(104, 1), "SuspendedEVSE");
        assertArrayEquals(new int[] {0, 0}, controller.read(220, 2));

        clock.advance(Duration.ofHours(5));
        assertEquals(0.0, controller.inForceAmpere(), 1e-9, "no watchdog on 1000 (none documented)");
        controller.restart();
        assertEquals(6.0, controller.inForceAmpere(), 1e-9, "a restart starts on the safe current");
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, controller.read(741, 6), "EVCCID only with 740 = 1");

        BenderController legacy = new BenderController(clock, Settings.cc613().legacyFirmware());
        assertThrows(IllegalArgumentException.class, () -> legacy.read(142, 10));
        assertThrows(IllegalArgumentException.class, () -> legacy.read(218, 2));
        assertEquals(2, legacy.read(705, 2).length);

        BenderController fourYou = new BenderController(clock, Settings.amtron4You());
        assertThrows(BenderController.ConnectionDropped.class, () -> fourYou.read(730, 1));
        assertThrows(BenderController.ConnectionDropped.class, () -> fourYou.read(741, 6));
        assertTrue(fourYou.write(1001, new int[] {105}));
        assertEquals(10.5, fourYou.inForceAmpere(), 1e-9);

        BenderController meterless = new BenderController(clock, Settings.cc613().meterless());
        assertArrayEquals(new int[] {0xFFFF, 0xFFFF}, meterless.read(220, 2));
    }

    /** Polls every poll interval for the given time; returns the last snapshot. */
    private ChargerSnapshot pollFor(Duration duration, Charger charger) throws DeviceException {
        ChargerSnapshot last = null;
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0; elapsed = elapsed.plus(POLL)) {
            clock.advance(POLL);
            last = charger.poll();
        }
        return last;
    }

    private Charger open(String model) throws DeviceException {
        return driver.open(model, DeviceAddress.tcp("127.0.0.1", port, UNIT));
    }
}
