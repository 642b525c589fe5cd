package org.echarge.sim.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded random arrivals, stays and vehicles for one station, so a demo is reproducible:
 * waiting and plugged-in times are exponentially distributed around the configured means
 * (at least 20 s and 60 s), vehicles come from a small believable fleet.
 */
final class VehicleSchedule {

    private static final Vehicle[] FLEET = {
        new Vehicle("compact car, 1-phase 16 A", 16, 1, 0, false, 0, ""),
        new Vehicle("family car, 3-phase 16 A", 16, 3, 0, false, 0, ""),
        new Vehicle("premium car, 3-phase 32 A", 32, 3, 0, false, 0, ""),
        new Vehicle("van, 3-phase 16 A, needs ventilation", 16, 3, 0, true, 0, ""),
    };

    private final Random random;
    private final double meanArrivalSeconds;
    private final double meanStaySeconds;

    VehicleSchedule(long seed, double meanArrivalSeconds, double meanStaySeconds) {
        this.random = new Random(seed);
        this.meanArrivalSeconds = meanArrivalSeconds;
        this.meanStaySeconds = meanStaySeconds;
    }

    Duration nextArrival() {
        return exponential(meanArrivalSeconds, 20);
    }

    Duration nextStay() {
        return exponential(meanStaySeconds, 60);
    }

    /** The next vehicle: a fleet type with a random energy need, card and ISO 15118 identity. */
    Vehicle nextVehicle() {
        Vehicle type = random.nextInt(20) == 0 ? FLEET[3] : FLEET[random.nextInt(3)]; // vans are rare
        double energyWanted = 1000 + random.nextInt(19) * 1000;
        long rfid = random.nextBoolean() ? (random.nextInt() & 0xFFFF_FFFFL) | 0x0100_0000L : 0;
        String evccId = random.nextInt(3) == 0
                ? String.format(Locale.ROOT, "%012X", random.nextLong() & 0xFFFF_FFFF_FFFFL) : "";
        return new Vehicle(type.name(), type.maxCurrentAmpere(), type.phases(), energyWanted, type.ventilation(), rfid,
                evccId);
    }

    private Duration exponential(double meanSeconds, double minimumSeconds) {
        double seconds = -meanSeconds * Math.log(1 - random.nextDouble());
        return Duration.ofMillis((long) (Math.max(minimumSeconds, seconds) * 1000));
    }
}
