package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AblDutyCycleTest {

    /** knowhow.txt, "Set I-Soll" (the frames' values, LRC checked in the transport's AblAsciiFrameTest) */
    @ParameterizedTest(name = "{0} A = {1}")
    @CsvSource({"6, 100", "7, 117", "8, 133", "9, 150", "10, 167", "11, 183", "12, 200", "13, 217", "14, 233",
            "15, 250", "16, 267", "32, 533", "10.5, 175"})
    void currentIsWrittenAsDutyCycleInTenthPercent(double ampere, int duty) {
        assertEquals(duty, AblDutyCycle.of(ampere));
        assertEquals(ampere, AblDutyCycle.ampere(duty), 0.03);
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(doubles = {0, 5.9, 51.1})
    void currentsOutsideTheDutyCyclesOfIec61851AreRefused(double ampere) {
        assertThrows(IllegalArgumentException.class, () -> AblDutyCycle.of(ampere));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1000, 0", "267, 16.02", "100, 6", "850, 51"})
    void readBackDutyCycles(int duty, double ampere) {
        assertEquals(ampere, AblDutyCycle.ampere(duty), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 50, 99, 851, 999, 0xFFF})
    void dutyCyclesThatAreNoCurrentReadAsNotReported(int duty) {
        assertTrue(Double.isNaN(AblDutyCycle.ampere(duty)));
    }
}
