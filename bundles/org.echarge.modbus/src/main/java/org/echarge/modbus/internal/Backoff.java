package org.echarge.modbus.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Reconnect back-off: 1 s after the first failure, doubling up to a maximum. Not thread-safe. */
final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration maximum;
    private Duration current = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;

    Backoff(Clock clock, Duration maximum) {
        this.clock = clock;
        this.maximum = maximum;
    }

    /** Time left before the next attempt is allowed, zero when it may go now. */
    Duration remaining() {
        Duration left = Duration.between(clock.instant(), nextAttempt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed() {
        current = current.isZero() ? FIRST : min(current.multipliedBy(2), maximum);
        nextAttempt = clock.instant().plus(current);
    }

    void succeeded() {
        current = Duration.ZERO;
        nextAttempt = Instant.MIN;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
