package org.echarge.api.fault;

/** How a fault goes away again. */
public enum FaultReset {
    /** Stays until a valid configuration is applied. */
    CONFIG,
    /** Clears itself when the condition is gone. */
    AUTO,
    /** Shown once, cleared at the next evaluation. */
    INFO,
    /** "No error": nothing to reset. */
    NONE
}
