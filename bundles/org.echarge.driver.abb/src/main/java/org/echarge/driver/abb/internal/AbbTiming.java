package org.echarge.driver.abb.internal;

import java.time.Duration;
import java.util.Objects;

import org.echarge.modbus.ModbusOptions;

/**
 * How the driver paces one box and what it asks of the box's communication supervision (4106h): the box counts a
 * lost communication when no register was read for that long, goes into error and stops charging (unless a fallback
 * limit is set, 4109h). The driver's polls are those reads.
 *
 * @param pollInterval how often the runtime polls; every poll is one read
 * @param minimumCommTimeout a box whose communication timeout (4020h) is shorter gets {@code commTimeout} written,
 *     so that polls that come late do not trip it; at least three poll intervals
 * @param commTimeout what the driver writes into 4106h then; whole seconds, 10..65535 on the box
 * @param modbus answer timeout and pause between requests
 */
record AbbTiming(Duration pollInterval, Duration minimumCommTimeout, Duration commTimeout, ModbusOptions modbus) {

    /**
     * Polls every 5 s: ABB recommends 30..90 s for "readable data", but the runtime and DLM need state and currents
     * within seconds, and a poll is one request of 24 registers (about 60 ms at 9600 baud). A communication timeout
     * below 30 s (six polls) is raised to 60 s, ABB's default. The answer timeout is 2 s on both transports: a
     * write of the cable lock (4103h) is answered only after the motor has moved, more than a second (user report,
     * peufeu2/GrugBus). ABB names no pause between requests.
     */
    static final AbbTiming DEFAULT = new AbbTiming(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofSeconds(60), new ModbusOptions(Duration.ofSeconds(2), Duration.ZERO));

    AbbTiming {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(modbus, "modbus");
        if (minimumCommTimeout.compareTo(pollInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("minimum communication timeout " + minimumCommTimeout
                    + " must be at least three poll intervals (" + pollInterval + ")");
        }
        if (commTimeout.compareTo(minimumCommTimeout) < 0 || commTimeout.toSeconds() > 0xFFFF
                || commTimeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("communication timeout " + commTimeout + " must be whole seconds, at"
                    + " least " + minimumCommTimeout + " and at most 65535 s");
        }
    }

    int commTimeoutSeconds() {
        return (int) commTimeout.toSeconds();
    }
}
