package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void defaultDoublesFromOneSecondToOneMinute() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L),
                IntStream.range(0, 8).mapToObj(Backoff.DEFAULT::delay).map(Duration::toSeconds).toList());
        assertEquals(Duration.ofSeconds(60), Backoff.DEFAULT.delay(Integer.MAX_VALUE));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
