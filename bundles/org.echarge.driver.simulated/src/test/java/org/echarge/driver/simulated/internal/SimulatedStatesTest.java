package org.echarge.driver.simulated.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedStatesTest {

    /** IEC 61851 state register, status register, gateway state */
    @ParameterizedTest(name = "IEC {0}, status {1} -> {2}")
    @CsvSource({
            "1, 0, AVAILABLE",
            "2, 0, CONNECTED",
            "2, 2, INTERRUPTION",
            "3, 1, CHARGE",
            "3, 3, CHARGE_REDUCED",
            "4, 1, CHARGE_VENTILATION",
            "5, 4, ERROR",
            "6, 0, ERROR",
            "2, 4, ERROR",
            "0, 0, ILLEGAL",
            "9, 0, ILLEGAL",
    })
    void mapsTheStationStates(int iec, int status, PointState expected) {
        assertEquals(expected, SimulatedStates.map(iec, status));
    }
}
