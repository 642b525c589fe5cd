package org.echarge.api.fault;

/**
 * The gateway's general faults (objects 8 and 9), one service for every part that raises them:
 * configuration checks, DLM, the smart meter monitor. The rules of spec section 6 apply.
 */
public interface GatewayFaults {

    /** Raises a fault (again), with what exactly is wrong. */
    void raise(GeneralFault fault, String detail);

    /** The cause of an auto or configuration fault is gone. */
    void clear(GeneralFault fault);

    FaultStatus<GeneralFault> status();
}
