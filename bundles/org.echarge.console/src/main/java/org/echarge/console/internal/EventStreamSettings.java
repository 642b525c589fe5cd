package org.echarge.console.internal;

import java.time.Duration;

/**
 * Limits of the live status stream.
 *
 * @param maxClients streams open at once; one more is refused with 503
 * @param queueCapacity events held for a client that does not read; the oldest is dropped
 * @param minInterval at most one status event per interval (bursts of point changes coalesce)
 * @param heartbeat comment sent to idle streams, so that proxies and the browser keep them open
 *     and a vanished client is noticed
 * @param stallTimeout a client that accepts nothing for this long is disconnected
 * @param maxAge a stream is ended (at the next heartbeat) after this long; the browser reconnects
 *     at once and the access filter checks its session again, so a logged-out or expired session
 *     does not keep receiving
 * @param retry how long the browser waits before it reconnects (SSE {@code retry:} field)
 */
record EventStreamSettings(int maxClients, int queueCapacity, Duration minInterval, Duration heartbeat,
        Duration stallTimeout, Duration maxAge, Duration retry) {

    static final EventStreamSettings DEFAULT = new EventStreamSettings(20, 8, Duration.ofMillis(500),
            Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(3));

    EventStreamSettings {
        if (maxClients < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("maxClients and queueCapacity must be at least 1");
        }
        if (minInterval.isNegative() || heartbeat.isNegative() || heartbeat.isZero() || stallTimeout.isNegative()
                || maxAge.isNegative() || retry.isNegative()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }
}
