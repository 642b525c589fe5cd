package org.echarge.driver.keba.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KebaStatesTest {

    /** charging state 1000, cable state 1004, less current than requested, gateway state, vehicle connected */
    @ParameterizedTest(name = "1000 = {0}, 1004 = {1}, reduced {2} -> {3}")
    @CsvSource({
            "0, 0, false, START_UP, false",
            "1, 0, false, AVAILABLE, false",
            "1, 1, false, AVAILABLE, false",       // tethered cable, no car
            "1, 3, false, AVAILABLE, false",       // tethered cable locked, no car
            "2, 3, false, AVAILABLE, false",
            "1, 7, false, INTERRUPTION, true",     // disabled through 5014, or waiting for the card
            "2, 5, false, CONNECTED, true",
            "2, 7, false, CONNECTED, true",        // the car paused
            "3, 7, false, CHARGE, true",
            "3, 7, true, CHARGE_REDUCED, true",    // failsafe current or derating
            "3, 1, false, ILLEGAL, false",         // charging without a car
            "4, 7, false, ERROR, true",
            "4, 0, false, ERROR, false",
            "5, 7, false, INTERRUPTION, true",     // disabled, or suspended by over-temperature
            "5, 0, false, INTERRUPTION, false",
            "6, 7, false, ILLEGAL, true",
            "2, 8, false, ILLEGAL, false",
            "4294967295, 7, false, ILLEGAL, true",
    })
    void mapsTheStationStates(long chargingState, long cableState, boolean reduced, PointState expected,
            boolean vehicle) {
        assertEquals(expected, KebaStates.map(chargingState, cableState, reduced));
        assertEquals(vehicle, KebaStates.vehicleConnected(cableState));
    }
}
