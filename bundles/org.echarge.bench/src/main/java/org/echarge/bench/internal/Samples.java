package org.echarge.bench.internal;

import java.util.Arrays;
import java.util.Locale;

/** Durations in nanoseconds, summarised as percentiles in milliseconds. */
final class Samples {

    private long[] values = new long[64];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** Nearest-rank percentile in ms ({@code p} in 0..100); NaN when empty. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", percentileMillis(50),
                percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
