package org.echarge.api.dlm;

import org.echarge.api.Phase;

/**
 * Dynamic load management (spec section 4), one service. The KNX binding feeds it the smart
 * meter's telegrams (objects 10-13 and 20) after decoding them; every input triggers a new
 * distribution at once. Inputs never block.
 */
public interface LoadManagement {

    /** The settings the KNX side needs (which objects exist and in which datapoint type). */
    MeterSettings meterSettings();

    /**
     * Objects 10-12: one smart meter value, in A when the meter measures current and in W when it
     * measures power ({@link MeterSettings#measurement()}); a 1-phase meter sends L1 only.
     *
     * @throws IllegalArgumentException for a value that is not finite, or a negative current
     */
    void meterValue(Phase phase, double value);

    /** Object 13: a high power-consuming device reports that it switches on (true). */
    void highPowerDevices(boolean on);

    /** Object 20 (monitoring with "in operation"): the meter's cyclic sign of life. */
    void meterInOperation(boolean inOperation);

    DlmStatus status();
}
