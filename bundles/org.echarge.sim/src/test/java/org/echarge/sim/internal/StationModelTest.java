package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StationModelTest {

    private static final Vehicle CAR_3P_32A = new Vehicle("car", 32, 3, 50_000, false, 0x04A2B1C3L, "");
    private static final Vehicle CAR_1P_16A = new Vehicle("small car", 16, 1, 50_000, false, 0, "");

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final StationModel station = new StationModel(clock, 3, 320, 15);

    @Test
    void plugInWithoutALimitWaitsInB() {
        assertEquals(IecState.A, station.iecState());
        assertEquals(StationStatus.READY, station.status());

        station.plugIn(CAR_3P_32A);

        assertEquals(IecState.B, station.iecState());
        assertEquals(StationStatus.READY, station.status());
        assertEquals(0, station.currentAmpere(0));
    }

    @ParameterizedTest(name = "{0}-phase station, {1}-phase {2} A vehicle, limit {3} dA -> {4} {5}/{6}/{7} A")
    @CsvSource({
        "3, 3, 32, 160, C, 15.2, 15.2, 15.2",
        "1, 3, 32, 160, C, 15.2,    0,    0",
        "3, 1, 16, 160, C, 15.2,    0,    0",
        "3, 3, 16, 320, C, 15.2, 15.2, 15.2",
        "3, 3, 32,  60, C,  5.7,  5.7,  5.7",
        "3, 3, 32, 320, C, 30.4, 30.4, 30.4",
        "3, 3, 32,   0, B,    0,    0,    0",
    })
    void vehicleDraws95PercentOfTheSmallerOfLimitAndItsMaximumOnThePhasesBothHave(int stationPhases,
            int vehiclePhases, double vehicleMaxAmpere, int limitDeciAmpere, IecState state, double l1, double l2,
            double l3) {
        StationModel model = new StationModel(clock, stationPhases, 320, 15);
        model.plugIn(new Vehicle("v", vehicleMaxAmpere, vehiclePhases, 50_000, false, 0, ""));

        assertTrue(model.writeLimit(limitDeciAmpere));

        assertEquals(state, model.iecState());
        assertEquals(state == IecState.C ? StationStatus.CHARGING : StationStatus.READY, model.status());
        assertAll(() -> assertEquals(l1, model.currentAmpere(0), 1e-9),
                () -> assertEquals(l2, model.currentAmpere(1), 1e-9),
                () -> assertEquals(l3, model.currentAmpere(2), 1e-9));
    }

    @Test
    void onePhaseStationHasNoVoltageOnL2AndL3() {
        StationModel single = new StationModel(clock, 1, 320, 15);
        assertEquals(230, single.voltageVolt(0), 2);
        assertEquals(0, single.voltageVolt(1));
        assertEquals(0, single.voltageVolt(2));
        for (int phase = 0; phase < 3; phase++) {
            assertEquals(230, station.voltageVolt(phase), 2);
        }
    }

    @Test
    void powerIsVoltageTimesCurrentPerPhase() {
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);
        clock.advance(Duration.ofSeconds(7));
        station.tick();

        double total = 0;
        for (int phase = 0; phase < 3; phase++) {
            assertEquals(station.voltageVolt(phase) * 15.2, station.powerWatt(phase), 1e-9);
            total += station.powerWatt(phase);
        }
        assertEquals(total, station.powerWatt(), 1e-9);
    }

    @Test
    void energyOfOneHourAt16AmpereOnThreePhases() {
        station.writeWatchdogSeconds(0);
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);
        double sumWattHour = 0;
        for (int second = 0; second < 3600; second++) {
            sumWattHour += station.powerWatt() / 3600; // held until the next tick
            clock.advance(Duration.ofSeconds(1));
            station.tick();
        }

        assertEquals(3 * 230 * 15.2, station.energyWattHour(), 3 * 230 * 15.2 * 0.01); // about 10.5 kWh
        assertEquals(sumWattHour, station.energyWattHour(), 1e-6);
        assertEquals(station.energyWattHour(), station.sessionEnergyWattHour(), 1e-9);
    }

    @Test
    void ticksShorterThanOneWattHourLoseNothing() {
        StationModel single = new StationModel(clock, 1, 320, 0);
        single.plugIn(CAR_1P_16A);
        single.writeLimit(60);
        for (int i = 0; i < 6000; i++) { // ten minutes in steps of 0.1 s, each well below 1 Wh
            clock.advance(Duration.ofMillis(100));
            single.tick();
        }
        assertEquals(230 * 5.7 / 6, single.energyWattHour(), 230 * 5.7 / 6 * 0.01);
    }

    @Test
    void pauseGoesToBAndKeepsTheSessionOpen() {
        station.writeWatchdogSeconds(0);
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);
        clock.advance(Duration.ofMinutes(10));
        station.tick();
        double session = station.sessionEnergyWattHour();

        assertTrue(station.writeEnabled(0));
        clock.advance(Duration.ofMinutes(10));
        station.tick();

        assertEquals(IecState.B, station.iecState());
        assertEquals(StationStatus.PAUSED, station.status());
        assertEquals(0, station.currentAmpere(0));
        assertEquals(session, station.sessionEnergyWattHour(), 1e-9);
        assertTrue(station.writeEnabled(1));
        assertEquals(IecState.C, station.iecState());
    }

    @Test
    void fullBatteryGoesToBAndGetsExactlyWhatItWanted() {
        station.writeWatchdogSeconds(0);
        station.plugIn(new Vehicle("nearly full", 16, 3, 100, false, 0, ""));
        station.writeLimit(160);
        clock.advance(Duration.ofMinutes(5)); // one long step: 10.5 kW would deliver 870 Wh
        station.tick();

        assertEquals(IecState.B, station.iecState());
        assertEquals(StationStatus.READY, station.status());
        assertEquals(0, station.currentAmpere(0));
        assertEquals(100, station.sessionEnergyWattHour(), 1e-9);
        assertEquals(100, station.energyWattHour(), 1e-9);
    }

    @Test
    void unplugGoesToAAndKeepsTheLastSessionUntilTheNextVehicle() {
        station.writeWatchdogSeconds(0);
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);
        clock.advance(Duration.ofMinutes(30));
        station.unplug();
        double session = station.sessionEnergyWattHour();
        clock.advance(Duration.ofMinutes(10));
        station.tick();

        assertEquals(IecState.A, station.iecState());
        assertEquals(3 * 230 * 15.2 / 2, session, 3 * 230 * 15.2 / 2 * 0.01);
        assertEquals(session, station.sessionEnergyWattHour(), 1e-9);
        assertEquals(session, station.energyWattHour(), 1e-9);
        assertEquals(0, station.rfid());

        station.plugIn(CAR_1P_16A);
        assertEquals(0, station.sessionEnergyWattHour());
        assertEquals(session, station.energyWattHour(), 1e-9);
    }

    @Test
    void watchdogFallsBackToTheFailsafeCurrentUntilTheNextWrite() {
        station.plugIn(CAR_3P_32A);
        station.writeLimit(320);
        clock.advance(Duration.ofSeconds(14));
        assertEquals(StationStatus.CHARGING, station.status());
        assertEquals(320, station.limitInForceDeciAmpere());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(StationStatus.FAILSAFE, station.status());
        assertEquals(IecState.C, station.iecState());
        assertEquals(60, station.limitInForceDeciAmpere());
        assertEquals(5.7, station.currentAmpere(0), 1e-9);

        assertTrue(station.writeLimit(320));
        assertEquals(StationStatus.CHARGING, station.status());
        assertEquals(320, station.limitInForceDeciAmpere());
    }

    @Test
    void energyFollowsTheFallbackAtTheMomentTheWatchdogExpires() {
        station.plugIn(CAR_3P_32A);
        station.writeLimit(320);
        double voltSum = station.voltageVolt(0) + station.voltageVolt(1) + station.voltageVolt(2);
        clock.advance(Duration.ofSeconds(30));
        station.tick(); // 15 s at 30.4 A, then 15 s at 5.7 A

        // 104 Wh; without the split at the expiry it would be 175 Wh (or 33 Wh); the voltage moves a bit
        assertEquals(voltSum * (30.4 * 15 + 5.7 * 15) / 3600, station.energyWattHour(), 0.5);
    }

    @Test
    void failsafeCurrentZeroStopsCharging() {
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);
        assertTrue(station.writeFailsafeDeciAmpere(0));
        clock.advance(Duration.ofSeconds(15));
        assertEquals(IecState.B, station.iecState());
        assertEquals(StationStatus.FAILSAFE, station.status());
    }

    @Test
    void watchdogOffNeverFallsBack() {
        station.writeWatchdogSeconds(0);
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);
        clock.advance(Duration.ofHours(3));
        assertEquals(StationStatus.CHARGING, station.status());
        assertEquals(160, station.limitInForceDeciAmpere());
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 1, 59, 321, 1000, 0xFFFF})
    void invalidLimitIsRefusedChangesNothingAndDoesNotFeedTheWatchdog(int deciAmpere) {
        station.writeLimit(160);
        clock.advance(Duration.ofSeconds(10));

        assertFalse(station.writeLimit(deciAmpere));
        assertFalse(station.writeFailsafeDeciAmpere(deciAmpere));

        assertEquals(160, station.limitDeciAmpere());
        assertEquals(60, station.failsafeDeciAmpere());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(StationStatus.FAILSAFE, station.status());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 60, 61, 320})
    void validLimitsAreTaken(int deciAmpere) {
        assertTrue(station.writeLimit(deciAmpere));
        assertEquals(deciAmpere, station.limitDeciAmpere());
    }

    @Test
    void enableTakesOnlyZeroAndOne() {
        assertFalse(station.writeEnabled(2));
        assertTrue(station.enabled());
        assertTrue(station.writeEnabled(0));
        assertEquals(StationStatus.PAUSED, station.status());
    }

    @Test
    void unlockIsRefusedWhileChargingAndTheLockEngagesAgainWithTheNextVehicle() {
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);
        assertFalse(station.writeUnlock(1));
        assertFalse(station.lockReleased());

        station.writeEnabled(0);
        assertFalse(station.writeUnlock(2));
        assertTrue(station.writeUnlock(1));
        assertTrue(station.lockReleased());

        station.unplug();
        station.plugIn(CAR_1P_16A);
        assertFalse(station.lockReleased());
    }

    @Test
    void faultIsStateFWithErrorStatusAndNoCurrent() {
        station.plugIn(CAR_3P_32A);
        station.writeLimit(160);

        station.fault(17);
        assertEquals(IecState.F, station.iecState());
        assertEquals(StationStatus.ERROR, station.status());
        assertEquals(17, station.errorCode());
        assertEquals(0, station.currentAmpere(0));

        station.clearFault();
        assertEquals(IecState.C, station.iecState());
        assertEquals(0, station.errorCode());
        assertThrows(IllegalArgumentException.class, () -> station.fault(0));
    }

    @Test
    void vanAskingForVentilationChargesInD() {
        station.plugIn(new Vehicle("van", 16, 3, 50_000, true, 0, ""));
        station.writeLimit(160);
        assertEquals(IecState.D, station.iecState());
        assertEquals(StationStatus.CHARGING, station.status());
    }

    @Test
    void identityOfThePluggedVehicle() {
        station.plugIn(new Vehicle("iso car", 32, 3, 50_000, false, 0x04A2B1C3L, "0A1B2C3D4E5F"));
        assertEquals(0x04A2B1C3L, station.rfid());
        assertEquals("0A1B2C3D4E5F", station.evccId());
        assertThrows(IllegalStateException.class, () -> station.plugIn(CAR_1P_16A));
        station.unplug();
        assertEquals("", station.evccId());
    }

    @Test
    void temperatureRisesSlightlyWhileChargingAndSettlesWhenIdle() {
        station.writeWatchdogSeconds(0);
        assertEquals(StationModel.AMBIENT_CELSIUS, station.temperatureCelsius(), 1e-9);
        station.plugIn(CAR_3P_32A);
        station.writeLimit(320);
        clock.advance(Duration.ofHours(1));
        station.tick();
        double charging = station.temperatureCelsius();
        assertTrue(charging > StationModel.AMBIENT_CELSIUS + 5 && charging < 40, "temperature " + charging);

        station.unplug();
        clock.advance(Duration.ofHours(2));
        station.tick();
        assertEquals(StationModel.AMBIENT_CELSIUS, station.temperatureCelsius(), 0.1);
    }
}
