package org.echarge.api.knx;

import java.util.List;

/**
 * One group object as configured, for the console's table.
 *
 * @param datapoint the chosen datapoint type, e.g. "14.019"
 * @param flags as in ETS, e.g. "CR-T--"
 * @param addresses the linked group addresses, the sending one first
 */
public record KnxObject(int number, String name, String datapoint, String flags, List<String> addresses) {

    public KnxObject {
        addresses = List.copyOf(addresses);
    }
}
