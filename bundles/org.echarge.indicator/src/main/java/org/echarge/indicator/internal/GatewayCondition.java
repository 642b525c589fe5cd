package org.echarge.indicator.internal;

/**
 * What the indicators show, read off the gateway.
 *
 * @param configured at least one charging point is configured
 * @param highestSeverity the highest severity of a present fault, general or of a point (0: none)
 * @param faultCode the code text of that fault, for the console
 */
record GatewayCondition(boolean started, boolean applicationFailed, boolean firmwareRestore, boolean configured,
        int highestSeverity, String faultCode, boolean programmingMode, KnxLink knx) {

    /** The KNX connection as COM shows it. */
    enum KnxLink {
        /** No KNX connection (lost, or no KNX binding installed). */
        NONE,
        CONNECTED,
        /** Connected, with telegram traffic just now. */
        TRAFFIC
    }
}
