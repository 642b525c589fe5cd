package org.echarge.point.internal.control;

import java.util.Optional;

import org.echarge.api.fault.PointFault;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointState;

/**
 * The command semantics of one charging point (spec sections 2 and 5), as a small state machine
 * with no I/O: Start/stop, Interruption, Setpoint, grid-supporting control and the DLM
 * allocation go in; {@link #decide()} says what the charger must do and how the point is shown.
 * Commands that cannot be carried out return the info fault to raise. Not thread-safe.
 */
public final class PointControl {

    /** Limits of the point after validation. */
    public record Limits(double minCurrentAmpere, double maxCurrentAmpere, boolean manualStart) {
    }

    private final Limits limits;
    private boolean dlmOn;
    private double setpointAmpere;
    private double dlmAllocationAmpere;
    private boolean interruption;
    private boolean gridControl;
    private double gridControlAmpere;
    private boolean vehicleConnected;
    private boolean cancelled;
    private boolean manuallyStarted;

    public PointControl(Limits limits, double setpointAmpere, boolean dlmOn) {
        this.limits = limits;
        this.setpointAmpere = clamp(setpointAmpere);
        this.dlmOn = dlmOn;
        this.dlmAllocationAmpere = 0; // with DLM on, nothing until DLM allocates
    }

    /** Each poll: a vehicle plugged in or left. Leaving ends a cancellation and a manual start. */
    public void vehicle(boolean connected) {
        if (!connected) {
            cancelled = false;
            manuallyStarted = false;
        }
        vehicleConnected = connected;
    }

    /** Object 54: true starts a session waiting for a manual start, false cancels the session. */
    public Optional<PointFault> startStop(boolean start) {
        if (start) {
            if (!limits.manualStart() || !vehicleConnected || cancelled || manuallyStarted) {
                return Optional.of(PointFault.OP_NOT_POSSIBLE);
            }
            manuallyStarted = true;
            return Optional.empty();
        }
        if (!vehicleConnected || cancelled) {
            return Optional.of(PointFault.OP_NOT_POSSIBLE);
        }
        cancelled = true;
        return Optional.empty();
    }

    /**
     * Object 55. Ending it with DLM on restarts at the minimum current (or not at all while DLM
     * gives the point nothing); DLM ramps up from there.
     */
    public void interruption(boolean active) {
        if (interruption && !active && dlmOn) {
            dlmAllocationAmpere = Math.min(dlmAllocationAmpere, limits.minCurrentAmpere());
        }
        interruption = active;
    }

    /** Object 60 (DLM off): clamped to [min, max]; a clamped value raises ValOutOfRange. */
    public Optional<PointFault> setpoint(double ampere) {
        if (!Double.isFinite(ampere)) {
            return Optional.of(PointFault.VALUE_OUT_OF_RANGE);
        }
        setpointAmpere = clamp(ampere);
        return setpointAmpere == ampere ? Optional.empty() : Optional.of(PointFault.VALUE_OUT_OF_RANGE);
    }

    /** Objects 1/2: grid-supporting control on or off, at the configured current (0 or 6 A). */
    public void gridControl(boolean active, double ampere) {
        boolean wasPause = gridControl && gridControlAmpere < limits.minCurrentAmpere();
        if (wasPause && !(active && ampere < limits.minCurrentAmpere()) && dlmOn) {
            dlmAllocationAmpere = Math.min(dlmAllocationAmpere, limits.minCurrentAmpere());
        }
        gridControl = active;
        gridControlAmpere = ampere;
    }

    /** DLM on with the current it allocates to this point (below the minimum: no charging), or off. */
    public void loadShare(LoadShare share) {
        dlmOn = share.dlmOn();
        dlmAllocationAmpere = share.currentAmpere();
    }

    public double setpointAmpere() {
        return setpointAmpere;
    }

    public ControlDecision decide() {
        boolean gridPause = gridControl && gridControlAmpere < limits.minCurrentAmpere();
        boolean interrupted = interruption || gridPause;
        boolean waitingForStart = limits.manualStart() && vehicleConnected && !manuallyStarted;
        boolean noShare = dlmOn && (dlmAllocationAmpere <= 0 || dlmAllocationAmpere < limits.minCurrentAmpere());
        double wanted = !dlmOn ? setpointAmpere : noShare ? 0 : Math.min(dlmAllocationAmpere, limits.maxCurrentAmpere());
        double limit = gridControl && !gridPause ? Math.min(wanted, Math.max(gridControlAmpere,
                limits.minCurrentAmpere())) : wanted;
        PointState overlay = interrupted ? PointState.INTERRUPTION
                : cancelled ? PointState.CANCELLED
                : waitingForStart ? PointState.MANUAL_START_REQUIRED
                : null;
        boolean paused = interrupted || cancelled || waitingForStart || noShare;
        return new ControlDecision(paused, limit, overlay, interrupted, limit < wanted);
    }

    private double clamp(double ampere) {
        return Math.max(limits.minCurrentAmpere(), Math.min(limits.maxCurrentAmpere(), ampere));
    }
}
