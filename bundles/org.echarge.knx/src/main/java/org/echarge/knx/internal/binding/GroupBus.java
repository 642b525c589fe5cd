package org.echarge.knx.internal.binding;

import org.echarge.knx.KnxDatapoint;

/** Where the binding's telegrams go: the KNX device on the connection, or a fake in tests. */
@FunctionalInterface
public interface GroupBus {

    /**
     * Sends the telegram; {@code datapoint} is the type of the value (it decides the telegram's
     * form), {@code null} for a read. Failures are the bus's to report.
     */
    void send(Telegram telegram, KnxDatapoint datapoint);
}
