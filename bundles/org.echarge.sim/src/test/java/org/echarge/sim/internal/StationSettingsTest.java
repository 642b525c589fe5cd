package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StationSettingsTest {

    @Test
    void validSettings() {
        StationSettings settings = new StationSettings(15021, 1, 1, 32, "SIM1-DEMO-001", 11, true,
                Duration.ofSeconds(45), Duration.ofSeconds(240), 15);
        assertEquals(15021, settings.port());
    }

    @Test
    void everyInvalidPropertyIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StationSettings(0, 248, 2, 64, "SIM1-ÄÖÜ", 1, true, Duration.ZERO, Duration.ofSeconds(-1),
                        70_000));
        assertEquals("simulated station: port 0 is not 1..65535; unitId 248 is not 1..247; phases 2 is not 1 or 3; "
                + "maxCurrentAmpere 64 is not 6..63; serialNumber 'SIM1-ÄÖÜ' is not 1 to 20 ASCII characters; "
                + "meanArrivalSeconds must be positive; meanStaySeconds must be positive; "
                + "watchdogSeconds 70000 is not 0..65535", e.getMessage());
    }

    @Test
    void serialNumberFitsTwentyCharacters() {
        assertThrows(IllegalArgumentException.class, () -> new StationSettings(15021, 1, 3, 32,
                "SIM1-0123456789012345", 1, true, Duration.ofSeconds(60), Duration.ofSeconds(240), 15));
    }
}
