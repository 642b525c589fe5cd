package org.echarge.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Samples samples = new Samples();
        for (int i = 100; i >= 1; i--) {
            samples.add(i * 1_000_000L); // 1..100 ms, added out of order
        }
        assertEquals(100, samples.size());
        assertEquals(50.0, samples.percentileMillis(50));
        assertEquals(99.0, samples.percentileMillis(99));
        assertEquals(100.0, samples.percentileMillis(100));
        assertEquals(1.0, samples.percentileMillis(0));
        assertEquals("p50 50.00 ms, p90 90.00 ms, p99 99.00 ms, max 100.00 ms", samples.summary());
    }

    @Test
    void withoutSamplesThereIsNoPercentile() {
        assertTrue(Double.isNaN(new Samples().percentileMillis(50)));
    }
}
