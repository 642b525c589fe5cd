package org.echarge.knx.internal.binding;

import java.util.Arrays;
import java.util.Objects;

import tuwien.auto.calimero.GroupAddress;

/**
 * A group telegram as the binding sees it.
 *
 * @param source the sender's individual address as text, {@code null} for the gateway's own
 * @param asdu the value in Calimero's form (1-bit values as one byte), empty for a read
 */
public record Telegram(Service service, GroupAddress destination, String source, byte[] asdu) {

    public enum Service {
        READ, RESPONSE, WRITE
    }

    public Telegram {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        asdu = asdu == null ? new byte[0] : asdu.clone();
    }

    @Override
    public byte[] asdu() {
        return asdu.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Telegram t && service == t.service && destination.equals(t.destination)
                && Objects.equals(source, t.source) && Arrays.equals(asdu, t.asdu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, destination, source, Arrays.hashCode(asdu));
    }

    @Override
    public String toString() {
        StringBuilder hex = new StringBuilder();
        for (byte b : asdu) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return service + " " + destination + (source == null ? "" : " from " + source) + (asdu.length == 0 ? ""
                : " " + hex);
    }
}
