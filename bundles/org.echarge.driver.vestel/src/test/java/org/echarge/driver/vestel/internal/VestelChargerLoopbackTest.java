package org.echarge.driver.vestel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * Driver → transport → Modbus TCP on 127.0.0.1 → simulated Vestel, with one clock for driver and box. Polls come
 * every {@link VestelChargerDriver#POLL_INTERVAL} of that clock, as the runtime sends them.
 */
class VestelChargerLoopbackTest {

    private static final Duration POLL = VestelChargerDriver.POLL_INTERVAL;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final ModbusTransportService transport = new ModbusTransportService();
    private final VestelChargerDriver driver = new VestelChargerDriver(transport, clock, VestelChargerDriver.TIMING);
    private VestelBox box = new VestelBox(clock, VestelBox.Settings.evc04());
    private VestelBoxServer server = new VestelBoxServer(box, port);
    private ModbusSlave foreign;

    @AfterEach
    void stop() {
        server.close();
        if (foreign != null) {
            ModbusSlaveFactory.close(foreign);
        }
    }

    @Test
    void pollsAChargingBoxAndControlsIt() throws Exception {
        server.open();
        try (Charger charger = open("vestel-evc04")) {
            ChargerSnapshot idle = charger.poll();
            assertEquals(PointState.AVAILABLE, idle.state());
            assertFalse(idle.vehicleConnected());
            assertEquals("EVC04A1234567", idle.serialNumber());
            assertEquals("v3.187.0-20240301", idle.firmwareVersion());
            assertEquals(32, idle.setpointAmpere(), 1e-9, "the box's own setting until the gateway writes");
            assertNull(idle.rfidTag());

            charger.setCurrentLimit(16);
            box.plugIn(32, 3, "04A2B3C4D5E6F7");
            assertEquals(PointState.CONNECTED, charger.poll().state(), "Preparing");
            clock.advance(POLL);
            ChargerSnapshot charging = charger.poll();
            assertEquals(PointState.CHARGE, charging.state());
            assertTrue(charging.charging());
            assertEquals(16, charging.setpointAmpere(), 1e-9);
            assertEquals(16, charging.currentAmpere().l3(), 1e-9);
            assertEquals(3 * 230 * 16, charging.powerWatt().total(), 1e-9);
            assertEquals("04A2B3C4", charging.rfidTag());

            ChargerSnapshot later = pollFor(Duration.ofHours(1), charger);
            assertEquals(PointState.CHARGE, later.state(), "the watchdog stayed fed");
            assertEquals(3 * 230 * 16, later.sessionEnergyWattHour() - charging.sessionEnergyWattHour(), 1.0);
            assertEquals(3 * 230 * 16, later.energyWattHour().total() - charging.energyWattHour().total(), 100.0,
                    "1036 counts 0.1 kWh");

            charger.setCurrentLimit(0); // the gateway pauses
            ChargerSnapshot paused = charger.poll();
            assertEquals(PointState.INTERRUPTION, paused.state(), "SuspendedEVSE");
            assertTrue(paused.vehicleConnected());
            assertFalse(paused.charging());
            assertEquals(0, paused.currentAmpere().total(), 1e-9);
            assertEquals(0, paused.setpointAmpere(), 1e-9);
            assertEquals(PointState.INTERRUPTION, pollFor(Duration.ofMinutes(3), charger).state(), "the pause holds");

            charger.setCurrentLimit(16);
            assertEquals(PointState.CHARGE, charger.poll().state());
            box.carFull(true);
            assertEquals(PointState.CONNECTED, charger.poll().state(), "SuspendedEV");
            box.unplug();
            assertEquals(PointState.AVAILABLE, charger.poll().state());
        }
        assertEquals(0, box.failsafes());
        assertEquals(1, box.connections(), "one connection for the whole time");
    }

    @ParameterizedTest(name = "failsafe timeout {0} s")
    @ValueSource(ints = {10, 20, 60, 300})
    void theWatchdogNeverFiresWhileTheGatewayPolls(int timeoutSeconds) throws Exception {
        box = new VestelBox(clock, VestelBox.Settings.evc04().failsafe(6, timeoutSeconds));
        server = new VestelBoxServer(box, port);
        server.open();
        box.plugIn(32, 3, null);
        try (Charger charger = open("vestel-evc04")) {
            charger.poll();
            charger.setCurrentLimit(20);
            for (int poll = 0; poll < 240; poll++) { // 20 minutes
                clock.advance(POLL);
                ChargerSnapshot snapshot = charger.poll();
                assertEquals(PointState.CHARGE, snapshot.state(), "poll " + poll);
                assertEquals(20, snapshot.currentAmpere().l1(), 1e-9, "poll " + poll);
            }
        }
        assertEquals(0, box.failsafes());
        assertEquals(1, box.connections());
    }

    @Test
    void aStuckGatewayMeetsTheFailsafeAndTheNextPollRepairsIt() throws Exception {
        server.open();
        box.plugIn(32, 3, null);
        try (Charger charger = open("vestel-evc04")) {
            charger.poll();
            charger.setCurrentLimit(16);
            pollFor(Duration.ofMinutes(2), charger);

            clock.advance(Duration.ofSeconds(31)); // the gateway is stuck longer than the failsafe timeout (20 s)
            assertTrue(box.inFailsafe());
            assertEquals(6, box.offeredAmpere(), 1e-9, "the failsafe current");

            ChargerSnapshot fallen = charger.poll(); // the box closed the connection: the transport opened a new one
            assertEquals(PointState.CHARGE_REDUCED, fallen.state());
            assertEquals(6, fallen.setpointAmpere(), 1e-9);
            assertEquals(6, fallen.currentAmpere().l2(), 1e-9);
            assertFalse(box.inFailsafe(), "that poll wrote alive and setpoint again");
            assertEquals(16, box.offeredAmpere(), 1e-9);
            assertEquals(2, box.connections());

            clock.advance(POLL);
            ChargerSnapshot repaired = charger.poll();
            assertEquals(PointState.CHARGE, repaired.state());
            assertEquals(16, repaired.currentAmpere().l2(), 1e-9);
        }
        assertEquals(1, box.failsafes());
    }

    @Test
    void aSecondMasterIsRefusedWhileTheGatewayKeepsItsConnection() throws Exception {
        server.open();
        box.plugIn(32, 3, null);
        try (Charger charger = open("vestel-evc04")) {
            charger.poll();
            charger.setCurrentLimit(16);

            ModbusTransportService otherProgram = new ModbusTransportService(); // e.g. a second EMS on the network
            try (ModbusClient intruder = otherProgram.open(DeviceAddress.tcp("127.0.0.1", port, 255),
                    VestelChargerDriver.TIMING)) {
                DeviceException refused = assertThrows(DeviceException.class,
                        () -> intruder.readInputRegisters(1000, 1));
                assertEquals(Kind.NOT_REACHABLE, refused.kind());
            }
            assertTrue(box.refusedConnections() >= 1);

            clock.advance(POLL);
            assertEquals(PointState.CHARGE, charger.poll().state(), "the gateway's connection is untouched");
        }
        assertEquals(1, box.connections());
    }

    @Test
    void chargersOfTheSameBoxShareTheOneConnection() throws Exception {
        server.open();
        box.plugIn(32, 3, null);
        // two points configured with the same address (the configuration check calls it Conf Charger): still one master
        try (Charger first = open("vestel-evc04"); Charger second = open("webasto-unite")) {
            first.poll();
            second.poll();
            first.setCurrentLimit(10);
            clock.advance(POLL);
            assertEquals(10, second.poll().currentAmpere().l1(), 1e-9);
        }
        assertEquals(1, box.connections());
        assertEquals(0, box.refusedConnections());
    }

    @Test
    void anUnreachableBoxIsNotReachableAndRecovers() throws Exception {
        try (Charger charger = open("vestel-evc04")) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

            server.open();
            Thread.sleep(1100); // the transport waits out its first reconnect back-off (1 s, real time)
            ChargerSnapshot back = charger.poll();
            assertEquals(PointState.AVAILABLE, back.state());
            assertEquals("EVC04A1234567", back.serialNumber());

            charger.setCurrentLimit(13);
            server.close(); // the box goes away (power cut) while the gateway holds a setpoint
            clock.advance(POLL);
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

            box.restart(); // back with its own setting, 32 A
            server = new VestelBoxServer(box, port);
            server.open();
            Thread.sleep(1100);
            clock.advance(POLL);
            charger.poll();
            assertEquals(13, box.read(3, 5004, 1)[0], "identity checked again and the setpoint written again");
        }
    }

    @Test
    void exceptionResponsesAreCommunicationErrors() throws Exception {
        server.open();
        try (Charger charger = open("vestel-evc04")) {
            charger.poll();
            box.refuse(1000, 4);
            DeviceException read = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.COMMUNICATION, read.kind());
            assertTrue(read.getMessage().contains("1000"), read.getMessage());

            box.refuse(1000, 0);
            box.refuse(5004, 4);
            DeviceException write = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
            assertEquals(Kind.COMMUNICATION, write.kind());
            assertTrue(write.getMessage().contains("5004"), write.getMessage());

            box.refuse(5004, 0);
            charger.setCurrentLimit(16);
            assertEquals(PointState.AVAILABLE, charger.poll().state());
        }
        assertEquals(1, box.connections(), "an exception response keeps the connection");
    }

    @Test
    void aBoxWithOlderFirmwareReportsNoCard() throws Exception {
        box = new VestelBox(clock, VestelBox.Settings.evc04().firmware("v3.140.0"));
        server = new VestelBoxServer(box, port);
        server.open();
        box.plugIn(16, 1, "04A2B3C4");
        try (Charger charger = open("vestel-evc04")) {
            clock.advance(POLL);
            ChargerSnapshot snapshot = charger.poll();
            assertNull(snapshot.rfidTag());
            assertEquals(PointState.CHARGE, snapshot.state());
        }
    }

    @Test
    void anotherDeviceIsTheWrongDevice() throws Exception {
        box = new VestelBox(clock, VestelBox.Settings.evc04().foreign("ABB", "TACW22"));
        server = new VestelBoxServer(box, port);
        server.open();
        try (Charger charger = open("vestel-evc04")) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("TACW22"), e.getMessage());
            assertEquals(Kind.WRONG_DEVICE,
                    assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16)).kind());
        }
        assertEquals(32, box.read(3, 5004, 1)[0], "nothing was written");
        assertEquals(0, box.read(3, 6000, 1)[0]);
    }

    @Test
    void aDeviceWithoutTheVestelRegistersIsACommunicationError() throws Exception {
        foreign = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        foreign.addProcessImage(255, new SimpleProcessImage(255));
        foreign.open();
        try (Charger charger = open("vestel-evc04")) {
            assertEquals(Kind.COMMUNICATION, assertThrows(DeviceException.class, charger::poll).kind());
        }
    }

    /** The simulator itself, without the driver: the rules of the fact sheet. */
    @Test
    void theSimulatedBoxBehavesLikeAVestel() throws Exception {
        assertRefused(2, () -> box.read(3, 1000, 1), "an input register read with function 3");
        assertRefused(2, () -> box.read(4, 5004, 1), "a holding register read with function 4");
        assertRefused(2, () -> box.read(4, 1008, 3), "1009 is a gap: currents are single u16 registers");
        assertRefused(2, () -> box.read(4, 1020, 6), "1022/1023 are a gap");
        assertRefused(2, () -> box.write(1000, new int[] {1}), "input registers are read-only");
        assertEquals(2, box.read(4, 1006, 2).length, "the fault code, one u32");
        assertEquals("EVC04", VestelText.decode(box.read(4, 210, 5)));
        assertTrue(VestelText.oneCharacterPerRegister(box.read(4, 100, 25)));

        assertRefused(3, () -> box.write(5004, new int[] {3}), "below 6 A");
        assertRefused(3, () -> box.write(5004, new int[] {33}), "above the box's maximum");
        box.write(5004, new int[] {0});
        assertEquals(VestelBox.HARDWARE_MIN_AMPERE, box.read(3, 5004, 1)[0], "5004 never reads back 0");

        // one master at a time; 405 back to its default when the master's connection ends
        int first = box.connect().orElseThrow();
        assertTrue(box.connect().isEmpty());
        assertEquals(1, box.refusedConnections());
        box.write(405, new int[] {0});
        assertEquals(0, box.read(3, 405, 1)[0]);
        box.disconnected(first);
        assertEquals(1, box.read(3, 405, 1)[0]);
        VestelBox onePhase = new VestelBox(clock, new VestelBox.Settings("VESTEL", "EVC04", "1", "v3.187.0", false,
                false, 32, 0, 6, 20));
        assertRefused(3, () -> onePhase.write(405, new int[] {1}), "a 1-phase installation cannot switch to 3");
        VestelBox older = new VestelBox(clock, VestelBox.Settings.evc04().firmware("v3.140.0"));
        assertRefused(2, () -> older.read(3, 405, 1), "no phase switch before 3.187.0");
        assertRefused(2, () -> older.read(4, 1516, 15), "no RFID register before 3.156.0");

        // watchdog: checks every timeout / 2 (20 s: every 10 s) reset the alive register; 0 for 20 s: failsafe
        box.plugIn(32, 3, null);
        box.write(5004, new int[] {16});
        int master = box.connect().orElseThrow();
        box.write(6000, new int[] {1});
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, box.read(3, 6000, 1)[0], "reset by the box's check");
        clock.advance(Duration.ofSeconds(10));
        assertFalse(box.inFailsafe(), "0 for 10 s only");
        clock.advance(Duration.ofSeconds(10));
        assertTrue(box.inFailsafe(), "0 since the check 20 s ago");
        assertFalse(box.serves(master), "the box closed the connection");
        assertEquals(6, box.offeredAmpere(), 1e-9, "the failsafe current");
        int next = box.connect().orElseThrow();
        box.write(6000, new int[] {1});
        assertTrue(box.inFailsafe(), "the alive register alone does not end it");
        box.write(5004, new int[] {16});
        assertEquals(16, box.offeredAmpere(), 1e-9);
        assertTrue(box.serves(next));

        // the check never runs more often than every 3 s
        VestelBox quick = new VestelBox(clock, VestelBox.Settings.evc04().failsafe(6, 4));
        quick.connect();
        quick.write(6000, new int[] {1});
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, quick.read(3, 6000, 1)[0], "no check after 2 s");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, quick.read(3, 6000, 1)[0], "checked after 3 s");
    }

    @FunctionalInterface
    private interface Request {
        void send() throws VestelBox.Refused;
    }

    private static void assertRefused(int code, Request request, String why) {
        VestelBox.Refused refused = assertThrows(VestelBox.Refused.class, request::send, why);
        assertEquals(code, refused.code, why);
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
        return driver.open(model, DeviceAddress.tcp("127.0.0.1", port, 255));
    }
}
