package org.echarge.point.internal.sessions;

import java.time.Instant;
import java.util.Optional;

import org.echarge.api.charger.ChargerSnapshot;

/**
 * Sessions of one point from its snapshots: a session starts when a vehicle is plugged in and
 * ends when it leaves. Totals never go down: a charger counter that drops (replaced charger,
 * counter reset) becomes a new baseline. After a restart, a stored running session continues if
 * the vehicle is still there, and ends at the restart with its stored energy if it is gone.
 * Not thread-safe.
 */
public final class SessionTracker {

    private final int point;
    private SessionState state;
    private boolean restored;

    public SessionTracker(int point, SessionState restoredState) {
        this.point = point;
        this.state = restoredState;
        this.restored = restoredState.running() != null;
    }

    public SessionState state() {
        return state;
    }

    /** Feeds one successful poll; returns the session that ended with it, if one did. */
    public Optional<ChargingSession> update(ChargerSnapshot snapshot, Instant now) {
        SessionState.Running running = state.running();
        boolean afterRestart = restored;
        restored = false;
        if (running == null) {
            if (snapshot.vehicleConnected()) {
                state = new SessionState(state.finishedWattHour(), state.last(), new SessionState.Running(now,
                        snapshot.energyWattHour().total(), 0, snapshot.rfidTag()));
            }
            return Optional.empty();
        }
        if (!snapshot.vehicleConnected()) {
            double energy = afterRestart ? running.energyWattHour() : energyOf(running, snapshot);
            ChargingSession ended = new ChargingSession(point, running.start(), now, energy,
                    running.rfidTag() != null ? running.rfidTag() : snapshot.rfidTag());
            state = new SessionState(state.finishedWattHour() + energy, ended, null);
            return Optional.of(ended);
        }
        double energy = energyOf(running, snapshot);
        double baseline = running.counterBaselineWattHour();
        double counter = snapshot.energyWattHour().total();
        if (Double.isFinite(counter) && Double.isFinite(baseline) && counter < baseline + running.energyWattHour()
                && Double.isNaN(snapshot.sessionEnergyWattHour())) {
            // the counter went down: keep what was delivered, count on from the new counter value
            baseline = counter - running.energyWattHour();
            energy = running.energyWattHour();
        } else if (Double.isNaN(baseline) && Double.isFinite(counter)) {
            baseline = counter - running.energyWattHour();
        }
        String rfid = running.rfidTag() != null ? running.rfidTag() : snapshot.rfidTag();
        state = new SessionState(state.finishedWattHour(), state.last(),
                new SessionState.Running(running.start(), baseline, Math.max(energy, running.energyWattHour()), rfid));
        return Optional.empty();
    }

    private static double energyOf(SessionState.Running running, ChargerSnapshot snapshot) {
        double register = snapshot.sessionEnergyWattHour();
        if (Double.isFinite(register) && register >= 0) {
            return register;
        }
        double counter = snapshot.energyWattHour().total();
        if (Double.isFinite(counter) && Double.isFinite(running.counterBaselineWattHour())) {
            return Math.max(0, counter - running.counterBaselineWattHour());
        }
        return running.energyWattHour();
    }
}
