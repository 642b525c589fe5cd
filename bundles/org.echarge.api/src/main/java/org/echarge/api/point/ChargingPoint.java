package org.echarge.api.point;

import java.util.Set;

import org.echarge.api.charger.ChargerCapability;

/**
 * A configured charging point as the rest of the gateway (KNX, DLM, web console) sees it,
 * whatever driver serves it. Registered by the charging point runtime, one service per point.
 * Commands return at once; the runtime carries them out on its own threads and reports a
 * command that cannot be carried out as the info fault {@code OpNotPossible} or
 * {@code ValOutOfRange} in the {@link #status()}.
 */
public interface ChargingPoint {

    /** Service property: the point's number (1..n), which also places its KNX objects. */
    String NUMBER = "number";

    int number();

    /** The point's settings, {@code null} while its configuration is invalid. */
    PointConfiguration configuration();

    /**
     * What the configured charger model can do, from the driver that offers it; empty while no
     * installed driver offers the model or the configuration is invalid. The web console shows
     * only the commands a point can carry out.
     */
    default Set<ChargerCapability> capabilities() {
        return Set.of();
    }

    /** The latest status; never blocks. */
    PointStatus status();

    /** Object 54: true starts a session that waits for a manual start, false cancels the session. */
    void startStop(boolean start);

    /** Object 55: pause a session or block the point (true), restore the previous state (false). */
    void interruption(boolean active);

    /** Object 60 (DLM off): the maximum current the vehicle may draw; clamped to [min, max]. */
    void setpoint(double currentAmpere);

    /** Object 59: release the cable lock (models that support it). */
    void unlock();

    /**
     * Objects 1/2, sent to every point: grid-supporting control on or off, with the current it
     * allows (0 A behaves as Interruption, 6 A lowers the setpoint).
     */
    void gridControl(boolean active, double currentAmpere);

    /**
     * Dynamic load management: the current this point may draw (DLM on), or that DLM is off and
     * the point charges at its own setpoint. Interruption and grid-supporting control still act
     * on top.
     */
    void loadShare(LoadShare share);
}
