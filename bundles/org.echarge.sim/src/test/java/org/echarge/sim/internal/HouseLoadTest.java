package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HouseLoadTest {

    private static final Instant START = Instant.parse("2026-01-01T18:00:00Z");

    @Test
    void appliancesComeAndGoAndAddTheirCurrent() {
        HouseLoad house = new HouseLoad(7, new double[] {2, 1.5, 1}, 1, START);
        Map<String, Integer> switchedOn = new HashMap<>();
        Map<String, Integer> secondsOn = new HashMap<>();
        for (int t = 0; t < 4 * 3600; t++) {
            List<HouseLoad.Appliance> on = house.advance(START.plusSeconds(t));
            on.forEach(a -> switchedOn.merge(a.name(), 1, Integer::sum));
            double[] ampere = house.ampere();
            double[] expected = {2, 1.5, 1};
            for (HouseLoad.Appliance appliance : HouseLoad.APPLIANCES) {
                if (house.isOn(appliance.name())) {
                    secondsOn.merge(appliance.name(), 1, Integer::sum);
                    for (int p = 0; p < 3; p++) {
                        expected[p] += appliance.ampere()[p];
                    }
                }
            }
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[p], ampere[p], 0.3 + 1e-9, "phase " + (p + 1) + " at " + t + " s");
            }
        }
        for (HouseLoad.Appliance appliance : HouseLoad.APPLIANCES) {
            int cycles = switchedOn.getOrDefault(appliance.name(), 0);
            double expectedCycles = 4 * 3600.0 / (appliance.meanOn().toSeconds() + appliance.meanOff().toSeconds());
            assertTrue(cycles > expectedCycles / 2 && cycles < expectedCycles * 2,
                    appliance.name() + " switched on " + cycles + " times, about " + expectedCycles + " expected");
            double share = secondsOn.get(appliance.name()) / (4 * 3600.0);
            double expectedShare = appliance.meanOn().toSeconds()
                    / (double) (appliance.meanOn().toSeconds() + appliance.meanOff().toSeconds());
            assertEquals(expectedShare, share, 0.15, appliance.name() + " share of time on");
        }
    }

    @Test
    void sameSeedSameEvening() {
        HouseLoad a = new HouseLoad(3, new double[] {1, 1, 1}, 1, START);
        HouseLoad b = new HouseLoad(3, new double[] {1, 1, 1}, 1, START);
        for (int t = 0; t < 3600; t += 7) {
            assertEquals(a.advance(START.plusSeconds(t)), b.advance(START.plusSeconds(t)));
            assertArrayEquals(a.ampere(), b.ampere(), 1e-12);
        }
    }

    @Test
    void scaleZeroLeavesTheBaseLoad() {
        HouseLoad house = new HouseLoad(7, new double[] {4, 4, 4}, 0, START);
        house.advance(START.plus(Duration.ofHours(2)));
        for (double a : house.ampere()) {
            assertEquals(4, a, 0.3 + 1e-9);
        }
    }
}
