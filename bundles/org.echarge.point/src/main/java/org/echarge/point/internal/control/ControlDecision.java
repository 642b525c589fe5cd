package org.echarge.point.internal.control;

import org.echarge.api.point.PointState;

/**
 * What the runtime tells the charger, and how it shows the point.
 *
 * @param paused charging must not happen (Interruption, grid control at 0 A, cancelled, waiting
 *     for a manual start)
 * @param currentLimitAmpere the limit to write while not paused
 * @param overlay a gateway state that replaces the charger's (4, 7, 11), or {@code null}
 * @param interrupted object 56: paused by Interruption or by grid-supporting control at 0 A
 * @param curtailed the limit is lower than it would be without grid-supporting control
 */
public record ControlDecision(boolean paused, double currentLimitAmpere, PointState overlay, boolean interrupted,
        boolean curtailed) {

    /** The state shown for the point, given what the charger reports. */
    public PointState shownState(PointState reported) {
        if (overlay != null) {
            return overlay;
        }
        if (curtailed && reported == PointState.CHARGE) {
            return PointState.CHARGE_REDUCED;
        }
        return reported;
    }
}
