package org.echarge.api.point;

import java.time.Instant;
import java.util.Objects;

import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.PointFault;

/**
 * The gateway's view of one charging point.
 *
 * @param driverAvailable whether the driver bundle of the configured model is running
 * @param snapshot the last successful poll, {@code null} before the first answer
 * @param fault the highest present fault, {@link PointFault#NO_ERROR} when none
 * @param faultDetail what exactly went wrong, for the console and the log
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
        PointFault fault,
        String faultDetail,
        Instant lastAnswer) {

    public PointStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fault, "fault");
    }

    /** True once the charger has answered at least one poll. */
    public boolean answered() {
        return snapshot != null;
    }
}
