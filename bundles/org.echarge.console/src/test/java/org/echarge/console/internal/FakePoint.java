package org.echarge.console.internal;

import java.time.Instant;
import java.util.List;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;

/** A charging point whose status the test sets; commands are ignored. */
final class FakePoint implements ChargingPoint {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final int number;
    private volatile PointStatus status;

    FakePoint(int number) {
        this.number = number;
        this.status = charging(number, "P" + number, PointState.CHARGE, 16);
    }

    /** A point that answered: charging on L1 with {@code setpointAmpere}. */
    static PointStatus charging(int number, String name, PointState state, double setpointAmpere) {
        ChargerSnapshot snapshot = ChargerSnapshot.builder(NOW, state).vehicle(true, state.isCharging())
                .currentAmpere(PhaseValues.of(15.5, 0, 0)).powerWatt(PhaseValues.of(3565, 0, 0))
                .energyWattHour(PhaseValues.totalOnly(1_234_567)).identity("SN-" + number, "1.2.3")
                .errorCodes(List.of()).build();
        return new PointStatus(number, name, "simulated-sim1", "tcp://127.0.0.1:1502/" + number, true, state,
                snapshot, false, PointFault.NO_ERROR, "", false, false, false, setpointAmpere,
                new SessionInfo(NOW.minusSeconds(1800), 4200.5, null, null, 0, 99_000), NOW);
    }

    /** A point whose charger has not answered yet. */
    static PointStatus silent(int number) {
        return new PointStatus(number, "P" + number, "keba-p30", "tcp://192.0.2.1:502/255", false,
                PointState.START_UP, null, true, PointFault.NOT_REACHABLE, "no answer from 192.0.2.1:502", false,
                false, false, Double.NaN, SessionInfo.NONE, null);
    }

    void set(PointStatus next) {
        status = next;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public PointConfiguration configuration() {
        return null;
    }

    @Override
    public PointStatus status() {
        return status;
    }

    @Override
    public void startStop(boolean start) {
    }

    @Override
    public void interruption(boolean active) {
    }

    @Override
    public void setpoint(double currentAmpere) {
    }

    @Override
    public void unlock() {
    }

    @Override
    public void gridControl(boolean active, double currentAmpere) {
    }

    @Override
    public void loadShare(LoadShare share) {
    }
}
