package org.echarge.driver.phoenix.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoenixStatesTest {

    /** register 100, reduced, vehicle before: state, vehicle now, charging */
    @ParameterizedTest(name = "{0} reduced={1} vehicle before={2} -> {3}")
    @CsvSource({
            "0x41, false, true,  AVAILABLE,          false, false",
            "0x42, false, false, CONNECTED,          true,  false",
            "0x42, true,  false, CONNECTED,          true,  false",
            "0x43, false, false, CHARGE,             true,  true",
            "0x43, true,  false, CHARGE_REDUCED,     true,  true",
            "0x44, false, false, CHARGE_VENTILATION, true,  true",
            "0x44, true,  false, CHARGE_VENTILATION, true,  true",
            "0x45, false, true,  ERROR,              true,  false",
            "0x46, false, false, ERROR,              false, false",
            "0x46, false, true,  ERROR,              true,  false",
            "0x00, false, true,  ILLEGAL,            true,  false",
            "0x47, false, false, ILLEGAL,            false, false",
            "0x4142, false, false, ILLEGAL,          false, false",
            "0xFFFF, false, true, ILLEGAL,           true,  false",
    })
    void mapsTheLetterOfRegister100(String word, boolean reduced, boolean before, PointState state, boolean vehicle,
            boolean charging) {
        char letter = PhoenixStates.letter(Integer.decode(word));
        assertEquals(state, PhoenixStates.map(letter, reduced));
        assertEquals(vehicle, PhoenixStates.vehicleConnected(letter, before));
        assertEquals(charging, PhoenixStates.charging(letter));
    }
}
