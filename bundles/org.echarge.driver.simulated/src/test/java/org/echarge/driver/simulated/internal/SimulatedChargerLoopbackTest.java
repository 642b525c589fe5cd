package org.echarge.driver.simulated.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.sim.internal.StationServer;
import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/** Driver → transport → Modbus TCP on 127.0.0.1 → simulated SIM-1 station, with one clock for both. */
class SimulatedChargerLoopbackTest {

    private static final int STATUS_FAILSAFE = 3;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final ModbusTransportService transport = new ModbusTransportService();
    private final SimulatedChargerDriver driver = new SimulatedChargerDriver(transport, clock);
    private final StationServer station = new StationServer(clock, port, 1, 3, 32, 15, "SIM1-LOOP-01");
    private ModbusSlave foreign;

    @AfterEach
    void stop() {
        station.close();
        if (foreign != null) {
            ModbusSlaveFactory.close(foreign);
        }
    }

    @Test
    void pollsAChargingStationAndWritesItsLimit() throws Exception {
        station.open();
        station.plugIn("car", 32, 3, 40_000);
        try (Charger charger = open()) {
            charger.setCurrentLimit(16);
            station.tick();
            ChargerSnapshot snapshot = charger.poll();

            assertEquals(PointState.CHARGE, snapshot.state());
            assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
            assertEquals(15.2, snapshot.currentAmpere().l2(), 1e-9);
            assertEquals("SIM1-LOOP-01", snapshot.serialNumber());
            assertEquals("SIM1 1.0.0", snapshot.firmwareVersion());
            assertEquals(true, snapshot.vehicleConnected());

            charger.setPaused(true);
            station.tick();
            assertEquals(PointState.INTERRUPTION, charger.poll().state());
        }
    }

    @Test
    void pollingFeedsTheWatchdogAndSilenceLetsTheStationFallBack() throws Exception {
        station.open();
        station.plugIn("car", 32, 3, 40_000);
        try (Charger charger = open()) {
            charger.setCurrentLimit(32);
            for (int second = 0; second < 60; second++) {
                clock.advance(Duration.ofSeconds(1));
                station.tick();
                assertEquals(PointState.CHARGE, charger.poll().state(), "second " + second);
            }
            // the gateway goes quiet: the station falls back to its fail-safe current
            clock.advance(Duration.ofSeconds(15));
            station.tick();
            assertEquals(STATUS_FAILSAFE, station.status());
            ChargerSnapshot fallen = charger.poll();
            assertEquals(PointState.CHARGE_REDUCED, fallen.state());
            assertEquals(6.0, fallen.setpointAmpere(), 1e-9);
            // that poll wrote the limit again
            station.tick();
            assertEquals(32.0, station.limitInForceAmpere(), 1e-9);
            assertEquals(PointState.CHARGE, charger.poll().state());
        }
    }

    @Test
    void unreachableStationIsNotReachableAndRecovers() throws Exception {
        try (Charger charger = open()) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.NOT_REACHABLE, e.kind());

            station.open();
            station.tick();
            Thread.sleep(1100); // the transport waits out its first reconnect back-off (1 s, real time)
            assertEquals(PointState.AVAILABLE, charger.poll().state());
        }
    }

    @Test
    void anotherDeviceIsTheWrongCharger() throws Exception {
        startForeign(0x1234, 50);
        try (Charger charger = open()) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.WRONG_DEVICE, e.kind());
            assertEquals(true, e.getMessage().contains("0x1234"), e.getMessage());
        }
    }

    @Test
    void exceptionResponseIsACommunicationError() throws Exception {
        startForeign(0xEC01, 10); // too few registers: exception 2 (illegal data address)
        try (Charger charger = open()) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.COMMUNICATION, e.kind());
        }
    }

    private Charger open() throws DeviceException {
        return driver.open(SimulatedChargerDriver.SIM_1.id(), DeviceAddress.tcp("127.0.0.1", port, 1));
    }

    private void startForeign(int modelCode, int inputRegisters) throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(1);
        image.addInputRegister(new SimpleInputRegister(modelCode));
        for (int i = 1; i < inputRegisters; i++) {
            image.addInputRegister(new SimpleInputRegister(0));
        }
        foreign = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        foreign.addProcessImage(1, image);
        foreign.open();
    }
}
