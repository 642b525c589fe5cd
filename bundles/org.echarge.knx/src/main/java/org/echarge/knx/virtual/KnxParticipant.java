package org.echarge.knx.virtual;

import org.echarge.knx.KnxValueException;

/**
 * One device on a virtual KNX network. Group addresses are text in any notation the gateway's links
 * accept (1/2/3, 1/515, 2563); datapoint types are IDs such as {@code "14.019"}
 * ({@link org.echarge.knx.KnxDatapoint}); values are in the gateway's units (A, W, Wh, °C, s) and Java
 * types (Boolean, Long, Double, LocalTime, String). Thread-safe.
 */
public interface KnxParticipant extends AutoCloseable {

    String name();

    /** The participant's individual address, e.g. {@code "1.1.10"}. */
    String individualAddress();

    /**
     * Telegrams to this group address reach the listener, decoded as this type (a read without a
     * value). Listening again to an address changes its type. Telegrams to addresses the participant
     * does not listen to are ignored, as a KNX device ignores addresses that are not in its table.
     *
     * @throws IllegalArgumentException for a malformed group address or an unknown datapoint type
     */
    void listen(String groupAddress, String datapoint);

    /**
     * Sends A_GroupValue_Write.
     *
     * @throws KnxValueException when the value does not fit the type (wrong Java type, out of range)
     * @throws IllegalArgumentException for a malformed group address or an unknown datapoint type
     * @throws IllegalStateException when the participant has left the network
     */
    void write(String groupAddress, String datapoint, Object value) throws KnxValueException;

    /** Sends A_GroupValue_Response, the answer to a read (as {@link #write}). */
    void respond(String groupAddress, String datapoint, Object value) throws KnxValueException;

    /** Sends A_GroupValue_Read; answers arrive at the listener as {@link GroupValue.Service#RESPONSE}. */
    void read(String groupAddress);

    /** False once the participant has left the network (closed, or the network was shut down). */
    boolean isOpen();

    /** Leaves the network; idempotent. */
    @Override
    void close();
}
