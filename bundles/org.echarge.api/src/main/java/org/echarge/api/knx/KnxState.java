package org.echarge.api.knx;

import java.util.List;
import java.util.Objects;

/**
 * What the KNX side is doing.
 *
 * @param connection OFF (not configured), CONNECTED, TRAFFIC (a telegram just now) or LOST
 * @param target where the gateway connects to, e.g. "tunnelling to 192.168.1.20:3671"
 * @param individualAddress the gateway's address, e.g. "15.15.255"
 * @param refusedTelegrams bad telegrams refused since start-up
 * @param problems what is wrong with the KNX configuration (links, connection settings)
 * @param receivedTelegrams group telegrams from the bus that the binding has dealt with since start-up
 *        (refused ones included)
 * @param pendingTelegrams group telegrams from the bus waiting for the binding now
 */
public record KnxState(Connection connection, String target, String individualAddress, boolean programmingMode,
        long refusedTelegrams, String lastRefusal, List<String> problems, long receivedTelegrams,
        long pendingTelegrams) {

    public static final KnxState OFF = new KnxState(Connection.OFF, "", "", false, 0, "", List.of());

    public KnxState {
        Objects.requireNonNull(connection, "connection");
        problems = List.copyOf(problems);
    }

    /** Without telegram counts (none received, none waiting). */
    public KnxState(Connection connection, String target, String individualAddress, boolean programmingMode,
            long refusedTelegrams, String lastRefusal, List<String> problems) {
        this(connection, target, individualAddress, programmingMode, refusedTelegrams, lastRefusal, problems, 0, 0);
    }

    public enum Connection {
        OFF, CONNECTED, TRAFFIC, LOST
    }
}
