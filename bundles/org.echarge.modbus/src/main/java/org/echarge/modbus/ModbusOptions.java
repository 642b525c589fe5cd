package org.echarge.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of one device.
 *
 * @param timeout for connecting and for each answer
 * @param minRequestInterval pause the device needs between two requests (0 for none)
 */
public record ModbusOptions(Duration timeout, Duration minRequestInterval) {

    public static final ModbusOptions DEFAULT = new ModbusOptions(Duration.ofSeconds(2), Duration.ZERO);

    public ModbusOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(minRequestInterval, "minRequestInterval");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
