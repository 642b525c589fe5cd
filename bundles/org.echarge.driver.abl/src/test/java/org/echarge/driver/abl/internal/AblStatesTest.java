package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AblStatesTest {

    /** the state codes of the fact sheet (8a), the flags "reduced" and UCP, what the gateway makes of them */
    @ParameterizedTest(name = "{0} reduced={1} ucp={2}: {3}")
    @CsvSource({
            "A1, false, false, AVAILABLE,             false, false",
            "B1, false, true,  INTERRUPTION,          true,  false",
            "B2, false, true,  CONNECTED,             true,  false",
            "B2, true,  true,  CONNECTED,             true,  false",
            "C2, false, true,  CHARGE,                true,  true",
            "C2, true,  true,  CHARGE_REDUCED,        true,  true",
            "C3, false, true,  CHARGE_REDUCED,        true,  true",
            "C4, false, true,  CHARGE_REDUCED,        true,  true",
            "E0, false, false, NOT_AVAILABLE,         false, false",
            "E0, false, true,  NOT_AVAILABLE,         true,  false",
            "E1, false, false, NOT_AVAILABLE,         false, false",
            "E2, false, false, NOT_AVAILABLE,         false, false",
            "E3, false, false, NOT_AVAILABLE,         false, false",
            "F1, false, true,  ERROR,                 true,  false",
            "F4, false, false, ERROR,                 false, false",
            "F7, false, true,  ERROR,                 true,  false",
            "FB, false, false, ERROR,                 false, false",
            "00, false, false, ILLEGAL,               false, false",
            "D1, false, true,  ILLEGAL,               true,  false",
    })
    void stateCodesMapOntoGatewayStates(String code, boolean reduced, boolean ucp, PointState state, boolean vehicle,
            boolean charging) {
        int value = Integer.parseInt(code, 16);
        assertEquals(state, AblStates.map(value, reduced));
        assertEquals(vehicle, AblStates.vehicleConnected(value, ucp));
        assertEquals(charging, AblStates.charging(value));
        assertEquals(state == PointState.ERROR, AblStates.error(value));
    }
}
