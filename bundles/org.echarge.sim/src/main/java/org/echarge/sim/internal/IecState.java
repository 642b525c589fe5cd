package org.echarge.sim.internal;

/** IEC 61851-1 control pilot state, as input register 20 reports it. */
enum IecState {
    /** No vehicle. */
    A(1),
    /** Vehicle plugged in, not drawing current. */
    B(2),
    /** Charging. */
    C(3),
    /** Charging with ventilation requested. */
    D(4),
    /** Error: control pilot shorted, no supply. */
    E(5),
    /** Station not available (fault). */
    F(6);

    private final int code;

    IecState(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
