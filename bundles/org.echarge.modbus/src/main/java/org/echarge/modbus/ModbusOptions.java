package org.echarge.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of one device.
 *
 * @param timeout for connecting and for each answer; zero for the transport's default (2 s on
 *        Modbus TCP, the configured default timeout of the RS485 line)
 * @param minRequestInterval pause the device needs between the end of one request and the start
 *        of its next (0 for none); other devices on the same line are served meanwhile
 */
public record ModbusOptions(Duration timeout, Duration minRequestInterval) {

    /** The transport's default timeout, no pause between requests. */
    public static final ModbusOptions DEFAULT = new ModbusOptions(Duration.ZERO, Duration.ZERO);

    public ModbusOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(minRequestInterval, "minRequestInterval");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        if (minRequestInterval.isNegative()) {
            throw new IllegalArgumentException("minRequestInterval must not be negative");
        }
    }

    /** This device's timeout, or the transport's default when it has none. */
    public Duration timeoutOr(Duration transportDefault) {
        return timeout.isZero() ? transportDefault : timeout;
    }
}
