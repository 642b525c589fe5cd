package org.echarge.point.internal.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.junit.jupiter.api.Test;

class SessionTrackerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @Test
    void aSessionFromPlugInToUnplugCountedByTheChargersCounter() {
        SessionTracker tracker = new SessionTracker(1, SessionState.EMPTY);
        tracker.update(counter(false, 1000), T0);
        tracker.update(counter(true, 1000), T0.plusSeconds(10));
        tracker.update(counter(true, 4000), T0.plusSeconds(3600));
        assertEquals(3000, tracker.state().totalWattHour(), 1e-9);

        Optional<ChargingSession> ended = tracker.update(counter(false, 4500), T0.plusSeconds(7200));

        assertTrue(ended.isPresent());
        assertEquals(T0.plusSeconds(10), ended.get().start());
        assertEquals(Duration.ofSeconds(7190), ended.get().duration());
        // energy up to the poll that saw the vehicle gone still belongs to the session
        assertEquals(3500, ended.get().energyWattHour(), 1e-9);
        assertEquals(3500, tracker.state().finishedWattHour(), 1e-9);
        assertEquals(ended.get(), tracker.state().last());
    }

    @Test
    void theSessionRegisterWinsWhereTheChargerHasOne() {
        SessionTracker tracker = new SessionTracker(1, SessionState.EMPTY);
        tracker.update(register(true, 0, 90_000), T0);
        tracker.update(register(true, 2500, 92_600), T0.plusSeconds(600));
        ChargingSession ended = tracker.update(register(false, 2500, 92_600), T0.plusSeconds(700)).orElseThrow();
        assertEquals(2500, ended.energyWattHour(), 1e-9);
    }

    @Test
    void aCounterThatDropsNeverLowersTheTotals() {
        SessionTracker tracker = new SessionTracker(1, SessionState.EMPTY);
        tracker.update(counter(true, 5000), T0);
        tracker.update(counter(true, 6000), T0.plusSeconds(60));
        tracker.update(counter(true, 10), T0.plusSeconds(120)); // charger replaced or counter reset
        tracker.update(counter(true, 510), T0.plusSeconds(180));
        ChargingSession ended = tracker.update(counter(false, 510), T0.plusSeconds(240)).orElseThrow();
        assertEquals(1500, ended.energyWattHour(), 1e-9);
    }

    @Test
    void afterARestartTheSessionContinuesWhileTheVehicleIsThere() {
        SessionState stored = new SessionState(7000, null, new SessionState.Running(T0, 1000, 500, "04A2B1C3"));
        SessionTracker tracker = new SessionTracker(1, stored);
        tracker.update(counter(true, 2200), T0.plusSeconds(900)); // it charged on while the gateway was down
        ChargingSession ended = tracker.update(counter(false, 2200), T0.plusSeconds(1000)).orElseThrow();
        assertEquals(T0, ended.start());
        assertEquals(1200, ended.energyWattHour(), 1e-9);
        assertEquals("04A2B1C3", ended.rfidTag());
        assertEquals(8200, tracker.state().finishedWattHour(), 1e-9);
    }

    @Test
    void afterARestartAGoneVehicleEndsTheSessionWithItsStoredEnergy() {
        SessionState stored = new SessionState(7000, null, new SessionState.Running(T0, 1000, 500, null));
        SessionTracker tracker = new SessionTracker(1, stored);
        ChargingSession ended = tracker.update(counter(false, 9999), T0.plusSeconds(3600)).orElseThrow();
        assertEquals(500, ended.energyWattHour(), 1e-9);
        assertEquals(7500, tracker.state().finishedWattHour(), 1e-9);
    }

    private static ChargerSnapshot counter(boolean connected, double counterWattHour) {
        return ChargerSnapshot.builder(T0, connected ? PointState.CHARGE : PointState.AVAILABLE)
                .vehicle(connected, connected).energyWattHour(PhaseValues.totalOnly(counterWattHour)).build();
    }

    private static ChargerSnapshot register(boolean connected, double sessionWattHour, double counterWattHour) {
        return ChargerSnapshot.builder(T0, connected ? PointState.CHARGE : PointState.AVAILABLE)
                .vehicle(connected, connected).energyWattHour(PhaseValues.totalOnly(counterWattHour))
                .sessionEnergyWattHour(sessionWattHour).build();
    }
}
