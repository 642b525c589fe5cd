package org.echarge.driver.schneider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchneiderStatesTest {

    /** evState 1, OCPP status 150, less current than requested: gateway state */
    @ParameterizedTest(name = "1 = {0}, 150 = {1}, reduced {2} -> {3}")
    @CsvSource({
            "8,     3, false, CHARGE",
            "8,     3, true,  CHARGE_REDUCED",     // degraded setpoint, the station's own limit
            "9,     3, true,  CHARGE_VENTILATION",
            "7,     4, true,  CONNECTED",          // reduced says nothing while the car does not draw
            "3,     0, false, INTERRUPTION",       // an OCPP status "init" does not make a start-up
            "12,    3, false, ILLEGAL",
            "65535, 3, false, ILLEGAL",            // unmapped
            "6,     9, false, ERROR",
            "10,    1, false, ERROR",
            "2,     8, false, NOT_AVAILABLE",
    })
    void mapsTheStationStates(long evState, long ocppStatus, boolean reduced, PointState expected) {
        assertEquals(expected, SchneiderStates.map(evState, ocppStatus, reduced));
    }

    /** evState 1, presence 1150: vehicle connected */
    @ParameterizedTest(name = "1 = {0}, 1150 = {1} -> {2}")
    @CsvSource({
            "3, 0, true", "4, 0, true", "5, 0, true", "7, 0, true", "8, 0, true", "9, 0, true",
            "2, 1, false", "6, 1, false",
            "0, 1, true", "1, 1, true", "10, 1, true", "11, 0, false", "65535, 0, false",
    })
    void knowsWhenAVehicleIsPluggedIn(long evState, long presence, boolean vehicle) {
        assertEquals(vehicle, SchneiderStates.vehicleConnected(evState, presence));
    }
}
