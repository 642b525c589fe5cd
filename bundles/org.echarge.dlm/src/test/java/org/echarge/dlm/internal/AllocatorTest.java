package org.echarge.dlm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The distribution rule as a table. Available: A per phase ("20" = 20 A on every phase, or
 * "L1/L2/L3"). Points: {@code number:min-max:phases} with phases 123 (3-phase) or 1, 2, 3 (the
 * phase a 1-phase point is wired to), then {@code r} if the point is charging now. Expected: the
 * currents in the order of the points, and whether OverCurrent is raised.
 */
class AllocatorTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // available | points                                       | prio | strategy      | hyst | expected        | over
            // 1. every point first gets its minimum; 3. the rest is shared evenly
            "20          | 1:6-16:123                                   | 0    | ROTATE        | 0    | 16              | false",
            "30          | 1:6-32:123 2:6-32:123                        | 0    | ROTATE        | 0    | 15 15           | false",
            "20          | 1:6-32:123 2:6-32:123 3:6-32:123             | 0    | ROTATE        | 0    | 6.6 6.6 6.6     | false",
            "18          | 1:6-32:123 2:6-32:123 3:6-32:123             | 0    | ROTATE        | 0    | 6 6 6           | false",
            // water-filling: what a capped point cannot take goes to the others
            "50          | 1:6-10:123 2:6-32:123 3:6-32:123             | 0    | ROTATE        | 0    | 10 20 20        | false",
            "200         | 1:6-10:123 2:6-32:123 3:6-16:123             | 0    | ROTATE        | 0    | 10 32 16        | false",
            // different minimums: the lower one catches up first
            "24          | 1:6-32:123 2:10-32:123                       | 0    | ROTATE        | 0    | 12 12           | false",
            "20          | 1:6-32:123 2:10-32:123                       | 0    | ROTATE        | 0    | 10 10           | false",
            "17          | 1:6-32:123 2:10-32:123                       | 0    | ROTATE        | 0    | 7 10            | false",
            // 2. the prioritised point gets what is left up to its maximum, then the others share
            "40          | 1:6-32:123 2:6-32:123 3:6-32:123             | 1    | ROTATE        | 0    | 28 6 6          | false",
            "60          | 1:6-32:123 2:6-32:123 3:6-32:123             | 1    | ROTATE        | 0    | 32 14 14        | false",
            "60          | 1:6-32:123 2:6-32:123 3:6-32:123             | 3    | ROTATE        | 0    | 14 14 32        | false",
            // 4. per phase: 1-phase points load only their phase
            "10/30/30    | 1:6-32:1 2:6-32:2                            | 0    | ROTATE        | 0    | 10 30           | false",
            "20/40/40    | 1:6-32:1 2:6-32:123                          | 0    | ROTATE        | 0    | 10 10           | false",
            "20/40/40    | 1:6-32:1 2:6-32:123 3:6-32:2                 | 0    | ROTATE        | 0    | 10 10 30        | false",
            "16/16/16    | 1:6-16:1 2:6-16:2 3:6-16:3                   | 0    | ROTATE        | 0    | 16 16 16        | false",
            "16/16/16    | 1:6-16:1 2:6-16:1 3:6-16:2 4:6-16:3          | 0    | ROTATE        | 0    | 8 8 16 16       | false",
            "16/16/16    | 1:6-16:123 2:6-16:1                          | 1    | ROTATE        | 0    | 10 6            | false",
            // 5. the minimums do not fit: rotate charges as many as fit, in order, prioritised first
            "14          | 1:6-16:123 2:6-16:123 3:6-16:123             | 0    | ROTATE        | 0    | 7 7 0           | true",
            "14          | 1:6-16:123 2:6-16:123 3:6-16:123             | 3    | ROTATE        | 0    | 6 0 8           | true",
            "5           | 1:6-16:123 2:6-16:123                        | 0    | ROTATE        | 0    | 0 0             | true",
            "-3          | 1:6-16:123                                   | 0    | ROTATE        | 0    | 0               | true",
            "5/20/20     | 1:6-16:123 2:6-16:2                          | 1    | ROTATE        | 0    | 0 16            | true",
            "12/20/20    | 1:6-16:1 2:6-16:1 3:6-16:1 4:6-16:2          | 0    | ROTATE        | 0    | 6 6 0 16        | true",
            // ... and interrupt-all stops everyone, as the reference device
            "14          | 1:6-16:123 2:6-16:123 3:6-16:123             | 0    | INTERRUPT_ALL | 0    | 0 0 0           | true",
            "18          | 1:6-16:123 2:6-16:123 3:6-16:123             | 0    | INTERRUPT_ALL | 0    | 6 6 6           | false",
            // hysteresis: an additional vehicle starts only with spare current above the minimums
            "12.5        | 1:6-16:123:r 2:6-16:123                      | 0    | ROTATE        | 1    | 12.5 0          | true",
            "13          | 1:6-16:123:r 2:6-16:123                      | 0    | ROTATE        | 1    | 6.5 6.5         | false",
            "12.9        | 1:6-16:123:r 2:6-16:123                      | 0    | ROTATE        | 1    | 12.9 0          | true",
            "12.5        | 1:6-16:123:r 2:6-16:123:r                    | 0    | ROTATE        | 1    | 6.2 6.2         | false",
            "18.5        | 1:6-16:123 2:6-16:123 3:6-16:123             | 0    | INTERRUPT_ALL | 1    | 0 0 0           | true",
            "18.5        | 1:6-16:123:r 2:6-16:123:r 3:6-16:123:r       | 0    | INTERRUPT_ALL | 1    | 6.1 6.1 6.1     | false",
            // rotation: a waiting point ahead in the order takes the place of a running one
            "6           | 2:6-16:123 1:6-16:123:r                      | 0    | ROTATE        | 1    | 6 0             | true",
            // models that allow 0 A
            "4           | 1:0-16:123 2:0-16:123                        | 0    | ROTATE        | 0    | 2 2             | false",
    })
    void allocates(String available, String points, int prioritised, Strategy strategy, double hysteresis,
            String expected, boolean overCurrent) {
        List<Demand> demands = parse(points);
        Allocator.Result result = Allocator.allocate(available(available), demands, prioritised, strategy, hysteresis);
        String got = Arrays.stream(result.ampere()).mapToObj(AllocatorTest::format).collect(Collectors.joining(" "));
        assertEquals(expected, got, "currents");
        assertEquals(overCurrent, result.overCurrent(), "OverCurrent");
    }

    @Test
    void noDemandsNoAllocation() {
        Allocator.Result result = Allocator.allocate(new double[] {10, 10, 10}, List.of(), 0, Strategy.ROTATE, 1);
        assertEquals(0, result.ampere().length);
        assertEquals(false, result.overCurrent());
    }

    /**
     * Random sites: no phase above its limit when the minimums fit, no charging point outside
     * [min, max], priority respected, equal points equal within 0.1 A.
     */
    @RepeatedTest(300)
    void holdsOnRandomSites() {
        Random random = new Random();
        long seed = random.nextLong();
        random = new Random(seed);
        int n = 1 + random.nextInt(12);
        double[] available = new double[3];
        for (int p = 0; p < 3; p++) {
            available[p] = random.nextInt(160) - 10 + random.nextInt(10) / 10.0;
        }
        List<Demand> demands = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            double min = random.nextInt(4) == 0 ? 0 : 6 + random.nextInt(3);
            double max = Math.max(min, 6 + random.nextInt(27));
            int phases = random.nextBoolean() ? Demand.ALL_PHASES : 1 << random.nextInt(3);
            demands.add(new Demand(i, min, max, phases, random.nextBoolean()));
        }
        int prioritised = random.nextInt(n + 1);
        Strategy strategy = random.nextBoolean() ? Strategy.ROTATE : Strategy.INTERRUPT_ALL;
        Allocator.Result result = Allocator.allocate(available, demands, prioritised, strategy, 1);
        String site = "seed " + seed + ": " + Arrays.toString(available) + " " + demands + " prio " + prioritised;

        double[] used = new double[3];
        for (int i = 0; i < n; i++) {
            Demand point = demands.get(i);
            double a = result.ampere()[i];
            assertTrue(a == 0 || (a >= point.minAmpere() - 1e-9 && a <= point.maxAmpere() + 1e-9),
                    site + ": point " + point.number() + " got " + a);
            for (int p = 0; p < 3; p++) {
                used[p] += point.loads(p) ? a : 0;
            }
        }
        for (int p = 0; p < 3; p++) {
            assertEquals(used[p], result.usedAmpere()[p], 1e-6, site);
            boolean anyCharging = Arrays.stream(result.ampere()).anyMatch(a -> a > 0);
            if (anyCharging) {
                assertTrue(used[p] <= Math.max(0, available[p]) + 1e-6, site + ": phase " + p + " used " + used[p]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Demand a = demands.get(i);
                Demand b = demands.get(j);
                boolean equal = a.minAmpere() == b.minAmpere() && a.maxAmpere() == b.maxAmpere()
                        && a.phases() == b.phases() && a.number() != prioritised && b.number() != prioritised;
                double ai = result.ampere()[i];
                double bj = result.ampere()[j];
                if (equal && ai > 0 && bj > 0) {
                    assertEquals(ai, bj, 0.1 + 1e-9, site + ": equal points " + a.number() + ", " + b.number());
                }
            }
        }
        if (prioritised > 0) {
            Demand prio = demands.get(prioritised - 1);
            double got = result.ampere()[prioritised - 1];
            if (got > 0 && got < prio.maxAmpere() - 0.1 - 1e-9) {
                // below its maximum only because one of its phases is full
                boolean full = false;
                for (int p = 0; p < 3; p++) {
                    full |= prio.loads(p) && available[p] - used[p] < 0.1 * n + 1e-6;
                }
                assertTrue(full, site + ": prioritised point at " + got + " A with room to spare");
                for (int i = 0; i < n; i++) {
                    Demand other = demands.get(i);
                    if (i != prioritised - 1 && (other.phases() & prio.phases()) == prio.phases()
                            && result.ampere()[i] > 0) {
                        assertEquals(other.minAmpere(), result.ampere()[i], 1e-9,
                                site + ": point " + other.number() + " above its minimum before the prioritised one");
                    }
                }
            }
        }
    }

    private static double[] available(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length == 1) {
            double a = Double.parseDouble(parts[0]);
            return new double[] {a, a, a};
        }
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    static List<Demand> parse(String points) {
        List<Demand> demands = new ArrayList<>();
        for (String point : points.trim().split("\\s+")) {
            String[] f = point.split(":");
            String[] range = f[1].split("-");
            int phases = f[2].equals("123") ? Demand.ALL_PHASES : 1 << (Integer.parseInt(f[2]) - 1);
            demands.add(new Demand(Integer.parseInt(f[0]), Double.parseDouble(range[0]), Double.parseDouble(range[1]),
                    phases, f.length > 3 && f[3].equals("r")));
        }
        return demands;
    }

    private static String format(double ampere) {
        double rounded = Math.round(ampere * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
