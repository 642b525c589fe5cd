package org.echarge.sim.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A validated {@link SimulatedStationConfig}; the constructor names every invalid property at once. */
record StationSettings(int port, int unitId, int phases, int maxCurrentAmpere, String serialNumber, long seed,
        boolean vehicles, Duration meanArrival, Duration meanStay, int watchdogSeconds) {

    StationSettings {
        List<String> errors = new ArrayList<>();
        check(errors, port >= 1 && port <= 65535, "port " + port + " is not 1..65535");
        check(errors, unitId >= 1 && unitId <= 247, "unitId " + unitId + " is not 1..247");
        check(errors, phases == 1 || phases == 3, "phases " + phases + " is not 1 or 3");
        check(errors, maxCurrentAmpere >= 6 && maxCurrentAmpere <= 63,
                "maxCurrentAmpere " + maxCurrentAmpere + " is not 6..63");
        check(errors, serialNumber != null && !serialNumber.isEmpty() && serialNumber.length() <= 20
                && StandardCharsets.US_ASCII.newEncoder().canEncode(serialNumber),
                "serialNumber '" + serialNumber + "' is not 1 to 20 ASCII characters");
        check(errors, meanArrival != null && !meanArrival.isNegative() && !meanArrival.isZero(), "meanArrivalSeconds must be positive");
        check(errors, meanStay != null && !meanStay.isNegative() && !meanStay.isZero(), "meanStaySeconds must be positive");
        check(errors, watchdogSeconds >= 0 && watchdogSeconds <= 65535,
                "watchdogSeconds " + watchdogSeconds + " is not 0..65535");
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("simulated station: " + String.join("; ", errors));
        }
    }

    static StationSettings of(SimulatedStationConfig config) {
        return new StationSettings(config.port(), config.unitId(), config.phases(), config.maxCurrentAmpere(),
                config.serialNumber(), config.seed(), config.vehicles(),
                Duration.ofSeconds(config.meanArrivalSeconds()), Duration.ofSeconds(config.meanStaySeconds()),
                config.watchdogSeconds());
    }

    private static void check(List<String> errors, boolean valid, String error) {
        if (!valid) {
            errors.add(error);
        }
    }
}
