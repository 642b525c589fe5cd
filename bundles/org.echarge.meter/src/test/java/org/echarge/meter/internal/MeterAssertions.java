package org.echarge.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echarge.api.PhaseValues;

/** Compares phase values, NaN (not measured) included. */
final class MeterAssertions {

    private MeterAssertions() {
    }

    static void assertPhases(PhaseValues expected, PhaseValues actual, double tolerance, String what) {
        assertValue(expected.l1(), actual.l1(), tolerance, what + " L1");
        assertValue(expected.l2(), actual.l2(), tolerance, what + " L2");
        assertValue(expected.l3(), actual.l3(), tolerance, what + " L3");
        assertValue(expected.total(), actual.total(), tolerance, what + " total");
    }

    static void assertValue(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected not measured, was " + actual);
        } else {
            assertEquals(expected, actual, tolerance, what);
        }
    }

    static PhaseValues phases(double l1, double l2, double l3, double total) {
        return new PhaseValues(l1, l2, l3, total);
    }
}
