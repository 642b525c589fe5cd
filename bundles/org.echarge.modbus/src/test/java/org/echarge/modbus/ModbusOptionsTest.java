package org.echarge.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ModbusOptionsTest {

    private static final Duration LINE_DEFAULT = Duration.ofMillis(700);

    @Test
    void zeroTimeoutMeansTheTransportsDefault() {
        assertEquals(LINE_DEFAULT, ModbusOptions.DEFAULT.timeoutOr(LINE_DEFAULT));
        assertEquals(Duration.ofSeconds(3), new ModbusOptions(Duration.ofSeconds(3), Duration.ZERO).timeoutOr(LINE_DEFAULT));
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ModbusOptions(Duration.ofMillis(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ModbusOptions(Duration.ZERO, Duration.ofMillis(-1)));
    }
}
