package org.echarge.dlm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution rule of spec section 4 as a pure function: minimums first, then the
 * prioritised point up to its maximum, then water-filling among the others, accounted per phase.
 * When the minimums do not fit, {@link Strategy} decides who charges.
 */
public final class Allocator {

    private static final double EPS = 1e-6;
    /** Setpoints are handed out in steps of 0.1 A, always rounded down. */
    private static final double RESOLUTION = 0.1;

    private Allocator() {
    }

    /**
     * The result: one current per demand (same order), 0 for a point that may not charge.
     *
     * @param overCurrent not every demand got its minimum
     * @param usedAmpere per phase, the sum of the allocations
     */
    public record Result(double[] ampere, boolean overCurrent, double[] usedAmpere) {

        public double of(List<Demand> demands, int number) {
            for (int i = 0; i < demands.size(); i++) {
                if (demands.get(i).number() == number) {
                    return ampere[i];
                }
            }
            throw new IllegalArgumentException("no demand for point " + number);
        }
    }

    /**
     * @param availableAmpere per phase (3 entries): what the chargers may draw in total, i.e. the
     *     limit minus the non-charging load; may be negative
     * @param demands the points that want current, in the order in which they get a minimum when
     *     not all fit (the rotation order); the prioritised point goes first whatever its place
     * @param prioritised the number of the prioritised point, 0 for none
     * @param hysteresisAmpere spare current above the minimums that an additional vehicle needs to start
     */
    public static Result allocate(double[] availableAmpere, List<Demand> demands, int prioritised, Strategy strategy,
            double hysteresisAmpere) {
        int n = demands.size();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (demands.get(i).number() == prioritised) {
                order.add(0, i);
            } else {
                order.add(i);
            }
        }
        boolean[] chosen = strategy == Strategy.ROTATE
                ? rotate(availableAmpere, demands, order, hysteresisAmpere)
                : allOrNothing(availableAmpere, demands, hysteresisAmpere);
        double[] ampere = new double[n];
        double[] left = availableAmpere.clone();
        boolean overCurrent = false;
        for (int i = 0; i < n; i++) {
            if (chosen[i]) {
                ampere[i] = demands.get(i).minAmpere();
                take(left, demands.get(i), ampere[i]);
            } else {
                overCurrent = true;
            }
        }
        int first = order.isEmpty() ? -1 : order.get(0);
        boolean hasPriority = first >= 0 && chosen[first] && demands.get(first).number() == prioritised;
        if (hasPriority) {
            Demand point = demands.get(first);
            double extra = Math.max(0, Math.min(point.maxAmpere() - ampere[first], headroom(left, point)));
            ampere[first] += extra;
            take(left, point, extra);
        }
        List<Integer> others = new ArrayList<>();
        for (int i : order) {
            if (chosen[i] && !(hasPriority && i == first)) {
                others.add(i);
            }
        }
        waterFill(left, demands, others, ampere);
        double[] used = new double[3];
        for (int i = 0; i < n; i++) {
            Demand point = demands.get(i);
            if (chosen[i]) {
                ampere[i] = Math.max(point.minAmpere(), Math.floor(ampere[i] / RESOLUTION + EPS) * RESOLUTION);
            }
            for (int p = 0; p < 3; p++) {
                if (point.loads(p)) {
                    used[p] += ampere[i];
                }
            }
        }
        return new Result(ampere, overCurrent, used);
    }

    /** Greedy in rotation order; an additional vehicle starts only with the hysteresis to spare. */
    private static boolean[] rotate(double[] available, List<Demand> demands, List<Integer> order, double hysteresis) {
        int running = (int) demands.stream().filter(Demand::running).count();
        boolean[] excluded = new boolean[demands.size()];
        while (true) {
            boolean[] chosen = new boolean[demands.size()];
            double[] left = available.clone();
            int count = 0;
            int lastStarting = -1;
            for (int i : order) {
                Demand point = demands.get(i);
                if (!excluded[i] && headroom(left, point) >= point.minAmpere() - EPS) {
                    chosen[i] = true;
                    take(left, point, point.minAmpere());
                    count++;
                    if (!point.running()) {
                        lastStarting = i;
                    }
                }
            }
            if (count <= running || lastStarting < 0 || marginHolds(left, demands, chosen, hysteresis)) {
                return chosen;
            }
            excluded[lastStarting] = true;
        }
    }

    /** Everyone at least at the minimum, or no one. */
    private static boolean[] allOrNothing(double[] available, List<Demand> demands, double hysteresis) {
        boolean[] all = new boolean[demands.size()];
        Arrays.fill(all, true);
        double[] left = available.clone();
        for (Demand point : demands) {
            take(left, point, point.minAmpere());
        }
        boolean fits = Arrays.stream(left).allMatch(a -> a >= -EPS);
        boolean allRunning = demands.stream().allMatch(Demand::running);
        if (fits && (allRunning || marginHolds(left, demands, all, hysteresis))) {
            return all;
        }
        return new boolean[demands.size()];
    }

    /** On every phase that a starting point loads, the hysteresis is left over. */
    private static boolean marginHolds(double[] left, List<Demand> demands, boolean[] chosen, double hysteresis) {
        for (int i = 0; i < demands.size(); i++) {
            Demand point = demands.get(i);
            if (chosen[i] && !point.running() && headroom(left, point) < hysteresis - EPS) {
                return false;
            }
        }
        return true;
    }

    /**
     * Raises the listed points to a common level, each capped at its maximum; a point stops
     * rising when one of its phases is full, and the others go on (max-min fair per phase).
     */
    private static void waterFill(double[] left, List<Demand> demands, List<Integer> points, double[] ampere) {
        List<Integer> rising = new ArrayList<>(points);
        while (!rising.isEmpty()) {
            double low = Double.MAX_VALUE;
            double high = 0;
            for (int i : rising) {
                low = Math.min(low, ampere[i]);
                high = Math.max(high, demands.get(i).maxAmpere());
            }
            if (fitsAt(high, left, demands, rising, ampere)) {
                raiseTo(high, left, demands, rising, ampere);
                return;
            }
            for (int step = 0; step < 50 && high - low > EPS / 10; step++) {
                double mid = (low + high) / 2;
                if (fitsAt(mid, left, demands, rising, ampere)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            raiseTo(low, left, demands, rising, ampere);
            // level "high" does not fit: the phases it overloads are full
            double[] needAtHigh = need(high, demands, rising, ampere);
            boolean[] full = new boolean[3];
            for (int p = 0; p < 3; p++) {
                full[p] = needAtHigh[p] > left[p] || left[p] <= EPS;
            }
            int before = rising.size();
            rising.removeIf(i -> {
                Demand point = demands.get(i);
                for (int p = 0; p < 3; p++) {
                    if (point.loads(p) && full[p]) {
                        return true;
                    }
                }
                return ampere[i] >= point.maxAmpere() - EPS;
            });
            if (rising.size() == before) {
                return; // numerically exhausted
            }
        }
    }

    private static boolean fitsAt(double level, double[] left, List<Demand> demands, List<Integer> points,
            double[] ampere) {
        double[] need = need(level, demands, points, ampere);
        for (int p = 0; p < 3; p++) {
            if (need[p] > left[p] + EPS) {
                return false;
            }
        }
        return true;
    }

    private static double[] need(double level, List<Demand> demands, List<Integer> points, double[] ampere) {
        double[] need = new double[3];
        for (int i : points) {
            Demand point = demands.get(i);
            double rise = Math.max(0, Math.min(level, point.maxAmpere()) - ampere[i]);
            for (int p = 0; p < 3; p++) {
                if (point.loads(p)) {
                    need[p] += rise;
                }
            }
        }
        return need;
    }

    private static void raiseTo(double level, double[] left, List<Demand> demands, List<Integer> points,
            double[] ampere) {
        for (int i : points) {
            Demand point = demands.get(i);
            double rise = Math.max(0, Math.min(level, point.maxAmpere()) - ampere[i]);
            ampere[i] += rise;
            take(left, point, rise);
        }
    }

    private static double headroom(double[] left, Demand point) {
        double room = Double.MAX_VALUE;
        for (int p = 0; p < 3; p++) {
            if (point.loads(p)) {
                room = Math.min(room, left[p]);
            }
        }
        return room;
    }

    private static void take(double[] left, Demand point, double ampere) {
        for (int p = 0; p < 3; p++) {
            if (point.loads(p)) {
                left[p] -= ampere;
            }
        }
    }
}
