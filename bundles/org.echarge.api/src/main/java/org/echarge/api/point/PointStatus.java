package org.echarge.api.point;

import java.time.Instant;
import java.util.Objects;

import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.PointFault;

/**
 * The gateway's view of one charging point.
 *
 * @param driverAvailable whether the driver bundle of the configured model is running
 * @param state the state shown for the point (object 50): the charger's, or the gateway's own
 *     Cancelled, Manual start required, Interruption, Charge with reduced current
 * @param snapshot the last successful poll, {@code null} before the first answer
 * @param faultPresent object 94: a fault is present
 * @param fault object 95: the highest present fault, else the last one, else {@link PointFault#NO_ERROR}
 * @param faultDetail what exactly went wrong, for the console and the log
 * @param chargingComplete object 53: the current stayed below the configured threshold for longer
 *     than the configured time during the session
 * @param temperatureWarning object 83: the charger's temperature is above the warning threshold
 * @param interrupted object 56: paused by Interruption or by grid-supporting control at 0 A
 * @param setpointAmpere object 61: the current limit the gateway has set for the point
 * @param session the running and the last session, and the total energy
 * @param lastAnswer when the charger last answered, {@code null} before the first answer
 */
public record PointStatus(
        int number,
        String name,
        String modelId,
        String address,
        boolean driverAvailable,
        PointState state,
        ChargerSnapshot snapshot,
        boolean faultPresent,
        PointFault fault,
        String faultDetail,
        boolean chargingComplete,
        boolean temperatureWarning,
        boolean interrupted,
        double setpointAmpere,
        SessionInfo session,
        Instant lastAnswer) {

    public PointStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(session, "session");
    }

    /** True once the charger has answered at least one poll. */
    public boolean answered() {
        return snapshot != null;
    }
}
