package org.echarge.driver.heidelberg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeidelbergStatesTest {

    /** charging state 5, gateway state, vehicle connected (empty: the state does not say), charging */
    @ParameterizedTest(name = "5 = {0} -> {1}")
    @CsvSource({
            "2,     AVAILABLE,      false, false",   // A1: no car, box offers no current
            "3,     AVAILABLE,      false, false",   // A2: no car, box offers current
            "4,     CONNECTED,      true,  false",   // B1: paused at 0 A, or not released
            "5,     CONNECTED,      true,  false",   // B2: the car does not draw (yet)
            "6,     CONNECTED,      true,  false",   // C1: the car asks, the box offers nothing
            "7,     CHARGE,         true,  true",    // C2
            "8,     CHARGE_REDUCED, true,  true",    // derating by the box
            "9,     ERROR,          ,      false",   // E
            "10,    ERROR,          ,      false",   // F: watchdog lapse, remote lock
            "11,    ERROR,          ,      false",
            "0,     ILLEGAL,        ,      false",
            "1,     ILLEGAL,        ,      false",
            "12,    ILLEGAL,        ,      false",
            "65535, ILLEGAL,        ,      false",
    })
    void mapsTheChargingStates(long state, PointState expected, Boolean vehicle, boolean charging) {
        assertEquals(expected, HeidelbergStates.map(state));
        assertEquals(Optional.ofNullable(vehicle), HeidelbergStates.vehicleConnected(state));
        assertEquals(charging, HeidelbergStates.charging(state));
    }
}
