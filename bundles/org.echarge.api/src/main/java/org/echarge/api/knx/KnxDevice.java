package org.echarge.api.knx;

import java.util.List;

/** The KNX binding's device: its state, and programming mode (switched from the console or a button). */
public interface KnxDevice {

    KnxState state();

    /** Programming mode on or off; while on, a commissioning tool can write the individual address. */
    void programmingMode(boolean on);

    /** The group objects of the current configuration with their links; empty while KNX is off. */
    List<KnxObject> objects();

    /** The linked group addresses as a CSV file that ETS imports, named after their objects. */
    String etsGroupAddressCsv();
}
