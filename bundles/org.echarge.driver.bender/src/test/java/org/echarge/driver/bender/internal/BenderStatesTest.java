package org.echarge.driver.bender.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenderStatesTest {

    /** pilot state 122, OCPP status 104, less current than requested: gateway state, vehicle, charging */
    @ParameterizedTest(name = "122 = {0}, 104 = {1}, reduced {2} -> {3}")
    @CsvSource({
            "1, 0,  false, AVAILABLE,          false, false", // A, Available
            "1, 9,  false, AVAILABLE,          false, false", // A, Finishing: the car just left
            "1, 2,  false, NOT_AVAILABLE,      false, false", // reserved for someone
            "1, 3,  false, NOT_AVAILABLE,      false, false", // set inoperative
            "2, 0,  false, CONNECTED,          true,  false",
            "2, 1,  false, CONNECTED,          true,  false", // Occupied (OCPP 1.5)
            "2, 5,  false, CONNECTED,          true,  false", // Preparing
            "2, 6,  false, CONNECTED,          true,  false", // the car stopped asking before 104 changed
            "2, 7,  false, INTERRUPTION,       true,  false", // SuspendedEVSE: HEMS limit 0
            "2, 8,  false, CONNECTED,          true,  false", // SuspendedEV: full
            "2, 9,  false, CONNECTED,          true,  false", // Finishing: the session ended, car plugged
            "2, 3,  false, NOT_AVAILABLE,      true,  false",
            "3, 6,  false, CHARGE,             true,  true",
            "3, 6,  true,  CHARGE_REDUCED,     true,  true",  // safe current after a restart or lapse
            "3, 1,  false, CHARGE,             true,  true",
            "3, 5,  false, INTERRUPTION,       true,  false", // asks, the session has not started
            "3, 7,  false, INTERRUPTION,       true,  false", // asks, held at 0 A: 122 stays C
            "3, 7,  true,  INTERRUPTION,       true,  false",
            "3, 8,  false, CONNECTED,          true,  false",
            "3, 9,  false, CONNECTED,          true,  false",
            "4, 6,  false, CHARGE_VENTILATION, true,  true",
            "4, 6,  true,  CHARGE_VENTILATION, true,  true",
            "4, 7,  false, INTERRUPTION,       true,  false",
            "5, 0,  false, ERROR,              false, false", // E: pilot short
            "1, 4,  false, ERROR,              false, false", // Faulted
            "3, 4,  false, ERROR,              true,  false",
            "0, 0,  false, ILLEGAL,            false, false",
            "6, 0,  false, ILLEGAL,            false, false",
            "3, 10, false, ILLEGAL,            true,  false",
            "65535, 65535, false, ILLEGAL,     false, false",
    })
    void mapsPilotStateAndOcppStatus(long vehicle, long ocpp, boolean reduced, PointState expected, boolean connected,
            boolean charging) {
        assertEquals(expected, BenderStates.map(vehicle, ocpp, reduced));
        assertEquals(connected, BenderStates.vehicleConnected(vehicle));
        assertEquals(charging, BenderStates.charging(vehicle, ocpp));
    }
}
