package org.echarge.dlm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One allocation for a site of N points (JMH; run with scripts/bench-dlm). The site is the hard
 * case: mixed 1- and 3-phase points with different maximums on an unbalanced supply, so that
 * water-filling freezes points phase by phase, with a prioritised point.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AllocatorBenchmark {

    @Param({"5", "50", "250", "1000"})
    public int points;

    private List<Demand> demands;
    private double[] available;

    @Setup(Level.Trial)
    public void site() {
        Random random = new Random(42);
        demands = new ArrayList<>(points);
        for (int i = 1; i <= points; i++) {
            int phases = random.nextInt(3) == 0 ? 1 << random.nextInt(3) : Demand.ALL_PHASES;
            demands.add(new Demand(i, 6, 10 + random.nextInt(23), phases, random.nextBoolean()));
        }
        // about 9 A per point on L1, more on L2 and L3: everyone gets the minimum, few their maximum
        available = new double[] {9.0 * points, 11.0 * points, 13.0 * points};
    }

    @Benchmark
    public Allocator.Result allocate() {
        return Allocator.allocate(available, demands, 1, Strategy.ROTATE, 1);
    }
}
