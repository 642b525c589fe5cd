package org.echarge.driver.phoenix.internal;

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
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * Driver → transport → Modbus TCP on 127.0.0.1 → simulated EV-ETH controller, with one clock for both.
 * Requests go without nymea's 250 ms pause except where a test says so.
 */
class PhoenixChargerLoopbackTest {

    private static final ModbusOptions NO_PAUSES = new ModbusOptions(Duration.ofSeconds(1), Duration.ZERO);
    private static final Duration POLL = PhoenixChargerDriver.POLL_INTERVAL;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final ModbusTransportService transport = new ModbusTransportService();
    private final PhoenixChargerDriver driver = new PhoenixChargerDriver(transport, clock, NO_PAUSES);
    private PhoenixController controller = new PhoenixController(clock, PhoenixController.Settings.phoenix());
    private PhoenixControllerServer server = new PhoenixControllerServer(controller, port);
    private ModbusSlave foreign;

    @AfterEach
    void stop() {
        server.close();
        if (foreign != null) {
            ModbusSlaveFactory.close(foreign);
        }
    }

    @Test
    void pollsAChargingControllerAndControlsIt() throws Exception {
        server.open();
        try (Charger charger = open("phoenix-ev-eth")) {
            ChargerSnapshot idle = charger.poll();
            assertEquals(PointState.AVAILABLE, idle.state());
            assertFalse(idle.vehicleConnected());
            assertEquals("PX1234567890", idle.serialNumber());
            assertEquals("1.12", idle.firmwareVersion());
            assertEquals(32.0, idle.setpointAmpere(), 1e-9, "its DIP-switch maximum until the gateway writes");

            charger.setCurrentLimit(16);
            controller.plugIn(32, 3, 32);
            controller.presentCard("04A2B1C3D4E5F6");
            ChargerSnapshot charging = charger.poll();
            assertEquals(PointState.CHARGE, charging.state());
            assertTrue(charging.charging());
            assertEquals(16.0, charging.setpointAmpere(), 1e-9);
            assertEquals(16.0, charging.currentAmpere().l3(), 1e-9);
            assertEquals(3 * 230 * 16.0, charging.powerWatt().total(), 1e-9);
            assertEquals("04A2B1C3", charging.rfidTag());

            clock.advance(Duration.ofHours(1));
            double energy = charger.poll().energyWattHour().total() - charging.energyWattHour().total();
            assertEquals(3 * 230 * 16.0, energy, 1);

            charger.setCurrentLimit(10.7);
            assertEquals(10.0, controller.inForceAmpere(), 1e-9, "whole ampere, rounded down");

            controller.ventilation(true);
            assertEquals(PointState.CHARGE_VENTILATION, charger.poll().state());
            controller.ventilation(false);
            controller.carFull(true);
            assertEquals(PointState.CONNECTED, charger.poll().state());

            controller.unplug();
            ChargerSnapshot gone = charger.poll();
            assertEquals(PointState.AVAILABLE, gone.state());
            assertNull(gone.rfidTag());
        }
    }

    @Test
    void pausesAndResumesThroughCoil400OverModbus() throws Exception {
        server.open();
        controller.plugIn(16, 3, 32);
        try (Charger charger = open("phoenix-ev-eth")) {
            charger.poll();
            charger.setCurrentLimit(16);
            assertTrue(controller.charging());
            charger.setPaused(true);
            assertFalse(controller.charging(), "PWM off: the car waits");
            assertEquals(PointState.CONNECTED, charger.poll().state());
            controller.restart(); // coil 400 back on at power-up
            charger.poll();
            assertFalse(controller.charging(), "set back to paused by the next poll");
            charger.setPaused(false);
            assertTrue(controller.charging());
        }
    }

    @Test
    void aThinCableIsChargeWithReducedCurrent() throws Exception {
        server.open();
        try (Charger charger = open("phoenix-ev-eth")) {
            charger.poll();
            charger.setCurrentLimit(20);
            controller.plugIn(32, 1, 13);
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.CHARGE_REDUCED, snapshot.state());
            assertEquals(13.0, snapshot.setpointAmpere(), 1e-9);
            assertEquals(13.0, snapshot.currentAmpere().l1(), 1e-9);
            assertEquals(0.0, snapshot.currentAmpere().l2(), 1e-9, "a 1-phase car");
        }
    }

    @Test
    void wallbeFirmwareTakesTenthsOfAnAmpere() throws Exception {
        controller = new PhoenixController(clock, PhoenixController.Settings.wallbe());
        server = new PhoenixControllerServer(controller, port);
        server.open();
        controller.plugIn(32, 3, 32);
        try (Charger charger = open("wallbe-ev-eth")) {
            ChargerSnapshot first = charger.poll();
            assertEquals("3.1.7-WB", first.firmwareVersion());
            assertEquals("WB0000004711", first.serialNumber());

            charger.setCurrentLimit(10.5);
            assertEquals(105, controller.settingRaw());
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.CHARGE, snapshot.state());
            assertEquals(10.5, snapshot.setpointAmpere(), 1e-9);
            assertEquals(3 * 230 * 10.5, snapshot.powerWatt().total(), 1);
            clock.advance(Duration.ofHours(2));
            double energy = charger.poll().energyWattHour().total() - snapshot.energyWattHour().total();
            assertEquals(2 * 3 * 230 * 10.5, energy, 1);
        }
    }

    /** The controller has no watchdog and no failsafe: nothing to feed, and the driver's own safety on close. */
    @Test
    void theSetpointStaysWithoutAWatchdogAndCloseLeavesTheMinimum() throws Exception {
        server.open();
        controller.plugIn(32, 3, 32);
        Charger charger = open("phoenix-ev-eth");
        charger.poll();
        charger.setCurrentLimit(20);
        int writes = controller.settingWrites();

        clock.advance(Duration.ofHours(3)); // the gateway is stuck
        assertEquals(20.0, controller.inForceAmpere(), 1e-9, "nothing falls back");
        assertTrue(controller.charging());
        for (int poll = 0; poll < 120; poll++) { // 10 minutes of polls
            clock.advance(POLL);
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.CHARGE, snapshot.state(), "poll " + poll);
            assertEquals(20.0, snapshot.setpointAmpere(), 1e-9, "poll " + poll);
        }
        assertEquals(writes, controller.settingWrites(), "polls write nothing while 528 holds the setpoint");

        charger.close();
        assertEquals(6.0, controller.inForceAmpere(), 1e-9, "left at the minimum current");
        assertTrue(controller.charging(), "the car charges on, slowly");
    }

    @Test
    void aRestartedControllerGetsTheSetpointBack() throws Exception {
        server.open();
        controller.plugIn(32, 3, 32);
        try (Charger charger = open("phoenix-ev-eth")) {
            charger.poll();
            charger.setCurrentLimit(10);
            assertEquals(10.0, charger.poll().setpointAmpere(), 1e-9);

            controller.restart();
            ChargerSnapshot restarted = charger.poll();
            assertEquals(32.0, restarted.setpointAmpere(), 1e-9, "its DIP-switch maximum after the restart");
            assertEquals(10.0, controller.inForceAmpere(), 1e-9, "that poll wrote the setpoint again");
            assertEquals(10.0, charger.poll().setpointAmpere(), 1e-9);
        }
    }

    @Test
    void anUnreachableControllerIsNotReachableAndRecovers() throws Exception {
        try (Charger charger = open("phoenix-ev-eth")) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

            server.open();
            Thread.sleep(1100); // the transport waits out its first reconnect back-off (1 s, real time)
            ChargerSnapshot back = charger.poll();
            assertEquals(PointState.AVAILABLE, back.state());
            assertEquals("PX1234567890", back.serialNumber());
            charger.setCurrentLimit(16);

            controller.powerOff();
            DeviceException gone = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.NOT_REACHABLE, gone.kind(), gone.getMessage());
            controller.powerOn(); // 528 holds its own setting again
            charger.poll(); // identity checked again, the setpoint written again
            assertEquals(16.0, controller.inForceAmpere(), 1e-9);
        }
    }

    @Test
    void exceptionResponsesAreCommunicationErrors() throws Exception {
        server.open();
        try (Charger charger = open("phoenix-ev-eth")) {
            charger.poll();
            DeviceException refused = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(40));
            assertEquals(Kind.COMMUNICATION, refused.kind(), "above the DIP-switch maximum of 32 A");
            assertTrue(refused.getMessage().contains("528"), refused.getMessage());
            assertEquals(32.0, controller.inForceAmpere(), 1e-9);

            controller.refuseInput(116);
            DeviceException read = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.COMMUNICATION, read.kind());
            assertTrue(read.getMessage().contains("108..121"), read.getMessage());
        }
    }

    @Test
    void theOtherFirmwareIsTheWrongDevice() throws Exception {
        server.open();
        try (Charger wallbe = open("wallbe-ev-eth")) {
            DeviceException e = assertThrows(DeviceException.class, wallbe::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("phoenix-ev-eth"), e.getMessage());
            assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> wallbe.setCurrentLimit(16)).kind());
        }
        assertEquals(0, controller.settingWrites(), "nothing was written");

        server.close();
        controller = new PhoenixController(clock, PhoenixController.Settings.wallbe());
        server = new PhoenixControllerServer(controller, port);
        server.open();
        try (Charger phoenix = open("phoenix-ev-eth")) {
            DeviceException e = assertThrows(DeviceException.class, phoenix::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("wallbe-ev-eth"), e.getMessage());
        }
        assertEquals(0, controller.settingWrites());
    }

    @Test
    void aDeviceWithoutTheStateLetterIsTheWrongDevice() throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(PhoenixController.UNIT_ID);
        for (int i = 0; i < 1000; i++) {
            image.addInputRegister(new SimpleInputRegister(0));
            image.addRegister(new SimpleRegister(0));
        }
        foreign = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        foreign.addProcessImage(PhoenixController.UNIT_ID, image);
        foreign.open();
        try (Charger charger = open("phoenix-ev-eth")) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("0x0000"), e.getMessage());
        }
    }

    @Test
    void keepsNymeasPauseBetweenRequests() throws Exception {
        server.open();
        PhoenixChargerDriver paced = new PhoenixChargerDriver(transport, clock, PhoenixChargerDriver.TIMING);
        try (Charger charger = paced.open("phoenix-ev-eth", DeviceAddress.tcp("127.0.0.1", port, 255))) {
            charger.poll();
        }
        List<Long> arrivals = controller.requestNanos();
        assertTrue(arrivals.size() >= 7, arrivals.toString());
        for (int i = 1; i < arrivals.size(); i++) {
            long gapMillis = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
            assertTrue(gapMillis >= 240, "request " + i + " came " + gapMillis + " ms after the one before");
        }
    }

    /** The simulator itself, with a j2mod master: the coils the gateway's transport cannot reach yet. */
    @Test
    void theSimulatedControllerBehavesLikeAnEvEth() throws Exception {
        server.open();
        controller.plugIn(16, 1, 32);
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port);
        master.connect();
        try {
            assertEquals('C', master.readInputRegisters(PhoenixController.UNIT_ID, 100, 1)[0].getValue());
            assertEquals(16, master.readInputRegisters(PhoenixController.UNIT_ID, 114, 2)[0].getValue(), "LSW first");
            assertTrue(master.readCoils(PhoenixController.UNIT_ID, 400, 1).getBit(0));

            master.writeCoil(PhoenixController.UNIT_ID, 400, false); // charging disabled: PWM off
            assertEquals('B', master.readInputRegisters(PhoenixController.UNIT_ID, 100, 1)[0].getValue());
            assertFalse(controller.charging());
            master.writeCoil(PhoenixController.UNIT_ID, 400, true);
            assertTrue(controller.charging());

            assertThrows(com.ghgande.j2mod.modbus.ModbusException.class,
                    () -> master.readInputRegisters(PhoenixController.UNIT_ID, 122, 2), "122..127 are not documented");
            assertThrows(com.ghgande.j2mod.modbus.ModbusException.class,
                    () -> master.readCoils(PhoenixController.UNIT_ID, 401, 1));
        } finally {
            master.disconnect();
        }
        assertFalse(controller.writeHolding(528, 5), "below 6 A");
        assertFalse(controller.writeHolding(528, 33), "above the DIP-switch maximum");
        assertFalse(controller.writeHolding(300, 16), "read only");
        assertTrue(controller.writeHolding(528, 6));
        controller.fault(12);
        assertEquals('F', controller.readInput(100, 1)[0]);
        assertEquals(12, controller.readInput(107, 1)[0]);
        controller.fault(0);
        controller.cpShort(true);
        assertEquals('E', controller.readInput(100, 1)[0]);
        assertFalse(controller.charging());
        controller.cpShort(false);
        controller.writeCoil(400, false);
        controller.restart();
        assertEquals(32, controller.settingRaw(), "528 back to the DIP-switch maximum");
        assertTrue(controller.charging(), "charging enabled again at power-up");

        PhoenixController meterless = new PhoenixController(clock, PhoenixController.Settings.phoenix().meterless());
        meterless.plugIn(16, 3, 32);
        assertEquals(0, meterless.readInput(108, 1)[0]);
        assertEquals(0, meterless.readInput(114, 1)[0]);
        assertThrows(IllegalArgumentException.class, () -> meterless.readInput(149, 6), "no Wallbe firmware");
    }

    private Charger open(String model) throws DeviceException {
        return driver.open(model, DeviceAddress.tcp("127.0.0.1", port, 255));
    }
}
