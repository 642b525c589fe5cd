package org.echarge.driver.vestel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.point.PointState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VestelStatesTest {

    /** 1000 charge point state, 1001 charging state, 1004 cable state, less offered than requested: gateway state */
    @ParameterizedTest(name = "1000 = {0}, 1001 = {1}, 1004 = {2}, reduced {3} -> {4}")
    @CsvSource({
            "0, 0, 0, false, AVAILABLE",
            "0, 0, 1, false, AVAILABLE",      // cable at the box, no car (tethered cable)
            "0, 0, 2, false, CONNECTED",
            "1, 0, 2, false, CONNECTED",      // Preparing
            "1, 1, 3, false, CHARGE",         // 1001 shows C2 before 1000 follows
            "2, 1, 3, false, CHARGE",
            "2, 0, 3, false, CHARGE",         // 1000 first
            "2, 1, 3, true,  CHARGE_REDUCED", // failsafe current, derating
            "2, 1, 1, false, ILLEGAL",        // charging without a car
            "3, 0, 3, false, INTERRUPTION",   // SuspendedEVSE: paused at 0 A, failsafe 0 A, protection
            "3, 1, 3, false, INTERRUPTION",   // the car still reacts to the withdrawn PWM
            "3, 0, 0, false, AVAILABLE",
            "4, 0, 3, false, CONNECTED",      // SuspendedEV: the car does not draw
            "4, 1, 3, true,  CHARGE_REDUCED",
            "5, 0, 2, false, CONNECTED",      // Finishing
            "5, 0, 0, false, AVAILABLE",
            "6, 0, 0, false, NOT_AVAILABLE",  // Reserved
            "7, 0, 2, false, NOT_AVAILABLE",  // Unavailable
            "8, 0, 0, false, ERROR",          // Faulted
            "8, 1, 3, false, ERROR",
            "9, 0, 0, false, ILLEGAL",
            "65535, 0, 0, false, ILLEGAL",
            "0, 2, 0, false, ILLEGAL",
            "0, 0, 4, false, ILLEGAL",
            "0, 0, -1, false, ILLEGAL",
    })
    void mapsTheBoxStates(long state, long charging, long cable, boolean reduced, PointState expected) {
        assertEquals(expected, VestelStates.map(state, charging, cable, reduced));
    }

    @ParameterizedTest(name = "1004 = {0} -> vehicle {1}")
    @CsvSource({"0, false", "1, false", "2, true", "3, true", "4, false"})
    void onlyCableStatesTwoAndThreeAreAVehicle(long cable, boolean vehicle) {
        assertEquals(vehicle, VestelStates.vehicleConnected(cable));
    }
}
