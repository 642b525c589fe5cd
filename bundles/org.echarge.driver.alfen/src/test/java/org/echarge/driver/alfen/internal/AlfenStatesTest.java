package org.echarge.driver.alfen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlfenStatesTest {

    /** mode 3 state 1201, availability 1200, less current than requested, gateway state, vehicle, charging */
    @ParameterizedTest(name = "1201 = {0}, 1200 = {1}, reduced {2} -> {3}")
    @CsvSource({
            "A,  1,     false, AVAILABLE,          false, false",
            "E,  1,     false, AVAILABLE,          false, false", // Alfen 6.x without a car (evcc #8396)
            "B1, 1,     false, INTERRUPTION,       true,  false", // no PWM: setpoint 0, not authorised
            "B2, 1,     false, CONNECTED,          true,  false", // PWM on, the car does not draw
            "C1, 1,     false, INTERRUPTION,       true,  false", // PWM withdrawn, the car still asks
            "D1, 1,     false, INTERRUPTION,       true,  false",
            "C2, 1,     false, CHARGE,             true,  true",
            "C2, 1,     true,  CHARGE_REDUCED,     true,  true",  // safe current, derating
            "D2, 1,     false, CHARGE_VENTILATION, true,  true",
            "D2, 1,     true,  CHARGE_VENTILATION, true,  true",
            "F,  1,     false, ERROR,              false, false",
            "F,  0,     false, ERROR,              false, false", // the error wins over inoperative
            "A,  0,     false, NOT_AVAILABLE,      false, false",
            "C2, 0,     false, NOT_AVAILABLE,      true,  true",
            "C2, 65535, false, CHARGE,             true,  true",  // availability unavailable: the state decides
            "'', 1,     false, ILLEGAL,            false, false",
            "c2, 1,     false, ILLEGAL,            false, false",
            "B,  1,     false, ILLEGAL,            false, false",
            "??????????, 1, false, ILLEGAL,        false, false", // 0xFFFF registers
    })
    void mapsTheSocketStates(String mode3, long availability, boolean reduced, PointState expected, boolean vehicle,
            boolean charging) {
        assertEquals(expected, AlfenStates.map(mode3, availability, reduced));
        assertEquals(vehicle, AlfenStates.vehicleConnected(mode3));
        assertEquals(charging, AlfenStates.charging(mode3));
    }
}
