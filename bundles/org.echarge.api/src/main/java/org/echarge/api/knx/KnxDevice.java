package org.echarge.api.knx;

/** The KNX binding's device: its state, and programming mode (switched from the console or a button). */
public interface KnxDevice {

    KnxState state();

    /** Programming mode on or off; while on, a commissioning tool can write the individual address. */
    void programmingMode(boolean on);
}
