package org.echarge.knx.internal.link;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;

/**
 * A group telegram received by the gateway's KNX device.
 *
 * @param asdu the value in Calimero's form (a value of up to 6 bits as one byte), empty for a read
 */
public record GroupTelegram(Service service, GroupAddress destination, IndividualAddress source, byte[] asdu) {

    public enum Service {
        /** A_GroupValue_Read: the sender asks for the value. */
        READ,
        /** A_GroupValue_Response: an answer to a read. */
        RESPONSE,
        /** A_GroupValue_Write: a new value. */
        WRITE
    }

    public GroupTelegram {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        asdu = asdu.clone();
    }

    @Override
    public byte[] asdu() {
        return asdu.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupTelegram t && service == t.service && destination.equals(t.destination)
                && source.equals(t.source) && Arrays.equals(asdu, t.asdu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, destination, source, Arrays.hashCode(asdu));
    }

    @Override
    public String toString() {
        return service + " " + source + " -> " + destination
                + (asdu.length == 0 ? "" : " " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(asdu));
    }
}
