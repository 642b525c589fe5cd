package org.echarge.driver.keba.internal;

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
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * Driver → transport → Modbus TCP on 127.0.0.1 → simulated KEBA, with one clock for both. The write
 * spacing moves that clock instead of sleeping; the read spacing is real only where a test says so.
 */
class KebaChargerLoopbackTest {

    private static final ModbusOptions NO_PAUSES = new ModbusOptions(Duration.ofSeconds(1), Duration.ZERO);

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final ModbusTransportService transport = new ModbusTransportService();
    private final KebaChargerDriver driver = new KebaChargerDriver(transport, clock, clock::advance, NO_PAUSES);
    private KebaStation station = new KebaStation(clock, KebaStation.Settings.p30c());
    private KebaStationServer server = new KebaStationServer(station, port);
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
        station = new KebaStation(clock, KebaStation.Settings.p30c().failsafe(6000, 0)); // the hour below is silent
        server = new KebaStationServer(station, port);
        server.open();
        try (Charger charger = open(driver, "keba-p30-c")) {
            ChargerSnapshot idle = charger.poll();
            assertEquals(PointState.AVAILABLE, idle.state());
            assertFalse(idle.vehicleConnected(), "a tethered cable is no car");
            assertEquals("22512345", idle.serialNumber());
            assertEquals("3.10.57", idle.firmwareVersion());

            charger.setCurrentLimit(16);
            charger.setPaused(false);
            station.plugIn(32_000, 3, 0x04A2_B1C3L);
            ChargerSnapshot charging = charger.poll();
            assertEquals(PointState.CHARGE, charging.state());
            assertTrue(charging.charging());
            assertEquals(16.0, charging.setpointAmpere(), 1e-9);
            assertEquals(16.0, charging.currentAmpere().l3(), 1e-9);
            assertEquals(3 * 230 * 16.0, charging.powerWatt().total(), 1e-9);
            assertEquals("04A2B1C3", charging.rfidTag());

            clock.advance(Duration.ofHours(1));
            double energy = charger.poll().energyWattHour().total() - charging.energyWattHour().total();
            assertEquals(3 * 230 * 16.0, energy, 0.2);

            charger.setPaused(true);
            ChargerSnapshot paused = charger.poll();
            assertEquals(PointState.INTERRUPTION, paused.state());
            assertFalse(paused.charging());
            assertEquals(0, paused.currentAmpere().total(), 1e-9);

            charger.setPaused(false);
            assertEquals(PointState.CHARGE, charger.poll().state());

            station.carFull(true);
            assertEquals(PointState.CONNECTED, charger.poll().state());
            charger.unlock(); // accepted now that nothing flows
            assertTrue(charger.poll().vehicleConnected(), "unlocked (1004 = 5) is still plugged in");

            station.unplug();
            assertEquals(PointState.AVAILABLE, charger.poll().state());
        }
    }

    @Test
    void theHeartbeatKeepsTheFailsafeAwayAndALapseIsRepaired() throws Exception {
        station = new KebaStation(clock, KebaStation.Settings.p30c().failsafe(6000, 30));
        server = new KebaStationServer(station, port);
        server.open();
        station.plugIn(32_000, 3, 0);
        try (Charger charger = open(driver, "keba-p30-c")) {
            charger.poll();
            charger.setCurrentLimit(16);
            for (int poll = 0; poll < 12; poll++) {
                clock.advance(Duration.ofSeconds(10));
                ChargerSnapshot snapshot = charger.poll();
                assertEquals(PointState.CHARGE, snapshot.state(), "poll " + poll);
                assertEquals(16.0, snapshot.setpointAmpere(), 1e-9, "poll " + poll);
            }

            clock.advance(Duration.ofSeconds(31)); // the gateway is stuck
            assertTrue(station.failsafeActive());
            assertEquals(6000, station.inForceMilliampere());

            ChargerSnapshot fallen = charger.poll();
            assertEquals(PointState.CHARGE_REDUCED, fallen.state());
            assertEquals(6.0, fallen.setpointAmpere(), 1e-9);
            assertEquals(6.0, fallen.currentAmpere().l1(), 1e-9);
            // that poll fed the failsafe and wrote the limit again
            assertFalse(station.failsafeActive());
            ChargerSnapshot repaired = charger.poll();
            assertEquals(PointState.CHARGE, repaired.state());
            assertEquals(16.0, repaired.setpointAmpere(), 1e-9);
        }
    }

    @Test
    void onlyTheFailsafeTimeoutRegisterFeedsTheFailsafe() {
        station = new KebaStation(clock, KebaStation.Settings.p30c().failsafe(6000, 30));
        station.plugIn(32_000, 1, 0);
        for (int second = 0; second < 30; second += 10) {
            assertTrue(station.write(5004, 20_000));
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(6000, station.read(1100), "5004 alone does not feed it");
        assertEquals(6000, station.read(1008));

        assertTrue(station.write(5018, 30));
        assertEquals(6000, station.read(1100), "the failsafe current holds until the limit is written");
        assertTrue(station.write(5004, 20_000));
        assertEquals(20_000, station.read(1100));
    }

    @Test
    void anUnreachableStationIsNotReachableAndRecovers() throws Exception {
        try (Charger charger = open(driver, "keba-p30-c")) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, charger::poll).kind());

            server.open();
            Thread.sleep(1100); // the transport waits out its first reconnect back-off (1 s, real time)
            ChargerSnapshot back = charger.poll();
            assertEquals(PointState.AVAILABLE, back.state());
            assertEquals("22512345", back.serialNumber());
        }
    }

    @Test
    void exceptionResponsesAreCommunicationErrors() throws Exception {
        server.open();
        station.plugIn(32_000, 3, 0);
        try (Charger charger = open(driver, "keba-p30-c")) {
            charger.setCurrentLimit(16);
            assertTrue(charger.poll().charging());

            DeviceException refused = assertThrows(DeviceException.class, charger::unlock); // not while charging
            assertEquals(Kind.COMMUNICATION, refused.kind());
            assertTrue(refused.getMessage().contains("5012"), refused.getMessage());
            assertEquals(PointState.CHARGE, charger.poll().state(), "the station still answers");
        }
    }

    @Test
    void aDeviceWithoutTheKebaRegistersIsACommunicationError() throws Exception {
        foreign = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        foreign.addProcessImage(KebaStationServer.UNIT_ID, new SimpleProcessImage(KebaStationServer.UNIT_ID));
        foreign.open();
        try (Charger charger = open(driver, "keba-p30-c")) {
            assertEquals(Kind.COMMUNICATION, assertThrows(DeviceException.class, charger::poll).kind());
        }
    }

    @Test
    void aP40IsTheWrongDevice() throws Exception {
        station = new KebaStation(clock, KebaStation.Settings.p30c().productCode(4_141_111));
        server = new KebaStationServer(station, port);
        server.open();
        try (Charger charger = open(driver, "keba-p30-c")) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertTrue(e.getMessage().contains("4141111"), e.getMessage());
        }
    }

    @Test
    void anXSeriesIsTheWrongDeviceForTheCSeriesAndRightForItself() throws Exception {
        station = new KebaStation(clock, KebaStation.Settings.p30c().productCode(314_011));
        server = new KebaStationServer(station, port);
        server.open();
        try (Charger charger = open(driver, "keba-p30-c")) {
            assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
        }
        try (Charger charger = open(driver, "keba-p30-x")) {
            assertEquals(PointState.AVAILABLE, charger.poll().state());
        }
    }

    /** With the production timing the station never sees two requests closer than 0.5 s (real time). */
    @Test
    void keepsKebasHalfSecondBetweenRequests() throws Exception {
        KebaChargerDriver paced = new KebaChargerDriver(transport, clock, clock::advance, KebaChargerDriver.TIMING);
        server.open();
        station.plugIn(32_000, 3, 0);
        try (Charger charger = open(paced, "keba-p30-c")) {
            charger.poll();
        }

        List<Long> arrivals = server.image().arrivalNanos();
        assertEquals(16, arrivals.size(), "5 identity reads, 10 status reads, 1 heartbeat");
        for (int i = 1; i < arrivals.size(); i++) {
            long gapMillis = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
            assertTrue(gapMillis >= 500, "request " + i + " came " + gapMillis + " ms after the one before");
        }
    }

    private Charger open(KebaChargerDriver which, String model) throws DeviceException {
        return which.open(model, DeviceAddress.tcp("127.0.0.1", port, KebaStationServer.UNIT_ID));
    }
}
