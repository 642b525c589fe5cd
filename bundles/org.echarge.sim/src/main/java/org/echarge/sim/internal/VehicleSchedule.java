package org.echarge.sim.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded random arrivals, stays and vehicles for one station, so that a demo is reproducible.
 * Waits and stays are a minimum plus an exponential part, which keeps the configured means.
 * Vehicles come from a small fleet; each wants 1 to 19 kWh, about half show an RFID card and a
 * third speak ISO 15118.
 */
final class VehicleSchedule {

    static final Duration MIN_WAIT = Duration.ofSeconds(20);
    static final Duration MIN_STAY = Duration.ofSeconds(60);
    private static final Vehicle COMPACT = new Vehicle("compact car, 1-phase 16 A", 16, 1, 0, false, 0, "");
    private static final Vehicle FAMILY = new Vehicle("family car, 3-phase 16 A", 16, 3, 0, false, 0, "");
    private static final Vehicle PREMIUM = new Vehicle("premium car, 3-phase 32 A", 32, 3, 0, false, 0, "");
    private static final Vehicle VAN = new Vehicle("van asking for ventilation, 3-phase 16 A", 16, 3, 0, true, 0, "");
    private static final Vehicle[] CARS = {COMPACT, FAMILY, PREMIUM};

    private final Random random;
    private final Duration meanWait;
    private final Duration meanStay;

    VehicleSchedule(long seed, Duration meanWait, Duration meanStay) {
        this.random = new Random(seed);
        this.meanWait = meanWait;
        this.meanStay = meanStay;
    }

    /** The first vehicle comes soon after the station starts, so a demo shows something at once. */
    Duration firstWait() {
        return Duration.ofSeconds(3 + random.nextInt(10));
    }

    Duration nextWait() {
        return draw(meanWait, MIN_WAIT);
    }

    Duration nextStay() {
        return draw(meanStay, MIN_STAY);
    }

    Vehicle nextVehicle() {
        Vehicle type = random.nextInt(20) == 0 ? VAN : CARS[random.nextInt(CARS.length)];
        double energyWantedWattHour = 1000.0 * (1 + random.nextInt(19));
        long rfid = random.nextBoolean() ? 0x0400_0000L | random.nextInt(0x0100_0000) : 0;
        String evccId = random.nextInt(3) == 0
                ? String.format(Locale.ROOT, "%012X", random.nextLong() & 0xFFFF_FFFF_FFFFL) // a MAC, as ISO 15118-2
                : "";
        return new Vehicle(type.name(), type.maxCurrentAmpere(), type.phases(), energyWantedWattHour,
                type.ventilation(), rfid, evccId);
    }

    private Duration draw(Duration mean, Duration minimum) {
        long exponentialMillis = Math.max(0, mean.minus(minimum).toMillis());
        double sample = -exponentialMillis * Math.log(1 - random.nextDouble());
        return minimum.plusMillis(Math.round(sample));
    }
}
