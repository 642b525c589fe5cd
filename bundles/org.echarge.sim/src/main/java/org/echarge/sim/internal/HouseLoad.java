package org.echarge.sim.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The house behind the smart meter of the demo site: a base load with a little noise, and
 * appliances that switch on and off on a seeded schedule. Times are compressed like the
 * vehicles' (minutes instead of hours), so that a newcomer sees DLM at work within minutes.
 */
final class HouseLoad {

    /** @param ampere per phase while on; highPower: reports to DLM object 13 when it switches on */
    record Appliance(String name, double[] ampere, boolean highPower, Duration meanOff, Duration meanOn) {
    }

    static final List<Appliance> APPLIANCES = List.of(
            new Appliance("cooker", new double[] {8, 8, 0}, true, Duration.ofMinutes(6), Duration.ofMinutes(3)),
            new Appliance("heat pump", new double[] {5, 5, 5}, true, Duration.ofMinutes(5), Duration.ofMinutes(4)),
            new Appliance("kettle", new double[] {9, 0, 0}, false, Duration.ofMinutes(4), Duration.ofMinutes(1)),
            new Appliance("washing machine", new double[] {0, 9, 0}, false, Duration.ofMinutes(8),
                    Duration.ofMinutes(3)));

    private static final double NOISE_AMPERE = 0.3;

    private final Random random;
    private final double[] base;
    private final double scale;
    private final boolean[] on = new boolean[APPLIANCES.size()];
    private final Instant[] next = new Instant[APPLIANCES.size()];
    private final double[] noise = new double[3];

    HouseLoad(long seed, double[] baseAmpere, double scale, Instant start) {
        this.random = new Random(seed);
        this.base = baseAmpere.clone();
        this.scale = scale;
        for (int i = 0; i < APPLIANCES.size(); i++) {
            next[i] = start.plus(exponential(APPLIANCES.get(i).meanOff()));
        }
    }

    /** Advances to now; returns the appliances that switched on since the last call. */
    List<Appliance> advance(Instant now) {
        List<Appliance> switchedOn = new ArrayList<>();
        for (int i = 0; i < APPLIANCES.size(); i++) {
            Appliance appliance = APPLIANCES.get(i);
            while (!now.isBefore(next[i])) {
                on[i] = !on[i];
                if (on[i]) {
                    switchedOn.add(appliance);
                }
                next[i] = next[i].plus(exponential(on[i] ? appliance.meanOn() : appliance.meanOff()));
            }
        }
        for (int p = 0; p < 3; p++) {
            noise[p] = (random.nextDouble() * 2 - 1) * NOISE_AMPERE;
        }
        return switchedOn;
    }

    /** The house's current per phase now (without the chargers). */
    double[] ampere() {
        double[] ampere = new double[3];
        for (int p = 0; p < 3; p++) {
            ampere[p] = Math.max(0, base[p] + noise[p]);
        }
        for (int i = 0; i < APPLIANCES.size(); i++) {
            if (on[i]) {
                for (int p = 0; p < 3; p++) {
                    ampere[p] += scale * APPLIANCES.get(i).ampere()[p];
                }
            }
        }
        return ampere;
    }

    boolean isOn(String appliance) {
        for (int i = 0; i < APPLIANCES.size(); i++) {
            if (APPLIANCES.get(i).name().equals(appliance)) {
                return on[i];
            }
        }
        throw new IllegalArgumentException(appliance);
    }

    private Duration exponential(Duration mean) {
        return Duration.ofMillis(Math.max(1000, Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis())));
    }
}
