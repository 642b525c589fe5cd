package org.echarge.point.internal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Threshold 2 A, time 60 s. Steps "t:connected:current" (seconds, 1/0, ampere or NaN); the
 * expected column lists object 53 after each step.
 */
class ChargingCompleteTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0:1:16 30:1:16 90:1:16                     | 0 0 0",
            "0:1:1 30:1:1 60:1:1 61:1:1                  | 0 0 0 1",      // longer than the time, not equal
            "0:1:1 61:1:1 62:1:3                         | 0 1 0",        // reset at once above the threshold
            "0:1:1 61:1:1 62:0:0                         | 0 1 0",        // reset at once when the vehicle leaves
            "0:1:1 61:1:1 62:1:NaN                       | 0 1 1",        // no measurement keeps the judgement
            "0:1:1 30:1:3 31:1:1 91:1:1 92:1:1            | 0 0 0 0 1",   // the time restarts after rising
            "0:0:0 100:0:0                               | 0 0",          // no session, no completion
            "0:1:2 61:1:2                                | 0 1",          // at the threshold counts as below
    })
    void followsTheCurrent(String steps, String expected) {
        ChargingComplete complete = new ChargingComplete(2, Duration.ofSeconds(60));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        StringBuilder actual = new StringBuilder();
        for (String step : steps.trim().split("\\s+")) {
            String[] parts = step.split(":");
            boolean result = complete.update(parts[1].equals("1"), Double.parseDouble(parts[2]),
                    start.plusSeconds(Long.parseLong(parts[0])));
            actual.append(actual.length() == 0 ? "" : " ").append(result ? 1 : 0);
        }
        assertEquals(expected.trim(), actual.toString());
    }
}
