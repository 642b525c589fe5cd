package org.echarge.dlm.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.echarge.api.Phase;
import org.echarge.api.PhaseValues;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.DlmStatus.Mode;
import org.echarge.api.dlm.MeterSettings.Measurement;
import org.echarge.api.point.LoadShare;

/**
 * The DLM control loop without threads or I/O: inputs (meter values, point changes, high power
 * devices) update its picture of the site, and {@link #step(Instant)} says which points get a
 * new share and when it wants to be stepped again. Time is passed in, so tests and the site
 * simulator run it in simulated time. Not thread-safe.
 *
 * <p>Dynamics: reductions at once; increases in ramp steps, and only once every vehicle that was
 * lowered has followed (measured, or after its response time), so that current never moves from
 * one point to another in a single step. Points that draw less than they are given, or on fewer
 * phases than they are wired for, are learned so that the rest goes to the others.
 */
public final class LoadController {

    private static final double EPS = 1e-6;
    /**
     * Increases smaller than this wait (fewer setpoint changes), unless they reach the maximum or
     * the point has not been raised for a while.
     */
    private static final double INCREASE_DEADBAND = 0.5;
    private static final double RESOLUTION = 0.1;

    /** A lowered vehicle has followed when it draws at most this much above its new setpoint. */
    private static final double FOLLOW_TOLERANCE = 0.5;
    /** Reductions smaller than this do not hold back increases elsewhere. */
    private static final double SMALL_REDUCTION = 1.0;
    /** Learning: how long a vehicle must show that it draws less, or on fewer phases. */
    private static final Duration EVIDENCE = Duration.ofSeconds(60);
    /** Learning: a learned limit is dropped this often to see whether the vehicle takes more now. */
    private static final Duration PROBE = Duration.ofMinutes(10);
    /**
     * The non-charging load counts as the highest worked out within this window: it rises at once
     * and falls only when the peak has passed. A house load that flickers by an ampere or two
     * (fridges, pumps, dimmers), vehicles that wander around their setpoint and polls that lag the
     * meter would otherwise lower and raise every share every second or two.
     */
    static final Duration NON_CHARGING_HOLD = Duration.ofSeconds(20);
    private static final double IDLE_PHASE_AMPERE = 1.0;
    private static final double UNUSED_MARGIN_AMPERE = 2.0;

    /** Faults DLM raises, with their details ({@code null}: not present). */
    public record Faults(String meterTimeout, String overCurrent, String invalidCurrent) {
    }

    /**
     * @param shares the points whose share changed since the last step
     * @param next when to step again at the latest (inputs may come earlier)
     */
    public record Output(Map<Integer, LoadShare> shares, Instant next, DlmStatus status, Faults faults) {
    }

    private static final class Track {
        PointInput input;
        double target;
        double commanded;
        LoadShare sent;
        String invalid;
        boolean hadMeasurement;
        Instant lastIncrease = Instant.MIN;
        Instant loweredAt;
        double loweredTo;
        /** While a lowered vehicle has not followed, it may still draw this much. */
        double loweredFrom;
        Instant runningSince;
        Instant waitingSince;
        Instant stoppedAt;
        int learnedPhases;
        Instant fewerPhasesSince;
        double learnedMax = Double.NaN;
        Instant learnedMaxAt;
        Instant drawsLessSince;
        Instant idleSince;
        boolean idle;
        /** An idle vehicle is offered current again at this time. */
        Instant offerAgainAt;
        /** Ampere-seconds drawn since the vehicle came (highest phase), for fair turns. */
        double charged;
        Instant chargedAt;
    }

    private final DlmSettings settings;
    private final Instant started;
    private final Map<Integer, Track> points = new TreeMap<>();
    private final double[] meterAmpere = {Double.NaN, Double.NaN, Double.NaN};
    private final Instant[] meterAt = new Instant[3];
    /** Per phase: the non-charging load, worked out when that phase's meter value arrived. */
    private final double[] nonChargingAmpere = {Double.NaN, Double.NaN, Double.NaN};
    /** Per phase: the estimates of the hold window that may still count, in time order, falling. */
    private final List<Deque<Estimate>> nonChargingRecent = List.of(new ArrayDeque<>(), new ArrayDeque<>(),
            new ArrayDeque<>());
    private final boolean[] meterFresh = new boolean[3];
    private Instant lastSignOfLife;
    private boolean meterSaysOutOfOperation;
    private Instant lastReading;
    private Instant settleUntil = Instant.MIN;

    public LoadController(DlmSettings settings, Instant now) {
        this.settings = settings;
        this.started = now;
    }

    public DlmSettings settings() {
        return settings;
    }

    /** Objects 10-12, in A or W as configured. */
    public void meterValue(Instant now, Phase phase, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("smart meter value " + value + " on " + phase + " is not a number");
        }
        boolean current = settings.meter().measurement() == Measurement.CURRENT;
        if (current && value < 0) {
            throw new IllegalArgumentException("smart meter current " + value + " A on " + phase + " is negative");
        }
        if (settings.meter().phases() == 1 && phase != Phase.L1) {
            throw new IllegalArgumentException("a 1-phase smart meter sends L1 only, not " + phase);
        }
        int p = phase.ordinal();
        meterAmpere[p] = current ? value : value / settings.phaseVoltage();
        meterAt[p] = now;
        meterFresh[p] = true;
        lastReading = now;
    }

    /** Object 20. */
    public void inOperation(Instant now, boolean inOperation) {
        meterSaysOutOfOperation = !inOperation;
        if (inOperation) {
            lastSignOfLife = now;
            lastReading = now;
        }
    }

    /** Object 13 = 1: every point to its minimum at once; a new report restarts the settling time. */
    public void highPowerDevices(Instant now) {
        settleUntil = now.plus(settings.settling());
    }

    public void point(PointInput input) {
        Track track = points.computeIfAbsent(input.number(), n -> new Track());
        track.input = input;
    }

    /** A point (re)appeared: tell it its share at the next step even if nothing changed. */
    public void resend(int number) {
        Track track = points.get(number);
        if (track != null) {
            track.sent = null;
        }
    }

    public void removePoint(int number) {
        points.remove(number);
    }

    public Output step(Instant now) {
        for (Track track : points.values()) {
            learn(track, now);
            track.invalid = plausibility(track);
            account(track, now);
        }
        String timeout = meterTimeout(now);
        // a 3-phase meter sends L1, L2 and L3 in telegrams of their own: until each has arrived
        // once, the spare current of the others is unknown, and the minimums are all one can give
        boolean noReadingYet = false;
        for (int p = 0; p < settings.meter().phases(); p++) {
            noReadingYet |= Double.isNaN(meterAmpere[p]);
        }
        Mode mode = timeout != null || noReadingYet ? Mode.EMERGENCY
                : now.isBefore(settleUntil) ? Mode.SETTLING : Mode.NORMAL;
        boolean onePhase = settings.meter().phases() == 1;
        double[] draw = new double[3];
        for (Track track : points.values()) {
            double[] d = drawOf(track, onePhase);
            for (int p = 0; p < 3; p++) {
                draw[p] += d[p];
            }
        }
        // The non-charging load is worked out when a meter value arrives, from the draws known
        // then, and held until the next one: the house did not change because a vehicle did.
        double[] available = new double[3];
        for (int p = 0; p < 3; p++) {
            boolean measuredPhase = !onePhase || p == 0;
            if (meterFresh[p] && measuredPhase) {
                nonChargingAmpere[p] = heldNonCharging(p, now, Math.max(0, meterAmpere[p] - draw[p]));
            }
            meterFresh[p] = false;
            available[p] = measuredPhase ? settings.limitAmpere() - nonChargingAmpere[p] : Double.MAX_VALUE / 4;
        }
        double[] nonCharging = nonChargingAmpere.clone();
        for (Track track : points.values()) {
            track.target = 0;
        }
        List<Track> wanting = new ArrayList<>();
        for (Track track : points.values()) {
            boolean restartDelay = track.stoppedAt != null && now.isBefore(track.stoppedAt.plus(settings.restartDelay()));
            if (track.input.wantsCurrent() && track.invalid == null && !restartDelay && !track.idle) {
                wanting.add(track);
            }
        }
        String overCurrent = null;
        switch (mode) {
            case EMERGENCY -> wanting.forEach(track -> track.target = track.input.minAmpere());
            default -> {
                wanting.sort(rotationOrder(now));
                List<Demand> demands = new ArrayList<>(wanting.size());
                for (Track track : wanting) {
                    double max = Double.isNaN(track.learnedMax) ? track.input.maxAmpere()
                            : Math.max(track.input.minAmpere(), Math.min(track.input.maxAmpere(), track.learnedMax));
                    int phases = onePhase ? Demand.L1 : track.learnedPhases != 0 ? track.learnedPhases
                            : track.input.phases();
                    demands.add(new Demand(track.input.number(), track.input.minAmpere(), max, phases,
                            track.commanded > 0));
                }
                Allocator.Result result = Allocator.allocate(available, demands, settings.prioritised(),
                        settings.strategy(), settings.hysteresisAmpere());
                for (int i = 0; i < wanting.size(); i++) {
                    Track track = wanting.get(i);
                    track.target = result.ampere()[i];
                    if (mode == Mode.SETTLING) {
                        // every point that may charge at its minimum; no one starts until it settled
                        track.target = track.commanded > 0 ? Math.min(track.target, track.input.minAmpere()) : 0;
                    }
                }
                if (result.overCurrent()) {
                    overCurrent = overCurrentDetail(available, wanting, onePhase);
                }
            }
        }
        Map<Integer, LoadShare> changed = new LinkedHashMap<>();
        applyReductions(now, overCurrent != null);
        boolean followed = points.values().stream().allMatch(track -> followed(track, now));
        if (followed && mode != Mode.SETTLING) {
            applyIncreases(now);
        }
        String invalid = null;
        for (Track track : points.values()) {
            trackTurns(track, now);
            LoadShare share = track.invalid != null ? LoadShare.excluded(track.invalid) : LoadShare.of(track.commanded);
            if (!share.equals(track.sent)) {
                changed.put(track.input.number(), share);
                track.sent = share;
            }
            if (track.invalid != null) {
                invalid = (invalid == null ? "" : invalid + "; ") + "point " + track.input.number() + ": "
                        + track.invalid;
            }
        }
        Instant next = next(now, mode, followed, overCurrent != null);
        DlmStatus status = new DlmStatus(mode, onePhase
                ? new PhaseValues(settings.limitAmpere(), Double.NaN, Double.NaN, settings.limitAmpere())
                : PhaseValues.of(settings.limitAmpere(), settings.limitAmpere(), settings.limitAmpere()),
                values(meterAmpere), values(nonCharging), lastReading, overCurrent != null, shares(onePhase), List.of());
        return new Output(changed, next, status, new Faults(timeout, overCurrent, invalid));
    }

    private void applyReductions(Instant now, boolean shortage) {
        for (Track track : points.values()) {
            if (track.target < track.commanded - EPS) {
                if (track.commanded - track.target >= SMALL_REDUCTION) {
                    track.loweredFrom = track.loweredAt == null ? track.commanded
                            : Math.max(track.loweredFrom, track.commanded);
                    track.loweredAt = now;
                    track.loweredTo = track.target;
                }
                if (track.target == 0 && track.input.wantsCurrent() && shortage) {
                    track.stoppedAt = now;
                }
                track.commanded = track.target;
            }
        }
    }

    private void applyIncreases(Instant now) {
        for (Track track : points.values()) {
            double gap = track.target - track.commanded;
            if (gap <= EPS) {
                continue;
            }
            if (track.commanded == 0) {
                track.commanded = Math.max(track.input.minAmpere(), Math.min(track.target, settings.rampStepAmpere()));
                track.lastIncrease = now;
            } else if (!now.isBefore(track.lastIncrease.plus(settings.rampInterval()))
                    && (gap >= INCREASE_DEADBAND || track.target >= track.input.maxAmpere() - EPS
                            || (gap >= RESOLUTION && !now.isBefore(track.lastIncrease.plus(EVIDENCE))))) {
                track.commanded = Math.min(track.target, track.commanded + settings.rampStepAmpere());
                track.lastIncrease = now;
            }
        }
    }

    /** A lowered vehicle has followed once it draws no more than its new setpoint, or after its response time. */
    private boolean followed(Track track, Instant now) {
        if (track.loweredAt == null) {
            return true;
        }
        boolean measuredDown = track.input.measured() && track.input.highestDraw() <= track.loweredTo + FOLLOW_TOLERANCE;
        boolean timeUp = !now.isBefore(track.loweredAt.plus(settings.response()));
        if (measuredDown || timeUp || !track.input.charging()) {
            track.loweredAt = null;
            return true;
        }
        return false;
    }

    private void trackTurns(Track track, Instant now) {
        if (!track.input.wantsCurrent()) {
            track.runningSince = null;
            track.waitingSince = null;
            track.stoppedAt = null;
        } else if (track.commanded > 0) {
            if (track.runningSince == null) {
                track.runningSince = now;
            }
            track.waitingSince = null;
        } else {
            track.runningSince = null;
            if (track.waitingSince == null) {
                track.waitingSince = now;
            }
        }
    }

    /**
     * Who gets a minimum first when not all fit: those still within their slice, then everyone
     * else by how much they have charged since they came (least first, so a newcomer goes first
     * and a vehicle whose slice is over yields to one that is clearly behind).
     */
    private Comparator<Track> rotationOrder(Instant now) {
        return Comparator.<Track>comparingInt(track -> {
            boolean inSlice = track.runningSince != null && now.isBefore(track.runningSince.plus(settings.slice()));
            return inSlice ? 0 : 1;
        }).thenComparingDouble(track -> {
            // a running vehicle keeps its turn until a waiting one is clearly behind (half a slice
            // at the minimum), so that turns do not change back and forth between equals
            double margin = track.runningSince == null ? 0 : track.input.minAmpere() * settings.slice().toSeconds() / 2.0;
            return track.charged - margin;
        }).thenComparingInt(track -> track.input.number());
    }

    private void account(Track track, Instant now) {
        if (!track.input.wantsCurrent()) {
            track.charged = 0;
        } else if (track.chargedAt != null && track.input.charging()) {
            double ampere = track.input.measured() ? track.input.highestDraw() : track.commanded;
            track.charged += ampere * Duration.between(track.chargedAt, now).toMillis() / 1000.0;
        }
        track.chargedAt = now;
    }

    /** Learns the phases a vehicle really uses and the current it really takes. */
    private void learn(Track track, Instant now) {
        PointInput input = track.input;
        if (!input.wantsCurrent()) {
            track.learnedPhases = 0;
            track.fewerPhasesSince = null;
            track.learnedMax = Double.NaN;
            track.drawsLessSince = null;
            track.idleSince = null;
            track.idle = false;
            return;
        }
        // a vehicle given current that takes none (full, or waiting for its own timer) is done for
        // now: its share goes to the others, and it is offered its minimum again every PROBE
        if (input.measured() && input.highestDraw() >= IDLE_PHASE_AMPERE) {
            track.idle = false;
            track.idleSince = null;
        } else if (track.idle && !now.isBefore(track.offerAgainAt)) {
            track.idle = false;
            track.idleSince = null;
        } else if (!track.idle && input.measured() && track.commanded > 0 && track.loweredAt == null) {
            if (track.idleSince == null) {
                track.idleSince = now;
            } else if (!now.isBefore(track.idleSince.plus(EVIDENCE))) {
                track.idle = true;
                track.offerAgainAt = now.plus(PROBE);
            }
        }
        if (!input.measured()) {
            track.fewerPhasesSince = null;
            track.drawsLessSince = null;
            return;
        }
        if (input.charging()) {
            learnPhases(track, now);
        } else {
            track.fewerPhasesSince = null;
        }
        learnMaximum(track, now);
    }

    /** A vehicle that charges on fewer phases than the point has loads only those. */
    private void learnPhases(Track track, Instant now) {
        PointInput input = track.input;
        double[] draw = input.drawAmpere();
        int active = 0;
        for (int p = 0; p < 3; p++) {
            if ((input.phases() & (1 << p)) != 0 && draw[p] >= IDLE_PHASE_AMPERE) {
                active |= 1 << p;
            }
        }
        if (track.learnedPhases != 0 && (active & ~track.learnedPhases) != 0) {
            track.learnedPhases = 0; // it uses a phase it did not before: count all at once
        }
        boolean fewer = active != 0 && active != input.phases() && input.highestDraw() >= input.minAmpere() / 2;
        if (fewer && track.learnedPhases == 0) {
            if (track.fewerPhasesSince == null) {
                track.fewerPhasesSince = now;
            } else if (!now.isBefore(track.fewerPhasesSince.plus(EVIDENCE))) {
                track.learnedPhases = active;
            }
        } else if (!fewer) {
            track.fewerPhasesSince = null;
        }
    }

    /** A vehicle that takes clearly less than it is given (full, or its own limit) is given what it takes. */
    private void learnMaximum(Track track, Instant now) {
        PointInput input = track.input;
        if (!Double.isNaN(track.learnedMax)) {
            boolean wantsMore = input.highestDraw() >= track.learnedMax - IDLE_PHASE_AMPERE;
            if (wantsMore || !now.isBefore(track.learnedMaxAt.plus(PROBE))) {
                track.learnedMax = Double.NaN;
                track.drawsLessSince = null;
            }
            return;
        }
        boolean drawsLess = track.commanded > input.minAmpere() + UNUSED_MARGIN_AMPERE
                && input.highestDraw() < track.commanded - UNUSED_MARGIN_AMPERE
                && (track.loweredAt == null);
        if (!drawsLess) {
            track.drawsLessSince = null;
        } else if (track.drawsLessSince == null) {
            track.drawsLessSince = now;
        } else if (!now.isBefore(track.drawsLessSince.plus(EVIDENCE))
                && !now.isBefore(track.lastIncrease.plus(EVIDENCE))) {
            track.learnedMax = input.highestDraw() + UNUSED_MARGIN_AMPERE;
            track.learnedMaxAt = now;
        }
    }

    private static String plausibility(Track track) {
        PointInput input = track.input;
        if (!input.measured()) {
            return track.hadMeasurement && input.charging() ? "the point sends no current values any more" : null;
        }
        track.hadMeasurement = true;
        double farAbove = input.maxAmpere() * 1.25 + 2;
        for (int p = 0; p < 3; p++) {
            double a = input.drawAmpere()[p];
            if (!Double.isFinite(a)) {
                return "current on L" + (p + 1) + " is not a number";
            }
            if (a < -0.5) {
                return "negative current " + a + " A on L" + (p + 1);
            }
            if (a > farAbove) {
                return "current " + a + " A on L" + (p + 1) + " is far above the maximum of " + input.maxAmpere() + " A";
            }
        }
        return null;
    }

    /** The highest estimate of the hold window, {@code estimate} included. */
    private double heldNonCharging(int phase, Instant now, double estimate) {
        // a sliding-window maximum: an estimate that a newer, higher one outlives can never count
        // again, so the deque stays falling and its head is the maximum (a meter sending 1000
        // values a second would otherwise mean 20 000 comparisons per value)
        Deque<Estimate> recent = nonChargingRecent.get(phase);
        while (!recent.isEmpty() && recent.peekLast().ampere() <= estimate) {
            recent.removeLast();
        }
        recent.addLast(new Estimate(now, estimate));
        Instant oldest = now.minus(NON_CHARGING_HOLD);
        while (recent.peekFirst().at().isBefore(oldest)) {
            recent.removeFirst();
        }
        return recent.peekFirst().ampere();
    }

    private record Estimate(Instant at, double ampere) {
    }

    /** What the point draws per building phase: measured, else its setpoint while it charges. */
    private static double[] drawOf(Track track, boolean onePhase) {
        PointInput input = track.input;
        double[] draw = new double[3];
        if (input.measured()) {
            if (track.invalid != null) {
                return draw; // unknown: it shows up in the non-charging load, which is the safe side
            }
            for (int p = 0; p < 3; p++) {
                draw[onePhase ? 0 : p] += Math.max(0, input.drawAmpere()[p]);
            }
        } else if (input.charging()) {
            double assumed = track.loweredAt != null ? track.loweredFrom : track.commanded;
            for (int p = 0; p < 3; p++) {
                if ((input.phases() & (1 << p)) != 0) {
                    draw[onePhase ? 0 : p] += assumed;
                }
            }
            if (onePhase && input.phases() == Demand.ALL_PHASES) {
                draw[0] = assumed;
            }
        }
        return draw;
    }

    private String meterTimeout(Instant now) {
        Duration interval = settings.meter().interval();
        if (settings.meter().inOperation()) {
            if (meterSaysOutOfOperation) {
                return "the smart meter reports that it is not in operation (object 20 = 0)";
            }
            Instant since = lastSignOfLife == null ? started : lastSignOfLife;
            return now.isAfter(since.plus(interval)) ? "no \"in operation\" telegram (object 20) for "
                    + Duration.between(since, now).toSeconds() + " s" : null;
        }
        int phases = settings.meter().phases();
        for (int p = 0; p < phases; p++) {
            Instant since = meterAt[p] == null ? started : meterAt[p];
            if (now.isAfter(since.plus(interval))) {
                return "no smart meter value for L" + (p + 1) + " (object " + (10 + p) + ") for "
                        + Duration.between(since, now).toSeconds() + " s";
            }
        }
        return null;
    }

    private String overCurrentDetail(double[] available, List<Track> wanting, boolean onePhase) {
        double[] minimums = new double[3];
        for (Track track : wanting) {
            int phases = onePhase ? Demand.L1 : track.input.phases();
            for (int p = 0; p < 3; p++) {
                if ((phases & (1 << p)) != 0) {
                    minimums[p] += track.input.minAmpere();
                }
            }
        }
        StringBuilder detail = new StringBuilder("the minimum currents do not fit:");
        for (int p = 0; p < (onePhase ? 1 : 3); p++) {
            detail.append(String.format(" L%d %.1f of %.1f A", p + 1, minimums[p], Math.max(0, available[p])));
        }
        long waiting = wanting.stream().filter(track -> track.target == 0).count();
        return detail.append(String.format("; %d vehicle(s) waiting (%s)", waiting,
                settings.strategy() == Strategy.ROTATE ? "taking turns" : "all interrupted")).toString();
    }

    private Instant next(Instant now, Mode mode, boolean followed, boolean shortage) {
        Instant next = now.plus(settings.meter().interval()); // the meter check
        Map<String, Instant> candidates = new HashMap<>();
        if (mode == Mode.SETTLING) {
            candidates.put("settled", settleUntil);
        }
        for (Track track : points.values()) {
            if (track.loweredAt != null) {
                candidates.put("follow " + track.input.number(), track.loweredAt.plus(settings.response()));
            }
            if (followed && track.target > track.commanded + EPS) {
                candidates.put("ramp " + track.input.number(), track.lastIncrease.plus(settings.rampInterval()));
            }
            if (track.stoppedAt != null) {
                Instant restart = track.stoppedAt.plus(settings.restartDelay());
                if (restart.isAfter(now)) {
                    candidates.put("restart " + track.input.number(), restart);
                }
            }
            if (shortage && track.runningSince != null) {
                candidates.put("slice " + track.input.number(), track.runningSince.plus(settings.slice()));
            }
            if (track.fewerPhasesSince != null && track.learnedPhases == 0) {
                candidates.put("phases " + track.input.number(), track.fewerPhasesSince.plus(EVIDENCE));
            }
            if (track.idleSince != null && !track.idle) {
                candidates.put("idle " + track.input.number(), track.idleSince.plus(EVIDENCE));
            }
            if (track.idle) {
                candidates.put("offer " + track.input.number(), track.offerAgainAt);
            }
            if (track.drawsLessSince != null) {
                candidates.put("less " + track.input.number(), track.drawsLessSince.plus(EVIDENCE));
            }
        }
        for (Instant at : candidates.values()) {
            Instant due = at.isAfter(now) ? at : now.plusMillis(1);
            if (due.isBefore(next)) {
                next = due;
            }
        }
        return next;
    }

    private List<DlmStatus.PointShare> shares(boolean onePhase) {
        List<DlmStatus.PointShare> shares = new ArrayList<>();
        for (Track track : points.values()) {
            double[] draw = drawOf(track, onePhase);
            String reason = track.invalid != null ? track.invalid
                    : !track.input.wantsCurrent() ? "no vehicle wants current"
                    : track.idle ? "the vehicle takes no current; offered again at " + track.offerAgainAt
                    : track.target == 0 && track.stoppedAt != null ? "stopped for lack of current, waiting"
                    : track.target == 0 ? "waiting for current"
                    : track.target - track.commanded >= INCREASE_DEADBAND ? "ramping up" : "";
            shares.add(new DlmStatus.PointShare(track.input.number(), track.input.wantsCurrent(), track.target,
                    track.commanded, PhaseValues.of(draw[0], draw[1], draw[2]), reason));
        }
        return shares;
    }

    private static PhaseValues values(double[] perPhase) {
        return PhaseValues.of(perPhase[0], perPhase[1], perPhase[2]);
    }
}
