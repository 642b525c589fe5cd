package org.echarge.indicator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.indicator.Pattern;
import org.echarge.indicator.internal.GatewayCondition.KnxLink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec section 8 as a table. */
class IndicatorLogicTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                       | started | failed | restore | configured | severity | prog  | knx       | PROG | APP           | COM
            "starting                     | false   | false  | false   | true       | 0        | false | NONE      | OFF  | OFF           | OFF",
            "normal, KNX quiet            | true    | false  | false   | true       | 0        | false | CONNECTED | OFF  | ON            | ON",
            "normal, KNX traffic          | true    | false  | false   | true       | 0        | false | TRAFFIC   | OFF  | ON            | FLICKER",
            "KNX lost                     | true    | false  | false   | true       | 0        | false | NONE      | OFF  | ON            | OFF",
            "not configured               | true    | false  | false   | false      | 120      | false | CONNECTED | OFF  | SLOW_FLASH    | ON",
            "cannot start                 | true    | true   | false   | true       | 0        | false | CONNECTED | OFF  | RAPID_FLASH   | ON",
            "info fault 40: no flashing   | true    | false  | false   | true       | 40       | false | CONNECTED | OFF  | ON            | ON",
            "ChargerError 50              | true    | false  | false   | true       | 50       | false | CONNECTED | OFF  | ON            | ON",
            "Comm 60                      | true    | false  | false   | true       | 60       | false | CONNECTED | OFF  | THREE_FLASHES | ON",
            "SmartMeterTOut 90            | true    | false  | false   | true       | 90       | false | CONNECTED | OFF  | THREE_FLASHES | ON",
            "Conf Charger 120             | true    | false  | false   | true       | 120      | false | CONNECTED | OFF  | FIVE_FLASHES  | ON",
            "ContactSupport 130           | true    | false  | false   | true       | 130      | false | CONNECTED | OFF  | FIVE_FLASHES  | ON",
            "programming mode             | true    | false  | false   | true       | 0        | true  | CONNECTED | ON   | ON            | ON",
            "firmware restore             | true    | false  | true    | true       | 130      | false | CONNECTED | OFF  | ALTERNATING   | ALTERNATING",
    })
    void showsTheSpecPatterns(String name, boolean started, boolean failed, boolean restore, boolean configured,
            int severity, boolean programming, KnxLink knx, Pattern expectedProgramming, Pattern expectedApp,
            Pattern expectedCom) {
        IndicatorState state = IndicatorLogic.of(new GatewayCondition(started, failed, restore, configured, severity,
                "X", programming, knx));
        assertEquals(expectedProgramming, state.programming(), "Programming");
        assertEquals(expectedApp, state.app(), "APP");
        assertEquals(expectedCom, state.com(), "COM");
    }
}
