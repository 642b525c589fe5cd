package org.echarge.dlm.internal;

import java.util.EnumSet;
import java.util.Set;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;

/** How the control loop sees a charging point, from its configuration and status. */
final class PointInputs {

    /**
     * States in which a connected vehicle may not charge for reasons other than DLM. Not
     * Interruption: a charger that DLM paused reports it itself; the gateway's own Interruption
     * (object 55, grid control at 0 A) shows as {@link PointStatus#interrupted()}.
     */
    private static final Set<PointState> HELD = EnumSet.of(PointState.ILLEGAL, PointState.START_UP, PointState.ERROR,
            PointState.NOT_AVAILABLE, PointState.CANCELLED, PointState.MANUAL_START_REQUIRED);

    static final double IEC_MINIMUM_AMPERE = 6;

    private PointInputs() {
    }

    static PointInput of(PointConfiguration configuration, PointStatus status) {
        int phases = configuration.phases() == 3 ? Demand.ALL_PHASES : 1 << configuration.phase().ordinal();
        ChargerSnapshot snapshot = status.snapshot();
        boolean wants = snapshot != null && snapshot.vehicleConnected() && !status.interrupted()
                && !HELD.contains(status.state());
        // a point configured down to 0 A (pause) still needs 6 A to charge at all (IEC 61851)
        double min = Math.max(configuration.minCurrentAmpere(), Math.min(IEC_MINIMUM_AMPERE,
                configuration.maxCurrentAmpere()));
        return new PointInput(configuration.number(), min,
                configuration.maxCurrentAmpere(), phases, wants, status.state().isCharging(),
                snapshot == null ? null : draw(snapshot.currentAmpere(), configuration));
    }

    /** Per building phase; a 1-phase point's current goes to the phase it is wired to. */
    private static double[] draw(PhaseValues current, PointConfiguration configuration) {
        double[] draw = new double[3];
        if (configuration.phases() == 3) {
            if (current.perPhaseMeasured()) {
                return new double[] {current.l1(), current.l2(), current.l3()};
            }
            if (current.totalMeasured()) {
                double each = current.total() / 3;
                return new double[] {each, each, each};
            }
            return null;
        }
        double value;
        if (current.perPhaseMeasured()) {
            value = Math.max(current.l1(), Math.max(current.l2(), current.l3()));
        } else if (current.totalMeasured()) {
            value = current.total();
        } else if (!Double.isNaN(current.l1())) {
            value = current.l1();
        } else {
            return null;
        }
        draw[configuration.phase().ordinal()] = value;
        return draw;
    }
}
