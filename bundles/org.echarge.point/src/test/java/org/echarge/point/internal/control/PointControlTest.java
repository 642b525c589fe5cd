package org.echarge.point.internal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.echarge.api.fault.PointFault;
import org.echarge.api.point.LoadShare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Commands, Interruption and grid-supporting control as a table of cases (spec 2 and 5). A point
 * with min 6 A, max 16 A, setpoint 16 A; the steps run in order, then the decision is checked.
 *
 * Steps: plug / unplug, start / stop (object 54), int1 / int0 (object 55), sp=N (object 60),
 * grid0 / grid6 / gridoff (object 1 at 0 A or 6 A), dlm (DLM on), alloc=N (DLM allocation), dlmoff,
 * manual (the point waits for a manual start). Expected: paused, limit in A, overlay state (or
 * '-'), interruption state (object 56), info faults raised (or '-').
 */
class PointControlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // steps                                   | paused | limit | overlay               | int   | faults
            "plug                                      | false  | 16    | -                     | false | -",
            "plug sp=10                                | false  | 10    | -                     | false | -",
            "plug sp=40                                | false  | 16    | -                     | false | VALUE_OUT_OF_RANGE",
            "plug sp=2                                 | false  | 6     | -                     | false | VALUE_OUT_OF_RANGE",
            // Interruption pauses or blocks; ending it restores the setpoint in force
            "plug int1                                 | true   | 16    | INTERRUPTION          | true  | -",
            "int1                                      | true   | 16    | INTERRUPTION          | true  | -",
            "plug int1 sp=8 int0                       | false  | 8     | -                     | false | -",
            // with DLM on, a resumed session restarts at the minimum and DLM ramps it up
            "dlm plug alloc=14 int1 int0               | false  | 6     | -                     | false | -",
            "dlm plug alloc=14 int1 int0 alloc=10      | false  | 10    | -                     | false | -",
            "dlm plug int1 int0                        | true   | 0     | -                     | false | -",
            // with DLM on, the point charges only at what DLM gives it, never above its maximum
            "dlm plug                                  | true   | 0     | -                     | false | -",
            "dlm plug alloc=5                          | true   | 0     | -                     | false | -",
            "dlm plug alloc=6                          | false  | 6     | -                     | false | -",
            "dlm plug alloc=20                         | false  | 16    | -                     | false | -",
            "dlm plug sp=8 alloc=12                    | false  | 12    | -                     | false | -",
            "dlm plug sp=8 alloc=12 dlmoff             | false  | 8     | -                     | false | -",
            "dlm plug alloc=12 grid6 int1              | true   | 6     | INTERRUPTION          | true  | -",
            // grid-supporting control: 0 A behaves as Interruption, 6 A lowers the setpoint
            "plug grid0                                | true   | 16    | INTERRUPTION          | true  | -",
            "plug grid6                                | false  | 6     | -                     | false | -",
            "plug grid6 gridoff                        | false  | 16    | -                     | false | -",
            "plug grid6 sp=12 gridoff                  | false  | 12    | -                     | false | -",
            "plug grid0 sp=12 gridoff                  | false  | 12    | -                     | false | -",
            "plug sp=5 grid6                           | false  | 6     | -                     | false | VALUE_OUT_OF_RANGE",
            // Interruption wins at once; ending it during curtailment returns to the curtailed state
            "plug grid6 int1                           | true   | 6     | INTERRUPTION          | true  | -",
            "plug grid6 int1 int0                      | false  | 6     | -                     | false | -",
            "plug grid0 int1 int0                      | true   | 16    | INTERRUPTION          | true  | -",
            "plug int1 grid6 gridoff                   | true   | 16    | INTERRUPTION          | true  | -",
            "plug int1 grid0 gridoff int0              | false  | 16    | -                     | false | -",
            "dlm plug alloc=14 grid0 gridoff           | false  | 6     | -                     | false | -",
            "dlm plug alloc=14 grid6                   | false  | 6     | -                     | false | -",
            // Start/stop: cancel until the vehicle leaves; manual start
            "plug stop                                 | true   | 16    | CANCELLED             | false | -",
            "plug stop start                           | true   | 16    | CANCELLED             | false | OP_NOT_POSSIBLE",
            "plug stop unplug plug                     | false  | 16    | -                     | false | -",
            "stop                                      | false  | 16    | -                     | false | OP_NOT_POSSIBLE",
            "plug start                                | false  | 16    | -                     | false | OP_NOT_POSSIBLE",
            "manual plug                               | true   | 16    | MANUAL_START_REQUIRED | false | -",
            "manual plug start                         | false  | 16    | -                     | false | -",
            "manual plug start start                   | false  | 16    | -                     | false | OP_NOT_POSSIBLE",
            "manual start                              | false  | 16    | -                     | false | OP_NOT_POSSIBLE",
            "manual plug start unplug plug             | true   | 16    | MANUAL_START_REQUIRED | false | -",
            "plug stop int1                            | true   | 16    | INTERRUPTION          | true  | -",
            "plug stop int1 int0                       | true   | 16    | CANCELLED             | false | -",
    })
    void decides(String steps, boolean paused, double limit, String overlay, boolean interrupted, String faults) {
        boolean manual = steps.contains("manual");
        PointControl control = new PointControl(new PointControl.Limits(6, 16, manual), 16, steps.contains("dlm"));
        List<String> raised = new ArrayList<>();
        for (String step : steps.trim().split("\\s+")) {
            Optional<PointFault> fault = apply(control, step);
            fault.ifPresent(f -> raised.add(f.name()));
        }
        ControlDecision decision = control.decide();
        assertEquals(paused, decision.paused(), "paused");
        assertEquals(limit, decision.currentLimitAmpere(), 1e-9, "limit");
        assertEquals(overlay, decision.overlay() == null ? "-" : decision.overlay().name(), "overlay");
        assertEquals(interrupted, decision.interrupted(), "interruption state");
        assertEquals(faults, raised.isEmpty() ? "-" : String.join(" ", raised), "info faults");
    }

    private static Optional<PointFault> apply(PointControl control, String step) {
        if (step.startsWith("sp=")) {
            return control.setpoint(Double.parseDouble(step.substring(3)));
        }
        if (step.startsWith("alloc=")) {
            control.loadShare(LoadShare.of(Double.parseDouble(step.substring(6))));
            return Optional.empty();
        }
        switch (step) {
            case "plug" -> control.vehicle(true);
            case "unplug" -> control.vehicle(false);
            case "start" -> { return control.startStop(true); }
            case "stop" -> { return control.startStop(false); }
            case "int1" -> control.interruption(true);
            case "int0" -> control.interruption(false);
            case "grid0" -> control.gridControl(true, 0);
            case "grid6" -> control.gridControl(true, 6);
            case "gridoff" -> control.gridControl(false, 0);
            case "dlmoff" -> control.loadShare(LoadShare.OFF);
            case "dlm", "manual" -> { }
            default -> throw new IllegalArgumentException(step);
        }
        return Optional.empty();
    }
}
