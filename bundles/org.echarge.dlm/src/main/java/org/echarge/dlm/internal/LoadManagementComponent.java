package org.echarge.dlm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.echarge.api.Phase;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.PointStatusListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DLM as a service (PID {@code org.echarge.dlm}): runs the {@link LoadController} on one thread,
 * stepped at once by every meter value and high power report, shortly after point changes (which
 * arrive in bursts, one per polled point), and at the times the controller asks for. Off by
 * default: then every point charges at its own setpoint.
 */
@Component(configurationPid = LoadManagementComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {LoadManagement.class, PointStatusListener.class}, immediate = true)
@Designate(ocd = LoadManagementConfig.class)
public final class LoadManagementComponent implements LoadManagement, PointStatusListener {

    static final String PID = "org.echarge.dlm";
    private static final Logger LOG = LoggerFactory.getLogger(LoadManagementComponent.class);
    /** Point changes arrive one per polled point: gather them for this long before stepping. */
    private static final long POINT_GATHER_MILLIS = 20;

    private final Map<Integer, ChargingPoint> points = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = newLoop();
    private final AtomicBoolean stepQueued = new AtomicBoolean();
    private final Clock clock;
    private volatile GatewayFaults faults;
    private volatile DlmSettings settings;
    private volatile LoadController controller;
    private volatile DlmStatus status = DlmStatus.OFF;
    private volatile List<String> problems = List.of();
    private ScheduledFuture<?> timer;
    private LoadController.Faults raised = new LoadController.Faults(null, null, null);
    private final Map<Integer, Double> lastShares = new java.util.HashMap<>();

    /**
     * One thread. Every step cancels the timer of the step before; cancelled timers leave the queue at
     * once, else a meter sending often would fill it with them for up to the monitoring interval.
     */
    private static ScheduledExecutorService newLoop() {
        ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "echarge-dlm");
            thread.setDaemon(true);
            return thread;
        });
        loop.setRemoveOnCancelPolicy(true);
        return loop;
    }

    @Activate
    public LoadManagementComponent(LoadManagementConfig config) {
        this.clock = Clock.systemUTC();
        apply(config);
    }

    @Modified
    void modified(LoadManagementConfig config) {
        apply(config);
    }

    /** A valid configuration replaces the running one as a whole; an invalid one changes nothing. */
    private void apply(LoadManagementConfig config) {
        DlmSettings next;
        try {
            next = DlmSettings.of(config);
        } catch (IllegalArgumentException e) {
            if (settings == null) {
                LOG.error("DLM configuration refused, DLM stays off until it is corrected: {}", e.getMessage());
                next = null;
            } else {
                LOG.error("DLM configuration refused, the previous one stays in force: {}", e.getMessage());
                return;
            }
        }
        DlmSettings applied = next;
        loop.execute(() -> {
            settings = applied;
            controller = applied != null && applied.enabled() ? new LoadController(applied, clock.instant()) : null;
            LOG.info("DLM {}", controller == null ? "off"
                    : String.format("on: fuse %.1f A, reserve %.1f A, meter %d-phase %s, prioritised point %s, %s",
                            applied.fuseAmpere(), applied.reserveAmpere(), applied.meter().phases(),
                            applied.meter().datapoint().id(),
                            applied.prioritised() == 0 ? "none" : applied.prioritised(), applied.strategy()));
            if (controller == null) {
                points.values().forEach(point -> point.loadShare(LoadShare.OFF));
                status = DlmStatus.OFF;
                clearFaults();
            }
            step();
        });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFaults(GatewayFaults service) {
        faults = service;
    }

    void unbindFaults(GatewayFaults service) {
        if (faults == service) {
            faults = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPoint(ChargingPoint point) {
        points.put(point.number(), point);
        submit(() -> {
            LoadController running = controller;
            if (running == null) {
                point.loadShare(LoadShare.OFF);
            } else {
                running.resend(point.number());
            }
            step();
        });
    }

    void unbindPoint(ChargingPoint point) {
        if (points.remove(point.number(), point)) {
            submit(() -> {
                LoadController running = controller;
                if (running != null) {
                    running.removePoint(point.number());
                }
                step();
            });
        }
    }

    @Override
    public void statusChanged(PointStatus changed) {
        if (controller != null && stepQueued.compareAndSet(false, true)) {
            try {
                loop.schedule(this::queuedStep, POINT_GATHER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                stepQueued.set(false);
            }
        }
    }

    @Override
    public MeterSettings meterSettings() {
        DlmSettings current = settings;
        return current == null ? DlmSettings.defaults(35).meter() : current.meter();
    }

    @Override
    public void meterValue(Phase phase, double value) {
        LoadController running = controller;
        if (running == null) {
            return;
        }
        Instant now = clock.instant();
        // checked here so that the caller learns of a bad value at once
        if (!Double.isFinite(value) || (running.settings().meter().measurement() == MeterSettings.Measurement.CURRENT
                && value < 0)) {
            throw new IllegalArgumentException("smart meter value " + value + " on " + phase + " is out of range");
        }
        submit(() -> {
            if (controller == running) {
                running.meterValue(now, phase, value);
                step();
            }
        });
    }

    @Override
    public void highPowerDevices(boolean on) {
        if (!on) {
            return;
        }
        Instant now = clock.instant();
        submit(() -> {
            LoadController running = controller;
            if (running != null) {
                LOG.info("DLM: a high power-consuming device reports, every point at its minimum for {} s",
                        running.settings().settling().toSeconds());
                running.highPowerDevices(now);
                step();
            }
        });
    }

    @Override
    public void meterInOperation(boolean inOperation) {
        Instant now = clock.instant();
        submit(() -> {
            LoadController running = controller;
            if (running != null) {
                running.inOperation(now, inOperation);
                step();
            }
        });
    }

    @Override
    public DlmStatus status() {
        return status;
    }

    /** Tasks waiting on the loop (steps, timers). */
    int queuedTasks() {
        return ((ScheduledThreadPoolExecutor) loop).getQueue().size();
    }

    @Deactivate
    void deactivate() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (controller != null) {
            // DLM goes away (update, stop) while on: hold every point at its minimum until it is back
            for (ChargingPoint point : points.values()) {
                PointConfiguration configuration = point.configuration();
                if (configuration != null) {
                    point.loadShare(LoadShare.of(configuration.minCurrentAmpere()));
                }
            }
        }
        clearFaults();
    }

    private void submit(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("DLM is stopping; input dropped");
        }
    }

    private void queuedStep() {
        stepQueued.set(false);
        step();
    }

    /** On the loop thread only. */
    private void step() {
        LoadController running = controller;
        if (running == null) {
            return;
        }
        List<String> found = new ArrayList<>();
        double[] minimums = new double[3];
        for (ChargingPoint point : points.values()) {
            PointConfiguration configuration = point.configuration();
            if (configuration == null) {
                running.removePoint(point.number());
                continue;
            }
            PointInput input = PointInputs.of(configuration, point.status());
            running.point(input);
            for (int p = 0; p < 3; p++) {
                boolean loads = running.settings().meter().phases() == 1 ? p == 0 : (input.phases() & (1 << p)) != 0;
                minimums[p] += loads ? input.minAmpere() : 0;
            }
        }
        for (int p = 0; p < running.settings().meter().phases(); p++) {
            if (minimums[p] > running.settings().limitAmpere()) {
                found.add(String.format("the minimum currents of all points (%.1f A on L%d) exceed the limit of "
                        + "%.1f A (fuse minus reserve): not every vehicle can charge at once", minimums[p], p + 1,
                        running.settings().limitAmpere()));
            }
        }
        int prioritised = running.settings().prioritised();
        if (prioritised != 0 && !points.containsKey(prioritised)) {
            found.add("the prioritised point " + prioritised + " is not configured");
        }
        if (!found.equals(problems)) {
            found.forEach(problem -> LOG.warn("DLM: {}", problem));
            problems = List.copyOf(found);
        }
        LoadController.Output output = running.step(clock.instant());
        output.shares().forEach((number, share) -> {
            ChargingPoint point = points.get(number);
            if (point != null) {
                point.loadShare(share);
            }
            logStartStop(number, share, output.status());
        });
        status = output.status().withProblems(problems);
        report(output.faults());
        if (timer != null) {
            timer.cancel(false);
        }
        long delay = Math.max(1, Duration.between(clock.instant(), output.next()).toMillis());
        timer = loop.schedule(this::step, delay, TimeUnit.MILLISECONDS);
    }

    /** Starts and stops under DLM are worth a line in the log; ramp steps are not. */
    private void logStartStop(int number, LoadShare share, DlmStatus now) {
        Double before = lastShares.put(number, share.currentAmpere());
        boolean was = before != null && before > 0;
        boolean is = share.currentAmpere() > 0;
        if (is && !was) {
            LOG.info("DLM: point {} may charge, at {} A", number, share.currentAmpere());
        } else if (was && !is && share.invalidCurrent() == null) {
            String reason = now.points().stream().filter(p -> p.number() == number).map(DlmStatus.PointShare::reason)
                    .findFirst().orElse("");
            LOG.info("DLM: point {} stops{}", number, reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    private void report(LoadController.Faults now) {
        GatewayFaults target = faults;
        if (target == null) {
            return;
        }
        report(target, GeneralFault.SMART_METER_TIMEOUT, raised.meterTimeout(), now.meterTimeout());
        report(target, GeneralFault.OVER_CURRENT, raised.overCurrent(), now.overCurrent());
        report(target, GeneralFault.DLM_INVALID_CURRENT, raised.invalidCurrent(), now.invalidCurrent());
        raised = now;
    }

    private static void report(GatewayFaults target, GeneralFault fault, String before, String now) {
        if (now != null && !now.equals(before)) {
            if (before == null) {
                LOG.warn("DLM: {}: {}", fault.code(), now);
            }
            target.raise(fault, now);
        } else if (now == null && before != null) {
            LOG.info("DLM: {} is over", fault.code());
            target.clear(fault);
        }
    }

    private void clearFaults() {
        GatewayFaults target = faults;
        if (target != null) {
            report(new LoadController.Faults(null, null, null));
        }
    }
}
