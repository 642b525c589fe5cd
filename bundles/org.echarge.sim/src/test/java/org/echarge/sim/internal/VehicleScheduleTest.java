package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VehicleScheduleTest {

    private static final int SAMPLES = 20_000;

    private final VehicleSchedule schedule = new VehicleSchedule(42, Duration.ofSeconds(60), Duration.ofSeconds(240));

    @Test
    void theSameSeedGivesTheSameDemo() {
        VehicleSchedule again = new VehicleSchedule(42, Duration.ofSeconds(60), Duration.ofSeconds(240));
        VehicleSchedule other = new VehicleSchedule(43, Duration.ofSeconds(60), Duration.ofSeconds(240));
        List<Object> first = draws(schedule);
        assertEquals(first, draws(again));
        assertTrue(!first.equals(draws(other)));
    }

    @Test
    void waitsAndStaysKeepTheirMinimumAndTheirMean() {
        double waitSeconds = 0;
        double staySeconds = 0;
        for (int i = 0; i < SAMPLES; i++) {
            Duration wait = schedule.nextWait();
            Duration stay = schedule.nextStay();
            assertTrue(wait.compareTo(VehicleSchedule.MIN_WAIT) >= 0, "wait " + wait);
            assertTrue(stay.compareTo(VehicleSchedule.MIN_STAY) >= 0, "stay " + stay);
            waitSeconds += wait.toMillis() / 1000.0;
            staySeconds += stay.toMillis() / 1000.0;
        }
        assertEquals(60, waitSeconds / SAMPLES, 60 * 0.03);
        assertEquals(240, staySeconds / SAMPLES, 240 * 0.03);
    }

    @Test
    void meanBelowTheMinimumGivesTheMinimum() {
        VehicleSchedule hurried = new VehicleSchedule(1, Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertEquals(VehicleSchedule.MIN_WAIT, hurried.nextWait());
        assertEquals(VehicleSchedule.MIN_STAY, hurried.nextStay());
    }

    @Test
    void theFirstVehicleComesWithinSeconds() {
        assertTrue(schedule.firstWait().compareTo(Duration.ofSeconds(15)) < 0);
    }

    @Test
    void fleetMix() {
        int rfid = 0;
        int iso15118 = 0;
        int vans = 0;
        int onePhase = 0;
        for (int i = 0; i < SAMPLES; i++) {
            Vehicle vehicle = schedule.nextVehicle();
            double kWh = vehicle.energyWantedWattHour() / 1000;
            assertTrue(kWh >= 1 && kWh <= 19, vehicle.toString());
            assertTrue(vehicle.maxCurrentAmpere() == 16 || vehicle.maxCurrentAmpere() == 32, vehicle.toString());
            assertTrue(vehicle.rfid() == 0 || (vehicle.rfid() >>> 24) == 0x04, vehicle.toString());
            assertTrue(vehicle.evccId().isEmpty() || vehicle.evccId().matches("[0-9A-F]{12}"), vehicle.toString());
            rfid += vehicle.rfid() != 0 ? 1 : 0;
            iso15118 += vehicle.evccId().isEmpty() ? 0 : 1;
            vans += vehicle.ventilation() ? 1 : 0;
            onePhase += vehicle.phases() == 1 ? 1 : 0;
        }
        assertEquals(0.5, rfid / (double) SAMPLES, 0.02);
        assertEquals(1 / 3.0, iso15118 / (double) SAMPLES, 0.02);
        assertEquals(0.05, vans / (double) SAMPLES, 0.01);
        assertEquals(0.95 / 3, onePhase / (double) SAMPLES, 0.02);
    }

    private static List<Object> draws(VehicleSchedule schedule) {
        List<Object> draws = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            draws.add(schedule.nextWait());
            draws.add(schedule.nextVehicle());
            draws.add(schedule.nextStay());
        }
        return draws;
    }
}
