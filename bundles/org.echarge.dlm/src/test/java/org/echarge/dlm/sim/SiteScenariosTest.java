package org.echarge.dlm.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped scenarios against their targets: delivered energy at least 98 % of the oracle, and
 * time above the fuse rating only right after a step of the non-charging load. Prints the scores.
 */
class SiteScenariosTest {

    static final List<String> SCENARIOS = List.of("1-house-one-car", "2-three-cars-cooker-heat-pump",
            "3-prioritised-car", "4-minimums-do-not-fit", "5-meter-goes-silent", "6-mixed-phases-unbalanced",
            "7-noisy-house-stale-polls");

    static Stream<String> scenarios() {
        return SCENARIOS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void meetsTargets(String name) throws IOException {
        Scenario scenario = load(name);
        SiteSimulator.Result dlm = SiteSimulator.run(scenario, false);
        SiteSimulator.Result oracle = SiteSimulator.run(scenario, true);
        System.out.println(Scores.format(dlm, oracle));
        double ratio = dlm.deliveredWh() / oracle.deliveredWh();
        assertTrue(ratio >= 0.98, name + ": delivered " + Math.round(ratio * 1000) / 10.0 + " % of the oracle");
        for (int p = 0; p < 3; p++) {
            assertEquals(0, dlm.unexplainedSecondsAbove()[p], name + ": seconds above the fuse on L" + (p + 1)
                    + " that no load step explains");
        }
        assertTrue(dlm.priorityHeld(), name + ": priority rule");
    }

    static Scenario load(String name) throws IOException {
        try (InputStream in = SiteScenariosTest.class.getResourceAsStream("/scenarios/" + name + ".json")) {
            return SiteSimulator.read(in);
        }
    }
}
