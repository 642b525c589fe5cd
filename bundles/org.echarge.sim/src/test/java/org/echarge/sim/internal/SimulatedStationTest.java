package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** The DS component built by hand: its own thread is the real scheduler, its time a mutable clock. */
class SimulatedStationTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final SimulationScheduler scheduler = new SimulationScheduler();
    private final int port = FreePort.onLoopback();

    @AfterEach
    void stopScheduler() {
        scheduler.deactivate();
    }

    @Test
    void vehiclesArriveChargeAndLeaveWithinMinutes() {
        SimulatedStation station = station(true);
        try {
            int arrivals = 0;
            int departures = 0;
            boolean plugged = false;
            for (int second = 0; second < 30 * 60; second++) {
                clock.advance(Duration.ofSeconds(1));
                station.tick();
                if (station.vehiclePlugged() != plugged) {
                    plugged = !plugged;
                    arrivals += plugged ? 1 : 0;
                    departures += plugged ? 0 : 1;
                }
            }
            assertTrue(arrivals >= 3 && departures >= 2, arrivals + " arrivals, " + departures + " departures");
        } finally {
            station.deactivate();
        }
    }

    @Test
    void withoutVehiclesTheStationStaysEmpty() {
        SimulatedStation station = station(false);
        try {
            for (int second = 0; second < 600; second++) {
                clock.advance(Duration.ofSeconds(1));
                station.tick();
            }
            assertFalse(station.vehiclePlugged());
        } finally {
            station.deactivate();
        }
    }

    @Test
    void servesAtActivationAndFreesThePortAtDeactivationForTheNextActivation() throws Exception {
        SimulatedStation first = station(false);
        assertEquals(0xEC01, modelCode());
        first.deactivate();
        first.deactivate();
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, probe.getLocalPort());
        }

        SimulatedStation second = station(false);
        try {
            assertEquals(0xEC01, modelCode());
        } finally {
            second.deactivate();
        }
    }

    @Test
    void aTakenPortIsTriedAgainOnEveryTick() throws Exception {
        SimulatedStation station;
        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            station = station(false);
            station.tick();
            assertTrue(squatter.isBound());
        }
        try {
            station.tick();
            assertEquals(0xEC01, modelCode());
        } finally {
            station.deactivate();
        }
    }

    @Test
    void reportsItsCurrentOnTheBuildingPhasesItIsWiredTo() {
        // watchdog 1 s: without a gateway, the station charges at its fail-safe 6 A after a second
        StationSettings onePhase = new StationSettings(port, 1, 1, 32, "SIM1-WIRED", 5, false,
                Duration.ofSeconds(60), Duration.ofSeconds(240), 1);
        SimulatedStation station = new SimulatedStation(scheduler.executor(), onePhase, clock, 1); // on L2
        try {
            assertArrayEquals(new double[3], station.buildingAmpere());
            station.tick();
            station.server().plugIn("test car", 16, 3, 50_000);
            clock.advance(Duration.ofSeconds(2));
            station.tick();
            double[] draw = station.buildingAmpere();
            assertEquals(0, draw[0]);
            assertEquals(5.7, draw[1], 1e-9, "a 1-phase station wired to L2 loads L2 (95 % of 6 A)");
            assertEquals(0, draw[2]);
        } finally {
            station.deactivate();
        }
    }

    @Test
    void writesThatTakeAreReportedWithTheirTimeAndVehiclesCanBePluggedIn() throws Exception {
        SimulatedStation station = station(false);
        List<String> heard = new CopyOnWriteArrayList<>();
        long[] at = new long[1];
        station.bindWriteListener((serial, register, value, nanoTime) -> {
            heard.add(serial + " " + register + " " + value);
            at[0] = nanoTime;
        });
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, 2000, false);
        try {
            master.connect();
            long before = System.nanoTime();
            master.writeSingleRegister(1, 100, new SimpleRegister(123));
            long after = System.nanoTime();
            assertTrue(at[0] >= before && at[0] <= after, "stamped while the write was in flight");
            master.writeSingleRegister(1, 100, new SimpleRegister(5)); // refused
            master.writeSingleRegister(1, 101, new SimpleRegister(0));
            assertEquals(List.of("SIM1-COMPONENT 100 123", "SIM1-COMPONENT 101 0"), heard);
            assertEquals(123, station.currentLimitRegister());
        } finally {
            master.disconnect();
        }
        try {
            assertFalse(station.vehiclePlugged());
            station.plugIn("bench car", 16, 3, 100_000);
            assertTrue(station.vehiclePlugged());
            station.unplug();
            assertFalse(station.vehiclePlugged());
            assertEquals("SIM1-COMPONENT", station.serialNumber());
            assertEquals(port, station.port());
        } finally {
            station.deactivate();
        }
    }

    private SimulatedStation station(boolean vehicles) {
        StationSettings settings = new StationSettings(port, 1, 3, 32, "SIM1-COMPONENT", 5, vehicles,
                Duration.ofSeconds(60), Duration.ofSeconds(240), 15);
        return new SimulatedStation(scheduler.executor(), settings, clock);
    }

    private int modelCode() throws Exception {
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, 2000, false);
        try {
            master.connect();
            return master.readInputRegisters(1, 0, 1)[0].toUnsignedShort();
        } finally {
            master.disconnect();
        }
    }

}
