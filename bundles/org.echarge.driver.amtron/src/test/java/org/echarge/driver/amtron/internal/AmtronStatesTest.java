package org.echarge.driver.amtron.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.echarge.api.point.PointState;
import org.echarge.driver.amtron.internal.AmtronStates.Conditions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmtronStatesTest {

    /** EVSE state 0x0100, CP state 0x0108 (-1: layout before 1.0.2), reduced, blocked -> state, vehicle, charging */
    @ParameterizedTest(name = "0x0100 = {0}, 0x0108 = {1}, reduced {2}, blocked {3} -> {4}")
    @CsvSource({
            "0,     -1, false, false, START_UP,           ,      false",   // not initialised
            "0,     10, false, false, START_UP,           false, false",   // ... the CP state says A1
            "1,     10, false, false, AVAILABLE,          false, false",   // idle (A1)
            "1,     -1, false, true,  INTERRUPTION,       false, false",   // locked, or paused by the fallback
            "2,     11, false, false, CONNECTED,          true,  false",   // EV connected (B1): not released
            "2,     12, false, true,  INTERRUPTION,       true,  false",   // ... and the box blocks it
            "3,     12, false, false, CONNECTED,          true,  false",   // preconditions valid, not charging yet
            "4,     27, false, false, CONNECTED,          true,  false",   // ready to charge (B2)
            "4,     27, true,  false, CONNECTED,          true,  false",   // reduced says nothing while not charging
            "5,     28, false, false, CHARGE,             true,  true",    // charging (C2)
            "5,     -1, false, false, CHARGE,             true,  true",
            "5,     28, true,  false, CHARGE_REDUCED,     true,  true",    // downgrade input, master-lost fallback
            "5,     29, false, false, CHARGE_VENTILATION, true,  true",    // D2
            "5,     28, false, true,  CHARGE,             true,  true",    // the box charges: it does not block
            "6,     -1, false, false, ERROR,              ,      false",   // error, or restarted
            "6,     14, false, false, ERROR,              ,      false",   // CP E
            "6,     15, false, false, ERROR,              ,      false",   // CP F
            "6,     26, false, false, ERROR,              false, false",   // CP A2
            "6,     13, false, false, ERROR,              true,  false",   // CP D1
            "7,     11, false, false, NOT_AVAILABLE,      true,  false",   // service mode
            "8,     -1, false, false, ILLEGAL,            ,      false",
            "65535, 0,  false, false, ILLEGAL,            ,      false",
    })
    void mapsTheEvseStates(int evse, int cp, boolean reduced, boolean blocked, PointState expected, Boolean vehicle,
            boolean charging) {
        assertEquals(expected, AmtronStates.map(evse, new Conditions(cp, reduced, blocked)));
        assertEquals(Optional.ofNullable(vehicle), AmtronStates.vehicleConnected(evse, cp));
        assertEquals(charging, AmtronStates.charging(evse));
    }
}
