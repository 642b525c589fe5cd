package org.echarge.knx.virtual;

import java.util.Optional;

/**
 * The virtual KNX networks of this JVM, one per name, held by the KNX bundle (a service). A network
 * exists from the first participant on; it carries telegrams like a TP line: a group telegram one
 * participant sends reaches every other participant.
 */
public interface VirtualKnx {

    /**
     * Joins the network of that name as a new participant.
     *
     * @param network the network's name, e.g. {@code "demo"} (the KNX binding's {@code host} in mode VIRTUAL)
     * @param name what the participant is, for log lines
     * @param individualAddress its KNX address, area.line.device, e.g. {@code "1.1.10"}
     * @param listener hears the telegrams on the group addresses the participant
     *        {@linkplain KnxParticipant#listen listens} to, on the participant's own thread, one after the other
     * @throws IllegalArgumentException for a malformed individual address
     * @throws IllegalStateException while the network is shut down (the KNX bundle is stopping)
     */
    KnxParticipant join(String network, String name, String individualAddress, GroupValueListener listener);

    /**
     * The virtual network the gateway's KNX binding is on now: empty when KNX is configured otherwise
     * or not at all, or while the binding (re)connects.
     */
    Optional<String> gatewayNetwork();
}
