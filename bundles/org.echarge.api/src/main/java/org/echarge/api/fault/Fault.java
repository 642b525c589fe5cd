package org.echarge.api.fault;

/** A fault of fault-codes.csv: general (object 9) or of one charging point (object 95). */
public interface Fault {

    /** The code text sent as DPT 16.001 (at most 14 characters). */
    String code();

    /** Higher wins: a lower fault never replaces a present higher one. */
    int severity();

    FaultReset reset();

    /** What the APP indicator shows while this is the highest present fault. */
    default FaultIndicator indicator() {
        return FaultIndicator.forSeverity(severity());
    }
}
