package org.echarge.knx.internal.link;

import java.time.Duration;
import java.util.Objects;

/** Delays between connection attempts: {@code first}, doubling up to {@code max}. */
public record Backoff(Duration first, Duration max) {

    /** 1 s, 2 s, 4 s … 60 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The delay before retry number {@code retry} (0 for the first retry after a failure). */
    public Duration delay(int retry) {
        Duration delay = first;
        for (int i = 0; i < retry && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
