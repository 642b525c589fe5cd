package org.echarge.driver.alfen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;
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
 * Driver → transport → Modbus TCP on 127.0.0.1 → simulated Alfen, with one clock for both. Polls come
 * every {@link AlfenChargerDriver#POLL_INTERVAL} of that clock, as the runtime sends them.
 */
class AlfenChargerLoopbackTest {

    private static final Duration POLL = AlfenChargerDriver.POLL_INTERVAL;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final ModbusTransportService transport = new ModbusTransportService();
    private final AlfenChargerDriver driver = new AlfenChargerDriver(transport, clock, AlfenChargerDriver.TIMING);
    private AlfenStation station = new AlfenStation(clock, AlfenStation.Settings.eveSingle());
    private AlfenStationServer server = new AlfenStationServer(station, port);
    private ModbusSlave foreign;

    @AfterEach
    void stop() {
        server.close();
        if (foreign != null) {
            ModbusSlaveFactory.close(foreign);
        }
    }

    @Test
    void pollsAChargingSocketAndControlsIt() throws Exception {
        server.open();
        try (Charger charger = open("alfen-eve-single", 1)) {
            ChargerSnapshot idle = charger.poll();
            assertEquals(PointState.AVAILABLE, idle.state());
            assertFalse(idle.vehicleConnected());
            assertEquals("ACE0123456", idle.serialNumber());
            assertEquals("6.4.0-4210", idle.firmwareVersion());
            assertEquals(30.0, idle.temperatureCelsius(), 1e-6);
            assertEquals(6.0, idle.setpointAmpere(), 1e-6, "the safe current until the gateway writes");

            charger.setCurrentLimit(16);
            station.plugIn(1, 32, 3);
            ChargerSnapshot charging = charger.poll();
            assertEquals(PointState.CHARGE, charging.state());
            assertTrue(charging.charging());
            assertEquals(16.0, charging.setpointAmpere(), 1e-6);
            assertEquals(16.0, charging.currentAmpere().l3(), 1e-6);
            assertEquals(3 * 230 * 16.0, charging.powerWatt().total(), 1e-3);

            ChargerSnapshot later = pollFor(Duration.ofMinutes(10), charger);
            assertEquals(PointState.CHARGE, later.state(), "the setpoint stayed valid");
            double energy = later.energyWattHour().total() - charging.energyWattHour().total();
            assertEquals(3 * 230 * 16.0 / 6, energy, 0.01);

            charger.setCurrentLimit(0); // the gateway pauses
            ChargerSnapshot pausing = charger.poll();
            assertEquals(PointState.INTERRUPTION, pausing.state(), "C1: the car still reacts");
            assertTrue(pausing.vehicleConnected());
            assertFalse(pausing.charging());
            assertEquals(0, pausing.currentAmpere().total(), 1e-9);
            clock.advance(POLL);
            assertEquals(PointState.INTERRUPTION, charger.poll().state(), "B1");
            assertEquals(PointState.INTERRUPTION, pollFor(Duration.ofMinutes(3), charger).state(), "the pause stays valid");

            charger.setCurrentLimit(16);
            assertEquals(PointState.CHARGE, charger.poll().state());

            station.carFull(1, true);
            assertEquals(PointState.CONNECTED, charger.poll().state());

            station.unplug(1);
            assertEquals(PointState.AVAILABLE, charger.poll().state());
            assertEquals(0, station.lapses());
        }
    }

    @ParameterizedTest(name = "validity time {0} s")
    @ValueSource(ints = {10, 20, 60, 300})
    void theSetpointNeverLapsesWhileTheGatewayPolls(int validitySeconds) throws Exception {
        station = new AlfenStation(clock, AlfenStation.Settings.eveSingle().validity(validitySeconds));
        server = new AlfenStationServer(station, port);
        server.open();
        station.plugIn(1, 32, 3);
        try (Charger charger = open("alfen-eve-single", 1)) {
            charger.poll();
            charger.setCurrentLimit(20);
            for (int poll = 0; poll < 240; poll++) { // 20 minutes
                clock.advance(POLL);
                ChargerSnapshot snapshot = charger.poll();
                assertEquals(PointState.CHARGE, snapshot.state(), "poll " + poll);
                assertEquals(20.0, snapshot.setpointAmpere(), 1e-6, "poll " + poll);
            }
        }
        assertEquals(0, station.lapses());
    }

    @Test
    void aLapseFallsBackToTheSafeCurrentAndIsRepairedByTheNextPoll() throws Exception {
        server.open();
        station.plugIn(1, 32, 3);
        try (Charger charger = open("alfen-eve-single", 1)) {
            charger.poll();
            charger.setCurrentLimit(16);
            pollFor(Duration.ofMinutes(2), charger);

            clock.advance(Duration.ofSeconds(61)); // the gateway is stuck
            assertEquals(1, station.lapses());
            assertEquals(6.0, station.inForceAmpere(1), 1e-6);

            ChargerSnapshot fallen = charger.poll();
            assertEquals(PointState.CHARGE_REDUCED, fallen.state());
            assertEquals(6.0, fallen.setpointAmpere(), 1e-6);
            assertEquals(6.0, fallen.currentAmpere().l1(), 1e-6);
            // that poll wrote the setpoint again
            assertEquals(16.0, station.inForceAmpere(1), 1e-6);
            ChargerSnapshot repaired = charger.poll();
            assertEquals(PointState.CHARGE, repaired.state());
            assertEquals(16.0, repaired.setpointAmpere(), 1e-6);
        }
    }

    @Test
    void aRestartedStationGetsTheSetpointBack() throws Exception {
        server.open();
        station.plugIn(1, 32, 3);
        try (Charger charger = open("alfen-eve-single", 1)) {
            charger.poll();
            charger.setCurrentLimit(20);
            clock.advance(POLL);
            assertEquals(20.0, charger.poll().setpointAmpere(), 1e-6);

            station.restart();
            clock.advance(POLL);
            assertEquals(PointState.CHARGE_REDUCED, charger.poll().state(), "on the safe current after the restart");
            clock.advance(POLL);
            assertEquals(20.0, charger.poll().setpointAmpere(), 1e-6);
        }
    }

    /** The simulator itself, without the driver: Alfen's rules for 1210 and its validity. */
    @Test
    void theSimulatedStationFallsBackLikeAnAlfen() {
        station.plugIn(1, 32, 3);
        int[] twenty = RegisterType.F32.encode(20, WordOrder.HIGH_FIRST);

        assertFalse(station.write(1, 1210, new int[] {twenty[0]}), "half a float32 (function 6) is refused");
        assertFalse(station.write(1, 1211, new int[] {twenty[1]}));
        assertFalse(station.write(1, 1206, twenty), "read-only");
        assertFalse(station.write(1, 1215, new int[] {1}), "1- and 3-phase switching not allowed in ACE");
        assertFalse(station.write(200, 1417, twenty), "SCN setpoints need EMS mode SCN");
        assertEquals(6.0, station.inForceAmpere(1), 1e-6, "a fresh station runs on its safe current");

        assertTrue(station.write(1, 1210, twenty));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, station.read(1, 1208, 2)[1], "one second of validity left");
        assertEquals(20.0, station.inForceAmpere(1), 1e-6);
        assertEquals(1, station.read(1, 1214, 1)[0]);

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, station.read(1, 1208, 2)[1]);
        assertEquals(6.0, station.inForceAmpere(1), 1e-6, "fallen back to the safe current");
        assertEquals(0, station.read(1, 1214, 1)[0]);
        assertEquals(1, station.lapses());

        assertTrue(station.write(1, 1210, twenty));
        assertEquals(20.0, station.inForceAmpere(1), 1e-6);
        assertEquals("C2", mode3(station));
        assertTrue(station.write(1, 1210, RegisterType.F32.encode(0, WordOrder.HIGH_FIRST)), "0 A pauses");
        assertEquals("C1", mode3(station), "the PWM is withdrawn, the car still asks");
        clock.advance(AlfenStation.CAR_REACTION);
        assertEquals("B1", mode3(station));
        assertTrue(station.write(1, 1210, twenty));
        station.restart();
        assertEquals(6.0, station.inForceAmpere(1), 1e-6, "the setpoint is not kept over a restart");
        assertEquals(0, station.read(1, 1208, 2)[1]);
        assertThrows(IllegalArgumentException.class, () -> station.read(1, 100, 17), "unit 1 has no identification");
        assertThrows(IllegalArgumentException.class, () -> station.read(2, 1200, 16), "an Eve Single has no socket 2");
    }

    @Test
    void bothSocketsOfAnEveDoubleShareOneConnection() throws Exception {
        station = new AlfenStation(clock, AlfenStation.Settings.eveDouble());
        server = new AlfenStationServer(station, port);
        server.open();
        station.plugIn(1, 32, 3);
        station.plugIn(2, 16, 1);
        try (Charger left = open("alfen-eve-double", 1); Charger right = open("alfen-eve-double", 2)) {
            left.poll();
            right.poll();
            left.setCurrentLimit(20);
            right.setCurrentLimit(10);

            ChargerSnapshot leftNow = left.poll();
            ChargerSnapshot rightNow = right.poll();
            assertEquals(20.0, leftNow.currentAmpere().l2(), 1e-6);
            assertEquals(10.0, rightNow.currentAmpere().l1(), 1e-6);
            assertEquals(0.0, rightNow.currentAmpere().l2(), 1e-6, "a 1-phase car");
            assertEquals("ACE0654321", rightNow.serialNumber());

            right.setCurrentLimit(0);
            clock.advance(POLL);
            assertEquals(PointState.INTERRUPTION, right.poll().state());
            assertEquals(PointState.CHARGE, left.poll().state(), "the other socket charges on");
        }
        try (Charger single = open("alfen-eve-single", 1)) {
            DeviceException e = assertThrows(DeviceException.class, single::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("NG920"), e.getMessage());
        }
    }

    @Test
    void anInoperativeSocketIsNotAvailable() throws Exception {
        server.open();
        station.plugIn(1, 32, 3);
        station.operative(1, false);
        try (Charger charger = open("alfen-eve-single", 1)) {
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.NOT_AVAILABLE, snapshot.state());
            assertTrue(snapshot.vehicleConnected());
        }
    }

    @Test
    void firmwareThatIdlesInStateEIsAvailable() throws Exception {
        station = new AlfenStation(clock, AlfenStation.Settings.eveSingle().idleState("E"));
        server = new AlfenStationServer(station, port);
        server.open();
        try (Charger charger = open("alfen-eve-single", 1)) {
            assertEquals(PointState.AVAILABLE, charger.poll().state());
            station.fault(1, true);
            assertEquals(PointState.ERROR, charger.poll().state());
        }
    }

    @Test
    void anUnreachableStationIsNotReachableAndRecovers() throws Exception {
        try (Charger charger = open("alfen-eve-single", 1)) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

            server.open();
            Thread.sleep(1100); // the transport waits out its first reconnect back-off (1 s, real time)
            ChargerSnapshot back = charger.poll();
            assertEquals(PointState.AVAILABLE, back.state());
            assertEquals("ACE0123456", back.serialNumber());
        }
    }

    @Test
    void refusedWritesAreCommunicationErrors() throws Exception {
        station = new AlfenStation(clock, AlfenStation.Settings.eveSingle().allowWriting(false));
        server = new AlfenStationServer(station, port);
        server.open();
        station.plugIn(1, 32, 3);
        try (Charger charger = open("alfen-eve-single", 1)) {
            charger.poll();
            DeviceException refused = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
            assertEquals(Kind.COMMUNICATION, refused.kind());
            assertTrue(refused.getMessage().contains("1210"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Allow writing maximum currents"), refused.getMessage());
            ChargerSnapshot still = charger.poll();
            assertEquals(PointState.CHARGE, still.state(), "the station answers and charges on its safe current");
            assertEquals(6.0, still.setpointAmpere(), 1e-6);
            assertEquals(6.0, still.currentAmpere().l1(), 1e-6);
        }
    }

    @Test
    void aDeviceWithoutTheAlfenRegistersIsACommunicationError() throws Exception {
        foreign = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        foreign.addProcessImage(200, new SimpleProcessImage(200));
        foreign.addProcessImage(1, new SimpleProcessImage(1));
        foreign.open();
        try (Charger charger = open("alfen-eve-single", 1)) {
            assertEquals(Kind.COMMUNICATION, assertThrows(DeviceException.class, charger::poll).kind());
        }
    }

    @Test
    void anotherManufacturerIsTheWrongDevice() throws Exception {
        station = new AlfenStation(clock, AlfenStation.Settings.eveSingle().identity("ABB", "TACW"));
        server = new AlfenStationServer(station, port);
        server.open();
        try (Charger charger = open("alfen-eve-single", 1)) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("ABB"), e.getMessage());
            assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        }
        assertEquals(6.0, station.inForceAmpere(1), 1e-6, "nothing was written");
    }

    private static String mode3(AlfenStation station) {
        return RegisterText.decode(station.read(1, 1201, 5), 0, 5, RegisterText.ByteOrder.HIGH_FIRST);
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

    private Charger open(String model, int socket) throws DeviceException {
        return driver.open(model, DeviceAddress.tcp("127.0.0.1", port, socket));
    }
}
