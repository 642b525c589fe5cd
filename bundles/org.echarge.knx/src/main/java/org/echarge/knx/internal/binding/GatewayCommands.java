package org.echarge.knx.internal.binding;

import org.echarge.api.Phase;

/**
 * What written objects ask of the gateway (values already decoded into gateway units: A, W).
 * The KNX component carries these out on the charging points and DLM.
 */
public interface GatewayCommands {

    /** Object 1. */
    void gridControl(boolean active);

    /** Objects 10-12, in A or W as DLM's meter datapoint says. */
    void meterValue(Phase phase, double value);

    /** Object 13. */
    void highPowerDevices(boolean on);

    /** Object 20. */
    void meterInOperation(boolean inOperation);

    /** Object 54 of point {@code point}. */
    void startStop(int point, boolean start);

    /** Object 55. */
    void interruption(int point, boolean active);

    /** Object 59. */
    void unlock(int point);

    /** Object 60, in A. */
    void setpoint(int point, double ampere);
}
