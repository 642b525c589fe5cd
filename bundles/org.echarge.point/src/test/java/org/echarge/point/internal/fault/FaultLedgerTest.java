package org.echarge.point.internal.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.echarge.api.fault.GeneralFault;
import org.echarge.api.fault.PointFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fault precedence as a table: a script of steps, then what objects 94/95 (present, shown) say.
 * Steps: +CODE raise, -CODE clear, eval = next evaluation cycle, config = valid configuration applied.
 */
class FaultLedgerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} -> present={1}, shown={2}")
    @CsvSource(delimiter = '|', value = {
            "''                                        | false | NO_ERROR",
            "+COMM                                     | true  | COMM",
            "+COMM +NOT_REACHABLE                      | true  | NOT_REACHABLE",
            "+NOT_REACHABLE +COMM                      | true  | NOT_REACHABLE",   // lower never replaces higher
            "+NOT_REACHABLE +COMM -NOT_REACHABLE       | true  | COMM",
            "+COMM -COMM                               | false | COMM",            // the last fault stays shown
            "+OP_NOT_POSSIBLE                          | true  | OP_NOT_POSSIBLE",
            "+OP_NOT_POSSIBLE eval                     | false | OP_NOT_POSSIBLE", // info: cleared at once
            "+OP_NOT_POSSIBLE +VALUE_OUT_OF_RANGE      | true  | VALUE_OUT_OF_RANGE", // equal severity: newest
            "+VALUE_OUT_OF_RANGE +OP_NOT_POSSIBLE      | true  | OP_NOT_POSSIBLE",
            "+CHARGER_ERROR +OP_NOT_POSSIBLE           | true  | CHARGER_ERROR",
            "+CHARGER_ERROR +OP_NOT_POSSIBLE eval      | true  | CHARGER_ERROR",
            "+CONF_CHARGER +COMM -COMM eval            | true  | CONF_CHARGER",
            "+CONF_CHARGER config                      | false | CONF_CHARGER",
            "+CONF_CHARGER +COMM config                | true  | COMM",
            "+EMETER_ERROR +EMETER_COMM                | true  | EMETER_COMM",
            "+COMM eval eval                           | true  | COMM",            // auto faults stay until cleared
    })
    void pointFaultPrecedence(String steps, boolean present, PointFault shown) {
        FaultLedger<PointFault> ledger = new FaultLedger<>(PointFault.class, PointFault.NO_ERROR);
        for (String step : steps.trim().isEmpty() ? new String[0] : steps.trim().split("\\s+")) {
            switch (step.charAt(0)) {
                case '+' -> ledger.raise(PointFault.valueOf(step.substring(1)), step, NOW);
                case '-' -> ledger.clear(PointFault.valueOf(step.substring(1)));
                default -> {
                    if (step.equals("eval")) {
                        ledger.evaluate();
                    } else {
                        ledger.configurationApplied();
                    }
                }
            }
        }
        assertEquals(present, ledger.present());
        assertEquals(shown, ledger.shown());
    }

    @ParameterizedTest
    @CsvSource({"SMART_METER_TIMEOUT, OVER_CURRENT, SMART_METER_TIMEOUT", "DLM_INVALID_CURRENT, OVER_CURRENT, OVER_CURRENT",
            "DLM_ASSOCIATION, SMART_METER_TIMEOUT, DLM_ASSOCIATION"})
    void generalFaultsFollowTheSameRules(GeneralFault first, GeneralFault second, GeneralFault shown) {
        FaultLedger<GeneralFault> ledger = new FaultLedger<>(GeneralFault.class, GeneralFault.NO_ERROR);
        ledger.raise(first, "first", NOW);
        ledger.raise(second, "second", NOW);
        assertEquals(shown, ledger.shown());
        assertEquals(shown == first ? "first" : "second", ledger.shownDetail());
    }
}
