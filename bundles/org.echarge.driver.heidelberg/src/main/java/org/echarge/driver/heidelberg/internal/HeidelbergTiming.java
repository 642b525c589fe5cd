package org.echarge.driver.heidelberg.internal;

import java.time.Duration;
import java.util.Objects;

import org.echarge.modbus.ModbusOptions;

/**
 * How the driver paces one box.
 *
 * @param pollInterval how often the runtime polls; every poll is two requests and feeds the box's watchdog
 * @param watchdog what the driver writes into the box's watchdog (257): the box falls into F when no request
 *     arrives for that long, i.e. when the gateway stops; at least three poll intervals
 * @param modbus answer timeout (zero: the RS485 line's default) and the pause the box needs between requests
 */
record HeidelbergTiming(Duration pollInterval, Duration watchdog, ModbusOptions modbus) {

    /**
     * Polls every 2 s: 7 polls within the factory watchdog of 15 s, kept as it is (evcc polls at half the
     * timeout). 100 ms between requests, evcc's default for this box (evcc issue 15437).
     */
    static final HeidelbergTiming DEFAULT = new HeidelbergTiming(Duration.ofSeconds(2), Duration.ofSeconds(15),
            new ModbusOptions(Duration.ZERO, Duration.ofMillis(100)));

    HeidelbergTiming {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(modbus, "modbus");
        if (watchdog.compareTo(pollInterval.multipliedBy(3)) < 0 || watchdog.toMillis() > 0xFFFF) {
            throw new IllegalArgumentException("watchdog " + watchdog + " must be at least three poll intervals ("
                    + pollInterval + ") and at most 65535 ms");
        }
    }

    int watchdogMillis() {
        return (int) watchdog.toMillis();
    }
}
