package org.echarge.knx.internal.binding;

/** Where the binding's telegrams go: the KNX connection's device, or a fake in tests. */
@FunctionalInterface
public interface GroupBus {

    /** Sends the telegram; never blocks for long. Failures are the bus's to report. */
    void send(Telegram telegram);
}
