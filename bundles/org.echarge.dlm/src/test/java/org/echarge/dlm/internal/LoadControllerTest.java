package org.echarge.dlm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.echarge.api.Phase;
import org.echarge.api.dlm.DlmStatus.Mode;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.point.LoadShare;
import org.junit.jupiter.api.Test;

/** The control loop in simulated time: ramping, lower before raise, settling, timeout, rotation. */
class LoadControllerTest {

    private Instant now = Instant.parse("2026-03-01T12:00:00Z");
    private final DlmSettings settings = DlmSettings.defaults(35); // limit 35 A, ramp 2 A / 5 s, response 10 s
    private final LoadController controller = new LoadController(settings, now);
    private final Map<Integer, Double> shares = new java.util.HashMap<>();
    private LoadController.Output last;

    private void meter(double l1, double l2, double l3) {
        controller.meterValue(now, Phase.L1, l1);
        controller.meterValue(now, Phase.L2, l2);
        controller.meterValue(now, Phase.L3, l3);
    }

    private void point(int number, boolean wants, double draw) {
        controller.point(new PointInput(number, 6, 32, Demand.ALL_PHASES, wants, draw > 0.5,
                new double[] {draw, draw, draw}));
    }

    private void step() {
        last = controller.step(now);
        for (Map.Entry<Integer, LoadShare> e : last.shares().entrySet()) {
            shares.put(e.getKey(), e.getValue().currentAmpere());
        }
    }

    private void advance(int seconds) {
        now = now.plusSeconds(seconds);
    }

    /** Point 1 alone with 5 A of house load, ramped up to its share; its vehicle draws what it is given. */
    private void rampUpAlone() {
        meter(5, 5, 5);
        point(1, true, 0);
        step();
        for (int i = 0; i < 15; i++) {
            advance(5);
            point(1, true, shares.get(1));
            meter(5 + shares.get(1), 5 + shares.get(1), 5 + shares.get(1));
            step();
        }
    }

    @Test
    void withoutReadingsEveryPointGetsItsMinimum() {
        point(1, true, 0);
        step();
        assertEquals(Mode.EMERGENCY, last.status().mode());
        assertEquals(6, shares.get(1));
        assertNull(last.faults().meterTimeout(), "no fault within the first interval");
        advance(61);
        step();
        assertNotNull(last.faults().meterTimeout());
    }

    @Test
    void untilEveryPhaseHasAReadingPointsKeepTheirMinimumWithoutOverCurrent() {
        point(1, true, 0);
        point(2, true, 0);
        controller.meterValue(now, Phase.L1, 5); // L2 and L3 follow in their own telegrams
        step();
        assertEquals(Mode.EMERGENCY, last.status().mode());
        assertNull(last.faults().overCurrent());
        assertEquals(6, shares.get(1));
        assertEquals(6, shares.get(2));
        controller.meterValue(now, Phase.L2, 5);
        controller.meterValue(now, Phase.L3, 5);
        step();
        assertEquals(Mode.NORMAL, last.status().mode());
        assertNull(last.faults().overCurrent());
    }

    @Test
    void startsAtTheMinimumAndRampsInSteps() {
        meter(5, 5, 5);
        point(1, true, 0);
        step();
        assertEquals(6, shares.get(1));
        assertTrue(last.next().isAfter(now) && !last.next().isAfter(now.plusSeconds(5)), "wants to ramp");
        double before = shares.get(1);
        for (int i = 0; i < 20; i++) {
            advance(5);
            point(1, true, shares.get(1) * 0.95);
            meter(5 + shares.get(1) * 0.95, 5 + shares.get(1) * 0.95, 5 + shares.get(1) * 0.95);
            step();
            assertTrue(shares.get(1) - before <= 2 + 1e-9, "ramp step at most 2 A");
            before = shares.get(1);
        }
        assertEquals(30, shares.get(1), 0.11, "limit 35 A minus 5 A house load");
    }

    @Test
    void reductionsApplyAtOnce() {
        rampUpAlone();
        assertEquals(30, shares.get(1), 0.11);
        advance(1);
        meter(25 + 30, 5 + 30, 5 + 30); // the cooker: +20 A on L1
        step();
        assertEquals(10, shares.get(1), 0.11, "down at once to what L1 leaves");
    }

    @Test
    void aFlickeringHouseLoadDoesNotMoveTheShareUpAndDownButARiseCountsAtOnce() {
        rampUpAlone();
        assertEquals(30, shares.get(1), 0.11);
        advance(1);
        meter(7 + 28.5, 5 + 28.5, 5 + 28.5); // the fridge starts: +2 A on L1
        point(1, true, 28.5);
        step();
        double afterPeak = shares.get(1);
        assertEquals(28, afterPeak, 0.11, "lowered at once");
        for (int i = 0; i < 20; i++) { // flicker between the two for 20 s
            advance(1);
            double house = i % 2 == 0 ? 5 : 7;
            meter(house + afterPeak * 0.95, 5 + afterPeak * 0.95, 5 + afterPeak * 0.95);
            point(1, true, afterPeak * 0.95);
            step();
            assertEquals(afterPeak, shares.get(1), 1e-9, "no raise on a dip within the hold time, second " + i);
        }
        advance(1);
        meter(10 + afterPeak * 0.95, 5 + afterPeak * 0.95, 5 + afterPeak * 0.95); // the kettle: a new peak
        step();
        assertEquals(25, shares.get(1), 0.11, "a higher load lowers the share at once");
        advance((int) LoadController.NON_CHARGING_HOLD.toSeconds() + 1);
        for (int i = 0; i < 8; i++) { // the load stays low: the share comes back once the peak is past
            meter(5 + shares.get(1) * 0.95, 5 + shares.get(1) * 0.95, 5 + shares.get(1) * 0.95);
            point(1, true, shares.get(1) * 0.95);
            step();
            advance(5);
        }
        assertEquals(30, shares.get(1), 0.11);
    }

    @Test
    void lowersBeforeRaising() {
        rampUpAlone();
        assertEquals(30, shares.get(1), 0.11);
        // a second vehicle arrives: point 1 is lowered at once, point 2 waits until point 1 followed
        advance(1);
        point(2, true, 0);
        step();
        assertEquals(15, shares.get(1), 0.11, "shared evenly with the newcomer");
        assertEquals(0, shares.getOrDefault(2, 0.0), "the newcomer waits while point 1 still draws 30 A");
        advance(3);
        point(1, true, 30); // not followed yet
        step();
        assertEquals(0, shares.getOrDefault(2, 0.0));
        advance(2);
        point(1, true, 15 * 0.95); // followed
        meter(5 + 14.25, 5 + 14.25, 5 + 14.25);
        step();
        assertEquals(6, shares.get(2), "starts at its minimum once point 1 followed");
    }

    @Test
    void unmeasuredVehicleIsGivenItsResponseTime() {
        meter(5, 5, 5);
        controller.point(new PointInput(1, 6, 32, Demand.ALL_PHASES, true, true, null));
        step();
        for (int i = 0; i < 15; i++) {
            advance(5);
            meter(5 + shares.get(1), 5 + shares.get(1), 5 + shares.get(1));
            step();
        }
        double high = shares.get(1);
        advance(1);
        point(2, true, 0);
        step();
        assertTrue(shares.get(1) < high);
        assertEquals(0, shares.getOrDefault(2, 0.0));
        advance(9);
        step();
        assertEquals(0, shares.getOrDefault(2, 0.0), "9 s: within the 10 s response time");
        advance(1);
        step();
        assertEquals(6, shares.get(2), "after the response time");
    }

    @Test
    void highPowerDeviceHoldsEveryoneAtTheMinimumUntilSettled() {
        rampUpAlone();
        controller.highPowerDevices(now);
        step();
        assertEquals(Mode.SETTLING, last.status().mode());
        assertEquals(6, shares.get(1));
        advance(40);
        controller.highPowerDevices(now); // a new report restarts the settling time
        point(1, true, 6);
        meter(11, 11, 11);
        step();
        advance(59);
        step();
        assertEquals(6, shares.get(1), "59 s after the second report");
        advance(2);
        meter(11, 11, 11);
        step();
        assertEquals(Mode.NORMAL, last.status().mode());
        assertEquals(8, shares.get(1), "ramps up again");
    }

    @Test
    void meterTimeoutGoesToEmergencyAndBack() {
        meter(5, 5, 5);
        point(1, true, 0);
        step();
        advance(61);
        step();
        assertEquals(Mode.EMERGENCY, last.status().mode());
        assertNotNull(last.faults().meterTimeout());
        assertEquals(6, shares.get(1));
        meter(5, 5, 5);
        step();
        assertEquals(Mode.NORMAL, last.status().mode());
        assertNull(last.faults().meterTimeout());
    }

    @Test
    void implausibleCurrentsLeaveThePointOut() {
        meter(5, 5, 5);
        controller.point(new PointInput(1, 6, 32, Demand.ALL_PHASES, true, true, new double[] {-3, 0, 0}));
        point(2, true, 0);
        LoadController.Output out = controller.step(now);
        assertEquals(LoadShare.excluded("negative current -3.0 A on L1"), out.shares().get(1));
        assertNotNull(out.faults().invalidCurrent());
        controller.point(new PointInput(1, 6, 32, Demand.ALL_PHASES, true, true, new double[] {90, 90, 90}));
        assertTrue(controller.step(now).faults().invalidCurrent().contains("far above"));
    }

    @Test
    void minimumsThatDoNotFitTakeTurns() {
        DlmSettings tight = new DlmSettings(true, 20, 2, 0, settings.meter(), 230, Strategy.ROTATE,
                Duration.ofMinutes(15), 2, Duration.ofSeconds(5), 1, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(60));
        LoadController rotating = new LoadController(tight, now);
        rotating.meterValue(now, Phase.L1, 5);
        rotating.meterValue(now, Phase.L2, 5);
        rotating.meterValue(now, Phase.L3, 5);
        for (int n = 1; n <= 3; n++) {
            rotating.point(new PointInput(n, 6, 16, Demand.ALL_PHASES, true, false, new double[3]));
        }
        Map<Integer, Double> turn = new java.util.HashMap<>();
        LoadController.Output out = rotating.step(now);
        out.shares().forEach((n, share) -> turn.put(n, share.currentAmpere()));
        assertNotNull(out.faults().overCurrent());
        assertEquals(Map.of(1, 6.0, 2, 6.0, 3, 0.0), turn);
        // point 1 and 2 charge; after the slice, point 3 takes the place of the one that charged most
        rotating.point(new PointInput(1, 6, 16, Demand.ALL_PHASES, true, true, new double[] {6, 6, 6}));
        rotating.point(new PointInput(2, 6, 16, Demand.ALL_PHASES, true, true, new double[] {5, 5, 5}));
        for (Phase phase : Phase.values()) {
            rotating.meterValue(now.plusSeconds(1), phase, 5 + 6 + 5);
        }
        rotating.step(now.plusSeconds(1)).shares().forEach((n, share) -> turn.put(n, share.currentAmpere()));
        now = now.plus(Duration.ofMinutes(15)).plusSeconds(2);
        for (Phase phase : Phase.values()) {
            rotating.meterValue(now, phase, 5 + 6 + 5);
        }
        rotating.step(now).shares().forEach((n, share) -> turn.put(n, share.currentAmpere()));
        assertEquals(0, turn.get(1), "charged most, yields");
        assertEquals(0, turn.get(3), "waits until point 1 stopped");
        rotating.point(new PointInput(1, 6, 16, Demand.ALL_PHASES, true, false, new double[3]));
        for (Phase phase : Phase.values()) {
            rotating.meterValue(now.plusSeconds(1), phase, 5 + 5);
        }
        rotating.step(now.plusSeconds(1)).shares().forEach((n, share) -> turn.put(n, share.currentAmpere()));
        assertEquals(6, turn.get(3), "the waiting one starts once point 1 stopped");
        assertEquals(6.5, turn.get(2), "the rest shared");
    }

    @Test
    void inOperationMonitoringKeepsOldValuesAliveAndTimesOutWithoutIt() {
        MeterSettings meter = new MeterSettings(true, 3, MeterSettings.MeterDatapoint.DPT_14_019, true,
                Duration.ofSeconds(60));
        LoadController monitored = new LoadController(withMeter(meter), now);
        for (Phase phase : Phase.values()) {
            monitored.meterValue(now, phase, 5);
        }
        monitored.point(new PointInput(1, 6, 32, Demand.ALL_PHASES, true, false, new double[3]));
        for (int i = 1; i <= 5; i++) {
            monitored.inOperation(now.plusSeconds(50L * i), true); // values only on change: none come
            assertEquals(Mode.NORMAL, monitored.step(now.plusSeconds(50L * i)).status().mode(), "after " + 50 * i + " s");
        }
        LoadController.Output silent = monitored.step(now.plusSeconds(250 + 61));
        assertEquals(Mode.EMERGENCY, silent.status().mode());
        assertTrue(silent.faults().meterTimeout().contains("object 20"));
        monitored.inOperation(now.plusSeconds(320), true);
        assertEquals(Mode.NORMAL, monitored.step(now.plusSeconds(320)).status().mode());
        monitored.inOperation(now.plusSeconds(330), false);
        assertTrue(monitored.step(now.plusSeconds(330)).faults().meterTimeout().contains("not in operation"));
    }

    @Test
    void onePhasePowerMeterIsConvertedWithThePhaseVoltage() {
        MeterSettings meter = new MeterSettings(true, 1, MeterSettings.MeterDatapoint.DPT_14_056, false,
                Duration.ofSeconds(60));
        LoadController onePhase = new LoadController(withMeter(meter), now);
        onePhase.meterValue(now, Phase.L1, 2300); // 10 A at 230 V
        onePhase.point(new PointInput(1, 6, 32, 1 << 1, true, false, new double[3])); // a point wired to L2
        LoadController.Output out = onePhase.step(now);
        assertEquals(10, out.status().meterAmpere().l1(), 1e-9);
        assertEquals(10, out.status().nonChargingAmpere().l1(), 1e-9);
        assertEquals(6, out.shares().get(1).currentAmpere(), "starts at its minimum");
        assertThrows(IllegalArgumentException.class, () -> onePhase.meterValue(now, Phase.L2, 100));
        // on a 1-phase site every point loads the one phase: 35 A - 10 A leaves 25 A
        LoadController.Output later = null;
        for (int i = 1; i <= 20; i++) {
            later = onePhase.step(now.plusSeconds(2L * i));
        }
        assertEquals(25, later.status().points().get(0).targetAmpere(), 1e-9);
    }

    private DlmSettings withMeter(MeterSettings meter) {
        return new DlmSettings(true, 35, 0, 0, meter, 230, Strategy.ROTATE, Duration.ofMinutes(15), 2,
                Duration.ofSeconds(2), 1, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    @Test
    void refusesBadMeterValues() {
        assertThrows(IllegalArgumentException.class, () -> controller.meterValue(now, Phase.L1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> controller.meterValue(now, Phase.L1, -1));
    }
}
