package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class StationModelTest {

    private static final Vehicle THREE_PHASE_32 = new Vehicle("car", 32, 3, 50_000, false, 0x04A2B1C3L, "");
    private static final Vehicle ONE_PHASE_16 = new Vehicle("small", 16, 1, 50_000, false, 0, "");

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final StationModel station = new StationModel(clock, 3, 32, 15);

    @Test
    void plugInThenLimitThenCharge() {
        assertEquals(StationModel.IEC_A, station.iecState());
        station.plugIn(THREE_PHASE_32);
        assertTrue(station.writeLimit(160));

        assertEquals(StationModel.IEC_C, station.iecState());
        assertEquals(StationModel.STATUS_CHARGING, station.status());
        for (int phase = 0; phase < 3; phase++) {
            assertEquals(15.2, station.currentAmpere(phase), 1e-9);
        }
    }

    @Test
    void oneThreePhaseVehicleOnAOnePhaseStationLoadsL1Only() {
        StationModel single = new StationModel(clock, 1, 32, 15);
        single.plugIn(THREE_PHASE_32);
        single.writeLimit(160);
        assertEquals(15.2, single.currentAmpere(0), 1e-9);
        assertEquals(0, single.currentAmpere(1), 1e-9);
        assertEquals(0, single.voltage(2), 1e-9);
    }

    @Test
    void vehicleMaximumCapsTheCurrent() {
        station.plugIn(ONE_PHASE_16);
        station.writeLimit(320);
        assertEquals(15.2, station.currentAmpere(0), 1e-9);
        assertEquals(0, station.currentAmpere(1), 1e-9);
    }

    @Test
    void energyIntegratesOverTimeAndTheLastSessionIsKept() {
        station.plugIn(THREE_PHASE_32);
        station.writeLimit(160);
        station.setWatchdogSeconds(0);
        for (int i = 0; i < 3600; i++) {
            clock.advance(Duration.ofSeconds(1));
            station.tick();
        }
        double expected = (230.4 + 229.7 + 231.1) * 15.2; // Wh in one hour
        assertEquals(expected, station.energyWattHour(), 0.01);
        assertEquals(expected, station.sessionEnergyWattHour(), 0.01);

        station.unplug();
        clock.advance(Duration.ofMinutes(10));
        station.tick();
        assertEquals(StationModel.IEC_A, station.iecState());
        assertEquals(expected, station.sessionEnergyWattHour(), 0.01);
        assertEquals(expected, station.energyWattHour(), 0.01);
    }

    @Test
    void pauseKeepsTheSessionOpen() {
        station.plugIn(THREE_PHASE_32);
        station.writeLimit(160);
        station.setEnabled(false);
        assertEquals(StationModel.IEC_B, station.iecState());
        assertEquals(StationModel.STATUS_PAUSED, station.status());
        assertEquals(0, station.currentAmpere(0), 1e-9);
        station.setEnabled(true);
        assertEquals(StationModel.IEC_C, station.iecState());
    }

    @Test
    void fullBatteryStopsDrawing() {
        station.plugIn(new Vehicle("nearly full", 16, 3, 10, false, 0, ""));
        station.writeLimit(160);
        station.setWatchdogSeconds(0);
        clock.advance(Duration.ofMinutes(1));
        station.tick();
        assertEquals(StationModel.IEC_B, station.iecState());
        assertEquals(StationModel.STATUS_READY, station.status());
    }

    @Test
    void watchdogFallsBackToTheFailsafeCurrentUntilTheNextWrite() {
        station.plugIn(THREE_PHASE_32);
        station.writeLimit(320);
        clock.advance(Duration.ofSeconds(14));
        assertEquals(32, station.limitInForceAmpere(), 1e-9);

        clock.advance(Duration.ofSeconds(1));
        assertEquals(StationModel.STATUS_FAILSAFE, station.status());
        assertEquals(6, station.limitInForceAmpere(), 1e-9);
        assertEquals(5.7, station.currentAmpere(0), 1e-9);

        station.writeLimit(320);
        assertEquals(StationModel.STATUS_CHARGING, station.status());
        assertEquals(32, station.limitInForceAmpere(), 1e-9);
    }

    @Test
    void invalidLimitsAreRefusedAndChangeNothing() {
        station.writeLimit(160);
        assertFalse(station.writeLimit(50));
        assertFalse(station.writeLimit(330));
        assertEquals(160, station.limitDeciAmpere());
        assertTrue(station.writeLimit(0));
    }

    @Test
    void unlockIsRefusedWhileCharging() {
        station.plugIn(THREE_PHASE_32);
        station.writeLimit(160);
        assertFalse(station.unlock());
        station.setEnabled(false);
        assertTrue(station.unlock());
    }
}
