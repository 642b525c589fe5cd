package org.echarge.knx.virtual;

import java.util.Objects;

/**
 * A group telegram as a participant receives it.
 *
 * @param source the sender's individual address, e.g. {@code "15.15.255"}
 * @param groupAddress the destination, in the notation the participant listens with
 * @param datapoint the type the participant listens with, e.g. {@code "5.010"}
 * @param value the decoded value in gateway units; {@code null} for a read
 */
public record GroupValue(Service service, String source, String groupAddress, String datapoint, Object value) {

    public enum Service {
        /** A_GroupValue_Read: the sender asks for the value. */
        READ,
        /** A_GroupValue_Response: an answer to a read. */
        RESPONSE,
        /** A_GroupValue_Write: a new value. */
        WRITE
    }

    public GroupValue {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(groupAddress, "groupAddress");
        Objects.requireNonNull(datapoint, "datapoint");
        if ((value == null) != (service == Service.READ)) {
            throw new IllegalArgumentException(service + " with " + (value == null ? "no value" : "a value"));
        }
    }
}
