package org.echarge.knx;

import java.util.List;
import java.util.Objects;

/**
 * One group object of the gateway as the web console lists it.
 *
 * @param number the object number on the device (point objects: 50 + 50·(point − 1) onwards)
 * @param name e.g. "CP2 Setpoint charging current - state"
 * @param datapoint the datapoint type in force, e.g. "14.019"
 * @param flags C R W T U I, '-' where not set, e.g. "CR-T--"
 * @param addresses the linked group addresses in the project's notation, the sending address first
 */
public record GroupObjectRow(int number, String name, String datapoint, String flags, List<String> addresses) {

    public GroupObjectRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datapoint, "datapoint");
        Objects.requireNonNull(flags, "flags");
        addresses = List.copyOf(addresses);
    }
}
