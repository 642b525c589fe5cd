package org.echarge.driver.abb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbbStatesTest {

    /** 400Ch as read, state code (bits 8-14), below 4100h (bit 15), availability (bits 0-7) */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0x00000400, 4, false, 0",
            "0x00008400, 4, true,  0",
            "0x00008000, 0, true,  0",
            "0x00000501, 5, false, 1",
            "0xFFFF0300, 3, false, 0", // bytes 2 and 3 are spare
            "0x00007F00, 127, false, 0",
    })
    void unpacksTheChargingStateRegister(String raw, int code, boolean below, int availability) {
        long value = Long.decode(raw);

        assertEquals(code, AbbStates.code(value));
        assertEquals(below, AbbStates.belowCommanded(value));
        assertEquals(availability, AbbStates.availability(value));
    }

    /** 400Ch, 4008h, 400Ah -> gateway state, vehicle, charging */
    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource({
            "0x0000, 0,    0x0000, AVAILABLE,      false, false",
            "0x0000, 0,    0x0001, AVAILABLE,      false, false", // tethered cable: always at the station
            "0x0000, 0,    0x0101, AVAILABLE,      true,  false", // A while the cable is in the car: evcc reads 400Ah too
            "0x0100, 0,    0x0101, INTERRUPTION,   true,  false",
            "0x0200, 0,    0x0111, CONNECTED,      true,  false",
            "0x0300, 0,    0x0111, INTERRUPTION,   true,  false",
            "0x0400, 0,    0x0111, CHARGE,         true,  true",
            "0x8400, 0,    0x0111, CHARGE_REDUCED, true,  true",
            "0x8400, 128,  0x0111, CHARGE_REDUCED, true,  true",
            "0x0500, 0,    0x0101, CONNECTED,      true,  false",
            "0x0500, 0,    0x0011, AVAILABLE,      false, false", // locked at the station, car gone
            "0x0500, 1024, 0x0111, ERROR,          true,  false",
            "0x0201, 0,    0x0111, NOT_AVAILABLE,  true,  false",
            "0x0601, 0,    0x0000, NOT_AVAILABLE,  false, false",
            "0x0600, 0,    0x0000, ILLEGAL,        false, false",
    })
    void mapsOntoTheGatewayStates(String state, long error, String lock, PointState expected, boolean vehicle,
            boolean charging) {
        long chargingState = Long.decode(state);
        long lockState = Long.decode(lock);

        assertEquals(expected, AbbStates.map(chargingState, error, lockState));
        assertEquals(vehicle, AbbStates.vehicleConnected(chargingState, lockState));
        assertEquals(charging, AbbStates.charging(chargingState));
    }
}
