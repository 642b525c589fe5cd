package org.echarge.driver.amtron.internal;

import java.time.Duration;
import java.util.Objects;

import org.echarge.modbus.ModbusOptions;

/**
 * How the driver paces one box.
 *
 * @param pollInterval how often the runtime polls; every poll writes the heartbeat
 * @param heartbeatTimeout how long the box waits for the next heartbeat before its master-lost fallback takes over;
 *     at least three poll intervals. The box's is fixed; this is what the driver warns against
 * @param modbus answer timeout (zero: the RS485 line's default) and the pause the box needs between requests
 */
record AmtronTiming(Duration pollInterval, Duration heartbeatTimeout, ModbusOptions modbus) {

    /**
     * The document: a heartbeat "at least every 10 s". evcc wrote it every 10 s, then 8 s, and since PR 17260 every
     * 5 s on the vendor's advice (issue 12171: 10 s was too tight). Polling every 2 s writes it five times per 10 s,
     * so four polls may fail or come late. The document names no pause between requests and evcc keeps none.
     */
    static final AmtronTiming DEFAULT = new AmtronTiming(Duration.ofSeconds(2), Duration.ofSeconds(10),
            ModbusOptions.DEFAULT);

    AmtronTiming {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        Objects.requireNonNull(modbus, "modbus");
        if (heartbeatTimeout.compareTo(pollInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("the heartbeat timeout " + heartbeatTimeout
                    + " must be at least three poll intervals (" + pollInterval + ")");
        }
    }
}
