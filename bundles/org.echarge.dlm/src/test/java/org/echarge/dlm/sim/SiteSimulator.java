package org.echarge.dlm.sim;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echarge.api.Phase;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.dlm.MeterSettings.MeterDatapoint;
import org.echarge.api.point.LoadShare;
import org.echarge.dlm.internal.Allocator;
import org.echarge.dlm.internal.Demand;
import org.echarge.dlm.internal.DlmSettings;
import org.echarge.dlm.internal.LoadController;
import org.echarge.dlm.internal.PointInput;
import org.echarge.dlm.internal.Strategy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the real {@link LoadController} (and through it the {@link Allocator}) in simulated time
 * against a modelled site: a meter that sends what the line really carries, vehicles that follow
 * a new setpoint after their own delay and draw about 95 % of it, house load over time. The same
 * site also runs under an oracle that knows everything at once (the true load, each vehicle's
 * maximum and phases and remaining energy) and applies the same rules without delay: the
 * distribution rule, emergency mode while the meter is silent, minimums while a high power device
 * settles.
 */
public final class SiteSimulator {

    /** Seconds of delay we allow on top of the vehicle's response: point poll and meter telegram. */
    private static final int REACTION_SLACK_SECONDS = 2;
    private static final boolean TRACE = System.getenv("DLM_SIM_TRACE") != null;

    public record VehicleResult(String name, double wantedWh, double deliveredWh) {

        public double unmetWh() {
            return Math.max(0, wantedWh - deliveredWh);
        }
    }

    /**
     * @param unexplainedSecondsAbove per phase, seconds above the fuse rating that do not follow a
     *     step of the non-charging load within the response time of the vehicles present
     */
    public record Result(String scenario, boolean oracle, List<VehicleResult> vehicles, double[] secondsAbove,
            double[] ampereSecondsAbove, double largestOvershootAmpere, double[] unexplainedSecondsAbove,
            int setpointChanges, boolean priorityHeld, double fairness) {

        public double deliveredWh() {
            return vehicles.stream().mapToDouble(VehicleResult::deliveredWh).sum();
        }
    }

    public static Scenario read(InputStream json) throws IOException {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(json, Scenario.class);
    }

    private static final class VehicleState {
        final Scenario.Vehicle spec;
        double remainingWh;
        double[] draw = new double[3];
        /** What it draws this second: {@code draw}, wandering under jitter. */
        double[] drawNow = new double[3];
        final Deque<double[]> pending = new ArrayDeque<>(); // {due second, target A}
        double lastTarget = -1;

        VehicleState(Scenario.Vehicle spec) {
            this.spec = spec;
            this.remainingWh = spec.energyWh();
        }
    }

    private final Scenario scenario;
    private final boolean oracle;
    private final Instant start = Instant.parse("2026-01-05T06:00:00Z");
    private final double voltage;
    private final Map<Integer, Scenario.Point> points = new HashMap<>();
    private final Map<Integer, VehicleState> present = new HashMap<>();
    private final Map<Scenario.Vehicle, VehicleState> states = new HashMap<>();
    private final Map<Integer, Double> share = new HashMap<>();
    private final Map<Integer, PointInput> lastInputs = new HashMap<>();
    private LoadController controller;
    private Instant nextStep;
    private int setpointChanges;
    private int priorityViolations;
    private final double[] lastLoad = new double[3];
    private final int[] lastLoadStep = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};

    private SiteSimulator(Scenario scenario, boolean oracle) {
        this.scenario = scenario;
        this.oracle = oracle;
        this.voltage = scenario.site().phaseVoltage() == null ? 230 : scenario.site().phaseVoltage();
        scenario.points().forEach(point -> points.put(point.number(), point));
        scenario.vehicles().forEach(vehicle -> states.put(vehicle, new VehicleState(vehicle)));
    }

    public static Result run(Scenario scenario, boolean oracle) {
        return new SiteSimulator(scenario, oracle).run();
    }

    static DlmSettings settings(Scenario scenario) {
        Scenario.Site site = scenario.site();
        MeterDatapoint datapoint = scenario.meter().measurement().equals("power") ? MeterDatapoint.DPT_14_056
                : MeterDatapoint.DPT_14_019;
        DlmSettings defaults = DlmSettings.defaults(site.fuseAmpere());
        int interval = site.monitoringIntervalSeconds() == null ? 60 : site.monitoringIntervalSeconds();
        return new DlmSettings(true, site.fuseAmpere(), site.reserveAmpere(),
                site.prioritisedPoint() == null ? 0 : site.prioritisedPoint(),
                new MeterSettings(true, scenario.meter().phases(), datapoint, false, Duration.ofSeconds(interval)),
                site.phaseVoltage() == null ? 230 : site.phaseVoltage(),
                "interrupt-all".equals(site.strategy()) ? Strategy.INTERRUPT_ALL : Strategy.ROTATE,
                site.sliceSeconds() == null ? defaults.slice() : Duration.ofSeconds(site.sliceSeconds()),
                defaults.rampStepAmpere(), defaults.rampInterval(), defaults.hysteresisAmpere(),
                defaults.restartDelay(), defaults.response(),
                site.settlingSeconds() == null ? defaults.settling() : Duration.ofSeconds(site.settlingSeconds()));
    }

    private Result run() {
        DlmSettings settings = settings(scenario);
        controller = new LoadController(settings, start);
        nextStep = start;
        double[] secondsAbove = new double[3];
        double[] ampereSeconds = new double[3];
        double[] unexplained = new double[3];
        double largest = 0;
        double[] lastSent = {Double.NaN, Double.NaN, Double.NaN};
        int lastSentAt = Integer.MIN_VALUE / 2;
        int dt = scenario.stepSeconds();
        for (int t = 0; t < scenario.durationSeconds(); t += dt) {
            Instant now = start.plusSeconds(t);
            double[] steps = loadAt(t);
            double[] load = new double[3];
            // the oracle knows the flicker's reach, and a controller that keeps the fuse cannot use it
            double[] oracleLoad = new double[3];
            for (int p = 0; p < 3; p++) {
                load[p] = Math.max(0, steps[p] + scenario.jitter().houseAmpere() * noise(t, p));
                oracleLoad[p] = steps[p] + scenario.jitter().houseAmpere();
            }
            for (int p = 0; p < 3; p++) {
                if (load[p] > lastLoad[p] + Math.max(0.01, 2 * scenario.jitter().houseAmpere())) {
                    lastLoadStep[p] = t;
                }
                lastLoad[p] = load[p];
            }
            arrivals(t);
            double gridAmpere = gridControl(t);
            if (oracle) {
                oracleShares(oracleLoad, gridAmpere, meterSilent(t), settling(t));
            }
            for (Map.Entry<Integer, VehicleState> entry : present.entrySet()) {
                follow(entry.getValue(), points.get(entry.getKey()), signalled(entry.getKey(), gridAmpere), t);
            }
            double[] line = load.clone();
            for (VehicleState vehicle : present.values()) {
                double energy = 0;
                for (int p = 0; p < 3; p++) {
                    line[p] += vehicle.drawNow[p];
                    energy += vehicle.drawNow[p] * voltage * dt / 3600.0;
                }
                vehicle.remainingWh = Math.max(0, vehicle.remainingWh - energy);
            }
            if (TRACE && t % 60 == 0) {
                System.out.printf("%s t=%d load %s line %s shares %s%n", oracle ? "O" : "D", t, Arrays.toString(load),
                        Arrays.toString(round(line)), share);
            }
            int slowest = present.values().stream().mapToInt(v -> v.spec.responseSeconds()).max().orElse(0);
            int meterDelay = scenario.meter().sendOnChange() ? dt : scenario.meter().sendIntervalSeconds();
            for (int p = 0; p < 3; p++) {
                double over = line[p] - scenario.site().fuseAmpere();
                if (over > 1e-6) {
                    secondsAbove[p] += dt;
                    ampereSeconds[p] += over * dt;
                    largest = Math.max(largest, over);
                    if (t - lastLoadStep[p] > slowest + meterDelay + REACTION_SLACK_SECONDS) {
                        unexplained[p] += dt;
                        if (TRACE) {
                            System.out.printf("t=%d L%d line %.1f load %.1f shares %s draws %s%n", t, p + 1, line[p],
                                    load[p], share, present.entrySet().stream().map(e -> e.getKey() + "="
                                            + Arrays.toString(e.getValue().drawNow)).toList());
                        }
                    }
                }
            }
            if (oracle) {
                continue;
            }
            int second = t;
            boolean outage = scenario.meterOutages().stream().anyMatch(o -> second >= o.from() && second < o.to());
            boolean send = !outage && (t - lastSentAt >= scenario.meter().sendIntervalSeconds()
                    || (scenario.meter().sendOnChange() && changed(line, lastSent)));
            if (send) {
                lastSentAt = t;
                for (int p = 0; p < scenario.meter().phases(); p++) {
                    lastSent[p] = line[p];
                    double value = scenario.meter().measurement().equals("power") ? line[p] * voltage : line[p];
                    controller.meterValue(now, Phase.values()[p], value);
                }
            }
            Integer pollSeconds = scenario.jitter().pollSeconds();
            boolean changedPoints = (pollSeconds == null || t % pollSeconds == 0) && pollPoints(gridAmpere);
            if (scenario.highPowerEvents().contains(t)) {
                controller.highPowerDevices(now);
            }
            if (send || changedPoints || scenario.highPowerEvents().contains(t) || !now.isBefore(nextStep)) {
                step(now);
            }
        }
        List<VehicleResult> vehicles = new ArrayList<>();
        for (Scenario.Vehicle vehicle : scenario.vehicles()) {
            VehicleState state = states.get(vehicle);
            vehicles.add(new VehicleResult(vehicle.name(), vehicle.energyWh(), vehicle.energyWh() - state.remainingWh));
        }
        return new Result(scenario.name(), oracle, vehicles, secondsAbove, ampereSeconds, largest, unexplained,
                setpointChanges, priorityViolations == 0, fairness(vehicles));
    }

    private void step(Instant now) {
        LoadController.Output output = controller.step(now);
        nextStep = output.next();
        for (Map.Entry<Integer, LoadShare> entry : output.shares().entrySet()) {
            Double before = share.put(entry.getKey(), entry.getValue().currentAmpere());
            if (before == null || before != entry.getValue().currentAmpere()) {
                setpointChanges++;
            }
        }
        int prioritised = controller.settings().prioritised();
        var shares = output.status().points();
        shares.stream().filter(s -> s.number() == prioritised && s.wantsCurrent()).findFirst().ifPresent(prio -> {
            VehicleState vehicle = present.get(prioritised);
            Scenario.Point point = points.get(prioritised);
            double effectiveMax = Math.min(point.maxAmpere(), vehicle == null ? point.maxAmpere() : vehicle.spec.maxAmpere());
            if (prio.targetAmpere() > 0 && prio.targetAmpere() < effectiveMax - 2.1) {
                boolean otherAboveMin = shares.stream().anyMatch(other -> other.number() != prioritised
                        && shareAPhase(other.number(), prioritised)
                        && other.targetAmpere() > points.get(other.number()).minAmpere() + 0.1);
                if (otherAboveMin) {
                    priorityViolations++;
                }
            }
        });
    }

    private boolean shareAPhase(int a, int b) {
        return scenario.meter().phases() == 1 || (mask(points.get(a)) & mask(points.get(b))) != 0;
    }

    /** The points as the charging point runtime would report them after a poll. */
    private boolean pollPoints(double gridAmpere) {
        boolean changed = false;
        for (Scenario.Point point : scenario.points()) {
            VehicleState vehicle = present.get(point.number());
            boolean gridPause = !Double.isNaN(gridAmpere) && gridAmpere < point.minAmpere();
            double[] draw = vehicle == null ? new double[3] : vehicle.drawNow.clone();
            boolean charging = Arrays.stream(draw).sum() > 0.5;
            PointInput input = new PointInput(point.number(), point.minAmpere(), point.maxAmpere(), mask(point),
                    vehicle != null && !gridPause, charging,
                    point.metered() == null || point.metered() ? round(draw) : null);
            if (!input.equals(lastInputs.put(point.number(), input))) {
                changed = true;
            }
            controller.point(input);
        }
        return changed;
    }

    /** Measured values are reported in steps of 0.1 A, as most chargers do. */
    private static double[] round(double[] draw) {
        double[] rounded = new double[3];
        for (int p = 0; p < 3; p++) {
            rounded[p] = Math.round(draw[p] * 10) / 10.0;
        }
        return rounded;
    }

    /** What the charger signals to the vehicle: the share, under grid-supporting control. */
    private double signalled(int number, double gridAmpere) {
        Scenario.Point point = points.get(number);
        double allowed = share.getOrDefault(number, 0.0);
        if (allowed <= 0 || allowed < point.minAmpere()) {
            return 0;
        }
        if (!Double.isNaN(gridAmpere)) {
            if (gridAmpere < point.minAmpere()) {
                return 0;
            }
            allowed = Math.min(allowed, Math.max(gridAmpere, point.minAmpere()));
        }
        return Math.min(allowed, point.maxAmpere());
    }

    /** The vehicle takes the new setpoint after its response time (at once under the oracle). */
    private void follow(VehicleState vehicle, Scenario.Point point, double signalled, int t) {
        double factor = vehicle.spec.drawFactor() == null ? 0.95 : vehicle.spec.drawFactor();
        double target = vehicle.remainingWh > 0 ? factor * Math.min(signalled, vehicle.spec.maxAmpere()) : 0;
        if (oracle) {
            vehicle.draw = spread(target, vehicleMask(vehicle, point));
            vehicle.drawNow = vehicle.draw;
            return;
        }
        if (target != vehicle.lastTarget) {
            vehicle.pending.add(new double[] {t + vehicle.spec.responseSeconds(), target});
            vehicle.lastTarget = target;
        }
        while (!vehicle.pending.isEmpty() && vehicle.pending.peek()[0] <= t) {
            vehicle.draw = spread(vehicle.pending.poll()[1], vehicleMask(vehicle, point));
        }
        if (vehicle.remainingWh <= 0) {
            vehicle.draw = new double[3];
        }
        vehicle.drawNow = vehicle.draw;
        if (vehicle.remainingWh > 0 && scenario.jitter().vehicleAmpere() > 0) {
            int id = vehicle.spec.point() * 7;
            double[] wandering = vehicle.draw.clone();
            for (int p = 0; p < 3; p++) {
                if (wandering[p] > 0) {
                    wandering[p] = Math.max(0, wandering[p] + scenario.jitter().vehicleAmpere() * noise(t, id + p));
                }
            }
            vehicle.drawNow = wandering;
        }
    }

    /** Deterministic noise in [-1, 1] for second {@code t} and channel {@code c}: the same under the oracle. */
    private static double noise(int t, int c) {
        long h = (t * 0x9E3779B97F4A7C15L) ^ (c * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    /** The oracle: the same rule on the true load, each vehicle's true maximum and phases, no delay. */
    private void oracleShares(double[] load, double gridAmpere, boolean emergency, boolean settling) {
        List<Demand> demands = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>(present.keySet());
        // rotation by perfect knowledge: who has had least so far goes first
        numbers.sort((a, b) -> Double.compare(delivered(present.get(a)), delivered(present.get(b))));
        share.clear();
        for (int number : numbers) {
            VehicleState vehicle = present.get(number);
            Scenario.Point point = points.get(number);
            boolean gridPause = !Double.isNaN(gridAmpere) && gridAmpere < point.minAmpere();
            if (vehicle.remainingWh <= 0 || gridPause) {
                continue;
            }
            double max = Math.max(point.minAmpere(), Math.min(point.maxAmpere(), vehicle.spec.maxAmpere()));
            demands.add(new Demand(number, point.minAmpere(), max,
                    scenario.meter().phases() == 1 ? Demand.L1 : vehicleMask(vehicle, point), true));
        }
        double limit = scenario.site().fuseAmpere() - scenario.site().reserveAmpere();
        double[] available = new double[3];
        for (int p = 0; p < 3; p++) {
            available[p] = scenario.meter().phases() == 1 && p > 0 ? Double.MAX_VALUE / 4 : limit - load[p];
        }
        Allocator.Result result = Allocator.allocate(available, demands,
                controller.settings().prioritised(), controller.settings().strategy(), 0);
        for (int i = 0; i < demands.size(); i++) {
            // the same rule as DLM: without meter readings, every point at its minimum
            double ampere = result.ampere()[i];
            if (emergency || (settling && ampere > 0)) {
                ampere = demands.get(i).minAmpere();
            }
            share.put(demands.get(i).number(), ampere);
        }
    }

    /** Within the settling time after a high power device report (the same rule for the oracle). */
    private boolean settling(int t) {
        long settlingSeconds = controller.settings().settling().toSeconds();
        return scenario.highPowerEvents().stream().anyMatch(at -> t >= at && t < at + settlingSeconds);
    }

    /** The meter has been silent for longer than the monitoring interval (the oracle's emergency mode). */
    private boolean meterSilent(int t) {
        long interval = controller.settings().meter().interval().toSeconds();
        return scenario.meterOutages().stream().anyMatch(o -> t >= o.from() + interval && t < o.to());
    }

    private static double delivered(VehicleState vehicle) {
        return vehicle.spec.energyWh() - vehicle.remainingWh;
    }

    private void arrivals(int t) {
        for (Scenario.Vehicle vehicle : scenario.vehicles()) {
            if (t == vehicle.arrival() || (t > vehicle.arrival() && t - scenario.stepSeconds() < vehicle.arrival())) {
                present.put(vehicle.point(), states.get(vehicle));
            }
            if (t >= vehicle.departure() && present.get(vehicle.point()) == states.get(vehicle)) {
                present.remove(vehicle.point());
                if (!oracle) {
                    share.remove(vehicle.point());
                    share.put(vehicle.point(), 0.0);
                }
            }
        }
    }

    private double[] loadAt(int t) {
        double[] load = new double[3];
        for (Scenario.Load step : scenario.load()) {
            if (step.at() <= t) {
                load = step.ampere().clone();
            }
        }
        return load;
    }

    /** NaN when grid-supporting control is not active. */
    private double gridControl(int t) {
        return scenario.gridControl().stream().filter(g -> t >= g.from() && t < g.to())
                .mapToDouble(Scenario.GridControl::ampere).findFirst().orElse(Double.NaN);
    }

    private boolean changed(double[] line, double[] lastSent) {
        double threshold = scenario.meter().changeThresholdAmpere() == null ? 0.5
                : scenario.meter().changeThresholdAmpere();
        for (int p = 0; p < scenario.meter().phases(); p++) {
            if (Double.isNaN(lastSent[p]) || Math.abs(line[p] - lastSent[p]) > threshold) {
                return true;
            }
        }
        return false;
    }

    private static int mask(Scenario.Point point) {
        return point.phases() == 3 ? Demand.ALL_PHASES : 1 << (Integer.parseInt(point.phase().substring(1)) - 1);
    }

    /** A 1-phase vehicle on a 3-phase point draws on the point's first phase (L1 of the building). */
    private static int vehicleMask(VehicleState vehicle, Scenario.Point point) {
        if (point.phases() == 1) {
            return mask(point);
        }
        return vehicle.spec.phases() == 3 ? Demand.ALL_PHASES : Demand.L1;
    }

    private static double[] spread(double ampere, int mask) {
        double[] draw = new double[3];
        for (int p = 0; p < 3; p++) {
            if ((mask & (1 << p)) != 0) {
                draw[p] = ampere;
            }
        }
        return draw;
    }

    /** Jain's index of delivered/wanted over the vehicles (1 = perfectly fair). */
    private double fairness(List<VehicleResult> vehicles) {
        int prioritised = scenario.site().prioritisedPoint() == null ? 0 : scenario.site().prioritisedPoint();
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < vehicles.size(); i++) {
            if (scenario.vehicles().get(i).point() == prioritised) {
                continue;
            }
            double x = vehicles.get(i).deliveredWh() / vehicles.get(i).wantedWh();
            sum += x;
            squares += x * x;
            n++;
        }
        return n == 0 || squares == 0 ? 1 : sum * sum / (n * squares);
    }
}
