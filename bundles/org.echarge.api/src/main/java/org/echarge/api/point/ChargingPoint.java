package org.echarge.api.point;

/**
 * A configured charging point as the rest of the gateway (KNX, DLM, web console) sees it,
 * whatever driver serves it. Registered by the charging point runtime, one service per point.
 */
public interface ChargingPoint {

    /** Service property: the point's number (1..n), which also places its KNX objects. */
    String NUMBER = "number";

    int number();

    /** The latest status; never blocks. */
    PointStatus status();
}
