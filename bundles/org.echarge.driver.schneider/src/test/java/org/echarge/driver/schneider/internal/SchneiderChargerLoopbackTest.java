package org.echarge.driver.schneider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Driver → transport → Modbus TCP on 127.0.0.1 → simulated EVlink Pro AC, with one clock for both. Polls come
 * every {@link SchneiderChargerDriver#POLL_INTERVAL} of that clock, as the runtime sends them.
 */
class SchneiderChargerLoopbackTest {

    private static final Duration POLL = SchneiderChargerDriver.POLL_INTERVAL;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final ModbusTransportService transport = new ModbusTransportService();
    private final SchneiderChargerDriver driver = new SchneiderChargerDriver(transport, clock,
            SchneiderChargerDriver.TIMING);
    private SchneiderStation station = new SchneiderStation(clock, SchneiderStation.Settings.evlinkProAc());
    private SchneiderStationServer server = new SchneiderStationServer(station, port);
    private ModbusSlave foreign;

    @AfterEach
    void stop() {
        server.close();
        if (foreign != null) {
            ModbusSlaveFactory.close(foreign);
        }
    }

    @Test
    void pollsAChargingStationAndControlsIt() throws Exception {
        server.open();
        try (Charger charger = open()) {
            ChargerSnapshot idle = charger.poll();
            assertEquals(PointState.AVAILABLE, idle.state());
            assertFalse(idle.vehicleConnected());
            assertTrue(Double.isNaN(idle.setpointAmpere()), "4004 reads 99 without a charge");
            assertEquals("3.4.12", idle.firmwareVersion());

            charger.setCurrentLimit(16);
            station.plugIn(32, 3);
            ChargerSnapshot charging = pollFor(POLL, charger);
            assertEquals(PointState.CHARGE, charging.state());
            assertTrue(charging.charging());
            assertEquals(16.0, charging.setpointAmpere(), 1e-9);
            assertEquals(16.0, charging.currentAmpere().l3(), 1e-6);
            assertEquals(3 * 230 * 16.0, charging.powerWatt().total(), 0.01);

            ChargerSnapshot later = pollFor(Duration.ofMinutes(10), charger);
            assertEquals(PointState.CHARGE, later.state(), "the station followed the gateway all along");
            double energy = later.energyWattHour().total() - charging.energyWattHour().total();
            assertEquals(3 * 230 * 16.0 / 6, energy, 1.0);

            charger.setCurrentLimit(0); // the gateway pauses
            ChargerSnapshot pausing = charger.poll();
            assertEquals(PointState.INTERRUPTION, pausing.state(), "state 4: the car still reacts");
            assertTrue(pausing.vehicleConnected());
            assertFalse(pausing.charging());
            assertEquals(0, pausing.currentAmpere().total(), 1e-9);
            assertEquals(PointState.INTERRUPTION, pollFor(Duration.ofMinutes(2), charger).state(), "state 3, held");

            charger.setCurrentLimit(16);
            assertEquals(PointState.CHARGE, charger.poll().state());

            station.carFull(true);
            assertEquals(PointState.CONNECTED, pollFor(POLL, charger).state());

            station.unplug();
            assertEquals(PointState.AVAILABLE, pollFor(POLL, charger).state());
            assertEquals(0, station.lapses());
        }
    }

    @ParameterizedTest(name = "lifetime {0} s")
    @ValueSource(ints = {2, 3, 10})
    void theStationNeverFallsBackWhileTheGatewayPolls(int lifetimeSeconds) throws Exception {
        station = new SchneiderStation(clock, SchneiderStation.Settings.evlinkProAc().lifetime(lifetimeSeconds));
        server = new SchneiderStationServer(station, port);
        server.open();
        station.plugIn(32, 3);
        try (Charger charger = open()) {
            charger.poll();
            charger.setCurrentLimit(20);
            for (int poll = 0; poll < 300; poll++) { // 5 minutes
                clock.advance(POLL);
                ChargerSnapshot snapshot = charger.poll();
                assertEquals(PointState.CHARGE, snapshot.state(), "poll " + poll);
                assertEquals(20.0, snapshot.currentAmpere().l1(), 1e-6, "poll " + poll);
            }
        }
        assertEquals(0, station.lapses());
        assertEquals(List.of("4004=20"), station.writes().stream().filter(w -> w.startsWith("4004=")).toList(),
                "the gateway's own write, never a repair");
    }

    @Test
    void aLapseFallsBackToTheDegradedSetpointAndIsRepairedByTheNextPoll() throws Exception {
        server.open();
        station.plugIn(32, 3);
        try (Charger charger = open()) {
            charger.poll();
            charger.setCurrentLimit(16);
            pollFor(Duration.ofMinutes(1), charger);
            assertEquals(16.0, station.inForceAmpere(), 1e-9);

            clock.advance(Duration.ofSeconds(10)); // the gateway is stuck
            assertEquals(1, station.lapses());
            assertEquals(8.0, station.inForceAmpere(), 1e-9, "the degraded setpoint of a 3-phase station");

            ChargerSnapshot fallen = charger.poll(); // life bit and setpoint go out; the station takes them at its refresh
            assertEquals(PointState.CHARGE_REDUCED, fallen.state());
            assertEquals(8.0, fallen.setpointAmpere(), 1e-9);
            assertEquals(8.0, fallen.currentAmpere().l1(), 1e-6);

            ChargerSnapshot repaired = pollFor(POLL, charger);
            assertEquals(PointState.CHARGE, repaired.state());
            assertEquals(16.0, repaired.setpointAmpere(), 1e-9);
            assertEquals(16.0, repaired.currentAmpere().l1(), 1e-6);
        }
        assertEquals(1, station.lapses());
    }

    @Test
    void aRestartedStationGetsTheSetpointBack() throws Exception {
        server.open();
        station.plugIn(32, 3);
        try (Charger charger = open()) {
            charger.poll();
            charger.setCurrentLimit(20);
            assertEquals(20.0, pollFor(Duration.ofSeconds(5), charger).setpointAmpere(), 1e-9);

            station.restart();
            assertEquals(PointState.CHARGE_REDUCED, pollFor(POLL, charger).state(), "on the degraded setpoint");
            ChargerSnapshot back = pollFor(Duration.ofSeconds(5), charger);
            assertEquals(PointState.CHARGE, back.state());
            assertEquals(20.0, back.currentAmpere().l2(), 1e-6);
        }
    }

    @Test
    void aDeactivatedLifeBitGetsNoHeartbeatAndTheSetpointHolds() throws Exception {
        station = new SchneiderStation(clock, SchneiderStation.Settings.evlinkProAc().lifeBitDeactivated());
        server = new SchneiderStationServer(station, port);
        server.open();
        station.plugIn(32, 3);
        try (Charger charger = open()) {
            charger.poll();
            charger.setCurrentLimit(12);
            ChargerSnapshot later = pollFor(Duration.ofMinutes(1), charger);
            assertEquals(12.0, later.currentAmpere().l1(), 1e-6);
        }
        assertEquals(List.of("4004=12"), station.writes());
    }

    /** The simulator itself, without the driver: the supervision as the fact sheet describes it. */
    @Test
    void theSimulatedStationSupervisesItsRemoteControllerLikeAnEvlink() {
        station.plugIn(32, 3);
        assertEquals(8.0, station.inForceAmpere(), 1e-9, "no master yet: the degraded setpoint");
        assertTrue(station.write(4004, new int[] {16}));
        assertEquals(8.0, station.inForceAmpere(), 1e-9, "the remote setpoint needs a life bit");

        assertTrue(station.write(4000, new int[] {1}));
        assertEquals(1, station.read(4000, 1)[0]);
        clock.advance(SchneiderStation.REFRESH);
        assertEquals(0, station.read(4000, 1)[0], "taken and reset by the station");
        assertEquals(16.0, station.inForceAmpere(), 1e-9);
        assertEquals(16, station.read(4004, 1)[0]);

        clock.advance(Duration.ofSeconds(1));
        assertEquals(16.0, station.inForceAmpere(), 1e-9, "within the lifetime of 2 s");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(8.0, station.inForceAmpere(), 1e-9, "lapsed");
        assertEquals(8, station.read(4004, 1)[0]);
        assertEquals(1, station.lapses());
        assertTrue(station.write(4000, new int[] {1}));
        clock.advance(SchneiderStation.REFRESH);
        assertEquals(8.0, station.inForceAmpere(), 1e-9, "the remote setpoint was forgotten");
        assertTrue(station.write(4004, new int[] {16}));
        assertEquals(16.0, station.inForceAmpere(), 1e-9);

        assertTrue(station.write(4000, new int[] {2}));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(16.0, station.inForceAmpere(), 1e-9, "2 switches the supervision off");

        assertFalse(station.write(4004, new int[] {33}));
        assertFalse(station.write(4000, new int[] {3}));
        assertFalse(station.write(4005, new int[] {6}), "degraded setpoints are set in eSetup");
        assertFalse(station.write(4001, new int[] {7}), "suspend is not modelled");
        assertFalse(station.write(4004, new int[] {16, 0}), "one register per write");
        assertEquals(0xFFFF, station.read(4014, 1)[0], "unmapped inside a reserved block");
        assertEquals(0xFFFF, station.read(3100, 1)[0]);
        assertThrows(IllegalArgumentException.class, () -> station.read(2, 1), "outside: exception 2");
        assertThrows(IllegalArgumentException.class, () -> station.read(1, 150));
        int[] power = station.read(3059, 2);
        assertEquals(3 * 230 * 16 / 1000.0, RegisterType.F32.decode(power, 0, WordOrder.LOW_FIRST), 1e-4);

        station.unplug();
        assertEquals(SchneiderStation.NO_CHARGE, station.read(4004, 1)[0]);
    }

    @Test
    void aStationSetUnavailableIsNotAvailable() throws Exception {
        server.open();
        station.plugIn(32, 3);
        assertTrue(station.write(4001, new int[] {41}));
        try (Charger charger = open()) {
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.NOT_AVAILABLE, snapshot.state());
            assertTrue(snapshot.vehicleConnected(), "from 1150");
        }
    }

    @Test
    void aFaultIsAnErrorWithTheMakersCodes() throws Exception {
        server.open();
        station.plugIn(32, 3);
        station.fault(true);
        try (Charger charger = open()) {
            ChargerSnapshot snapshot = charger.poll();
            assertEquals(PointState.ERROR, snapshot.state());
            assertEquals(List.of(0x0002L, 0x0400L), snapshot.errorCodes());
        }
    }

    @Test
    void anUnreachableStationIsNotReachableAndRecovers() throws Exception {
        try (Charger charger = open()) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

            server.open();
            Thread.sleep(1100); // the transport waits out its first reconnect back-off (1 s, real time)
            ChargerSnapshot back = charger.poll();
            assertEquals(PointState.AVAILABLE, back.state());
            assertEquals("3.4.12", back.firmwareVersion());
        }
    }

    @Test
    void exceptionResponsesAreCommunicationErrorsAndTheLifeBitStillGoesOut() throws Exception {
        server.open();
        station.plugIn(32, 3);
        try (Charger charger = open()) {
            charger.poll();
            charger.setCurrentLimit(16);
            station.refuse(150, true);
            for (int poll = 0; poll < 30; poll++) {
                clock.advance(POLL);
                DeviceException e = assertThrows(DeviceException.class, charger::poll);
                assertEquals(Kind.COMMUNICATION, e.kind());
                assertTrue(e.getMessage().contains("150"), e.getMessage());
            }
            assertEquals(0, station.lapses(), "every failed poll had fed the life bit");

            station.refuse(4004, true);
            DeviceException refused = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(20));
            assertEquals(Kind.COMMUNICATION, refused.kind());
            assertTrue(refused.getMessage().contains("4004"), refused.getMessage());

            station.refuse(150, false);
            station.refuse(4004, false);
            clock.advance(POLL);
            assertEquals(PointState.CHARGE, charger.poll().state(), "the station answers again");
        }
    }

    @Test
    void aDeviceWithoutTheEvlinkRegistersIsACommunicationError() throws Exception {
        foreign = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        foreign.addProcessImage(SchneiderStationServer.UNIT_ID, new SimpleProcessImage(SchneiderStationServer.UNIT_ID));
        foreign.open();
        try (Charger charger = open()) {
            assertEquals(Kind.COMMUNICATION, assertThrows(DeviceException.class, charger::poll).kind());
        }
    }

    @Test
    void anotherSchneiderStationIsTheWrongDeviceAndGetsNoWrite() throws Exception {
        station = new SchneiderStation(clock, SchneiderStation.Settings.evlinkProAc().commercialReference("EVH3S22P0CK"));
        server = new SchneiderStationServer(station, port);
        server.open();
        try (Charger charger = open()) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("EVH3S22P0CK"), e.getMessage());
            assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        }
        assertEquals(List.of(), station.writes());
    }

    private Charger open() throws DeviceException {
        return driver.open("schneider-evlink-pro-ac",
                DeviceAddress.tcp("127.0.0.1", port, SchneiderStationServer.UNIT_ID));
    }

    /** Polls every poll interval of the test clock for {@code duration}; returns the last snapshot. */
    private ChargerSnapshot pollFor(Duration duration, Charger charger) throws DeviceException {
        ChargerSnapshot last = null;
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0; elapsed = elapsed.plus(POLL)) {
            clock.advance(POLL);
            last = charger.poll();
        }
        return last;
    }
}
