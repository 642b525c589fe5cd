package org.echarge.dlm.internal;

/**
 * A point whose vehicle wants current, as the allocator sees it.
 *
 * @param phases the building phases the point loads, as a bit set (bit 0 = L1, 1 = L2, 2 = L3)
 * @param running the point is charging now (a point that is not needs the start hysteresis)
 */
public record Demand(int number, double minAmpere, double maxAmpere, int phases, boolean running) {

    public static final int L1 = 1;
    public static final int ALL_PHASES = 7;

    public Demand {
        if (!(minAmpere >= 0) || !(maxAmpere >= minAmpere)) {
            throw new IllegalArgumentException("point " + number + ": need 0 <= min <= max, not [" + minAmpere + ", "
                    + maxAmpere + "]");
        }
        if (phases <= 0 || phases > ALL_PHASES) {
            throw new IllegalArgumentException("point " + number + ": phases bit set " + phases);
        }
    }

    public boolean loads(int phase) {
        return (phases & (1 << phase)) != 0;
    }
}
