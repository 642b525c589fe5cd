package org.echarge.bench.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.knx.KnxDevice;
import org.echarge.api.knx.KnxState;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointConfiguration;
import org.echarge.knx.KnxValueException;
import org.echarge.knx.virtual.KnxParticipant;
import org.echarge.knx.virtual.VirtualKnx;
import org.echarge.sim.control.RegisterWriteListener;
import org.echarge.sim.control.SimulatedStationControl;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The KNX benchmark (README.md): this class is the smart meter on the gateway's virtual KNX network
 * and measures (a) meter telegram to the last new setpoint at the stations, (b) a sustained inbound
 * telegram rate, (c) the highest rate the gateway keeps up with.
 */
final class KnxBench {

    record Options(int telegrams, int rate, int seconds, int probeSeconds, String individualAddress,
            List<String> meterAddresses) {
    }

    /** One sustained run. */
    private record Sustained(int rate, long sent, double achievedRate, long maxBacklog, long backlogAtEnd,
            double firstThirdMean, double lastThirdMean, double drainMillis, double dlmCatchUpMillis, long refused,
            long heapStart, long heapEnd) {

        boolean keptUp() {
            return maxBacklog <= Math.max(1, rate / 10) && drainMillis >= 0 && drainMillis <= 1000
                    && dlmCatchUpMillis >= 0 && dlmCatchUpMillis <= 1000 && refused == 0;
        }

        boolean senderReached() {
            return achievedRate >= 0.95 * rate;
        }
    }

    private static final double STEP_AMPERE = 0.2;
    private static final double HOUSE_SWING_AMPERE = 5;
    private static final double HOUSE_SWING_SECONDS = 20;
    private static final double NOISE_AMPERE = 0.3;
    private static final int[] PROBE_RATES = {2000, 4000, 8000, 16000, 32000, 64000};

    private final VirtualKnx knx;
    private final LoadManagement dlm;
    private final KnxDevice device;
    private final BundleContext context;
    private final Options options;
    private final PrintStream out;
    private final List<ChargingPoint> points = new ArrayList<>();
    private final List<SimulatedStationControl> stations = new ArrayList<>();
    private String datapoint;
    private double limit;
    private double min;
    private double max;
    private KnxParticipant meter;
    private SetpointProbe probe;
    private ServiceRegistration<RegisterWriteListener> registration;

    KnxBench(VirtualKnx knx, LoadManagement dlm, KnxDevice device, BundleContext context, Options options,
            PrintStream out) {
        this.knx = knx;
        this.dlm = dlm;
        this.device = device;
        this.context = context;
        this.options = options;
        this.out = out;
    }

    void run() throws InterruptedException, KnxValueException {
        setUp();
        try {
            plugIn();
            latency();
            Sustained sustained = sustained(options.rate(), options.seconds());
            report(sustained);
            if (options.probeSeconds() > 0) {
                probeRates();
            }
        } finally {
            tearDown();
        }
    }

    private void setUp() {
        String network = knx.gatewayNetwork().orElseThrow(() -> new IllegalStateException(
                "the gateway's KNX binding is on no virtual network: etc/org.echarge.knx.cfg needs mode = VIRTUAL"));
        MeterSettings settings = dlm.meterSettings();
        if (!settings.dlmOn() || settings.phases() != 3
                || settings.measurement() != MeterSettings.Measurement.CURRENT) {
            throw new IllegalStateException("DLM must be on with a 3-phase smart meter that measures current "
                    + "(etc/org.echarge.dlm.cfg), not " + settings);
        }
        datapoint = settings.datapoint().id();
        stations.addAll(services(SimulatedStationControl.class));
        stations.sort(Comparator.comparing(SimulatedStationControl::serialNumber));
        points.addAll(services(ChargingPoint.class));
        points.sort(Comparator.comparingInt(ChargingPoint::number));
        if (stations.isEmpty() || stations.size() != points.size()) {
            throw new IllegalStateException("one simulated station per charging point is needed, not "
                    + stations.size() + " stations and " + points.size() + " points");
        }
        PointConfiguration first = points.get(0).configuration();
        for (ChargingPoint point : points) {
            PointConfiguration c = point.configuration();
            if (c == null || c.phases() != 3 || c.minCurrentAmpere() != first.minCurrentAmpere()
                    || c.maxCurrentAmpere() != first.maxCurrentAmpere()) {
                throw new IllegalStateException("every point must be 3-phase with the same minimum and maximum: " + c);
            }
        }
        min = Math.max(6, first.minCurrentAmpere());
        max = first.maxCurrentAmpere();
        limit = dlm.status().limitAmpere().l1();
        if (!(lowHouseLoad() >= 0)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "DLM's limit of %.1f A per phase must "
                    + "leave room for %d points at %.1f A", limit, points.size(), max));
        }
        int[] limits = stations.stream().mapToInt(SimulatedStationControl::currentLimitRegister).toArray();
        probe = new SetpointProbe(stations.stream().map(SimulatedStationControl::serialNumber).toList(), limits);
        registration = context.registerService(RegisterWriteListener.class, probe, null);
        meter = knx.join(network, "benchmark smart meter", options.individualAddress(), value -> { });
        out.printf(Locale.ROOT, "e-charge KNX benchmark: virtual KNX network \"%s\" (meter %s, objects 10-12 to %s in "
                + "DPT %s), %d stations and 3-phase points %.0f-%.0f A, DLM limit %.1f A per phase, %d cores%n",
                network, options.individualAddress(), String.join(", ", options.meterAddresses()), datapoint,
                points.size(), min, max, limit, Runtime.getRuntime().availableProcessors());
    }

    private void tearDown() {
        if (meter != null) {
            meter.close();
        }
        if (registration != null) {
            registration.unregister();
        }
        stations.forEach(SimulatedStationControl::unplug);
    }

    /** A vehicle at every station, charging at the maximum. */
    private void plugIn() throws InterruptedException, KnxValueException {
        long start = System.nanoTime();
        for (SimulatedStationControl station : stations) {
            station.plugIn(String.format(Locale.ROOT, "benchmark car, 3-phase %.0f A", max), max, 3, 500_000);
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        while (!(dlm.status().mode() == DlmStatus.Mode.NORMAL && probe.allAt(deciAmpere(max)))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the points did not reach their maximum within 120 s: " + dlm.status());
            }
            sendAll(lowHouseLoad());
            Thread.sleep(200);
        }
        out.printf(Locale.ROOT, "vehicles plugged in; every station at %.1f A after %.1f s%n", max,
                (System.nanoTime() - start) / 1e9);
    }

    /** (a): each telegram lowers every share by 0.2 A; after the minimum, one raises them again. */
    private void latency() throws InterruptedException, KnxValueException {
        int steps = (int) Math.floor((max - min - 0.1) / STEP_AMPERE);
        Samples samples = new Samples();
        int incomplete = 0;
        int unexpected = 0;
        int step = 0;
        long refreshed = System.nanoTime();
        for (int i = 0; i < options.telegrams(); i++) {
            if (step == steps) {
                raiseToMaximum();
                step = 0;
            }
            step++;
            // the share lands 0.05 A above a multiple of 0.1 A, so that DLM's rounding down is unambiguous
            double share = max - STEP_AMPERE * step;
            double house = limit - points.size() * (share + 0.05);
            double draw = draws()[0];
            long sent = probe.arm();
            meter.write(options.meterAddresses().get(0), datapoint, house + draw);
            long done = probe.awaitAll(Duration.ofSeconds(2));
            if (done < 0) {
                incomplete++;
            } else {
                samples.add(done - sent);
                unexpected += probe.allTook(deciAmpere(share)) ? 0 : 1;
            }
            if (System.nanoTime() - refreshed > TimeUnit.SECONDS.toNanos(5)) { // L2 and L3 for the monitoring
                double[] draws = draws();
                for (int p = 1; p < 3; p++) {
                    meter.write(options.meterAddresses().get(p), datapoint, lowHouseLoad() + draws[p]);
                }
                refreshed = System.nanoTime();
            }
            Thread.sleep(10);
        }
        out.printf(Locale.ROOT, "(a) smart meter telegram -> last of %d new setpoints taken by the stations over Modbus "
                + "TCP, %d telegrams (%d without all %d new setpoints within 2 s, %d with another value than the "
                + "share expected): %s; target p99 < 50 ms: %s%n", points.size(), options.telegrams(), incomplete,
                points.size(), unexpected, samples.summary(),
                samples.percentileMillis(99) < 50 && incomplete == 0 ? "met" : "NOT met");
    }

    private void raiseToMaximum() throws InterruptedException, KnxValueException {
        meter.write(options.meterAddresses().get(0), datapoint, lowHouseLoad() + draws()[0]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!probe.allAt(deciAmpere(max))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the shares did not go back to the maximum: " + dlm.status());
            }
            Thread.sleep(5);
        }
    }

    /** (b) and (c): objects 10, 11, 12 in turn at the rate, with a house load that swings. */
    private Sustained sustained(int rate, int seconds) throws InterruptedException, KnxValueException {
        long heapStart = heapAfterGc();
        KnxState before = device.state();
        long total = (long) rate * seconds;
        AtomicLong sent = new AtomicLong();
        List<Long> backlog = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> backlog.add(sent.get() - (device.state().receivedTelegrams()
                - before.receivedTelegrams())), 100, 100, TimeUnit.MILLISECONDS);
        Random noise = new Random(1);
        double middle = limit - points.size() * (min + max) / 2;
        double[] last = new double[3];
        double[] draws = draws();
        long drawsAt = System.nanoTime();
        long start = System.nanoTime();
        try {
            for (long i = 0; i < total; i++) {
                long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long now = System.nanoTime();
                if (now - drawsAt > 100_000_000L) {
                    draws = draws();
                    drawsAt = now;
                }
                int phase = (int) (i % 3);
                double house = middle + HOUSE_SWING_AMPERE * Math.sin(2 * Math.PI * (now - start) / 1e9
                        / HOUSE_SWING_SECONDS) + (noise.nextDouble() * 2 - 1) * NOISE_AMPERE;
                last[phase] = house + draws[phase];
                meter.write(options.meterAddresses().get(phase), datapoint, last[phase]);
                sent.incrementAndGet();
            }
        } finally {
            sampler.shutdownNow();
        }
        long end = System.nanoTime();
        long backlogAtEnd = total - (device.state().receivedTelegrams() - before.receivedTelegrams());
        double drained = waitMillis(end, () -> device.state().receivedTelegrams() - before.receivedTelegrams() >= total);
        double caughtUp = waitMillis(end, () -> dlmSaw(last));
        KnxState after = device.state();
        int third = Math.max(1, backlog.size() / 3);
        return new Sustained(rate, total, total / ((end - start) / 1e9),
                backlog.stream().mapToLong(Long::longValue).max().orElse(0), backlogAtEnd,
                backlog.subList(0, Math.min(third, backlog.size())).stream().mapToLong(Long::longValue).average()
                        .orElse(0),
                backlog.subList(Math.max(0, backlog.size() - third), backlog.size()).stream()
                        .mapToLong(Long::longValue).average().orElse(0),
                drained, caughtUp, after.refusedTelegrams() - before.refusedTelegrams(), heapStart, heapAfterGc());
    }

    private void report(Sustained s) {
        out.printf(Locale.ROOT, "(b) %d telegrams/s for %d s: sent %d at %.0f/s; backlog (sent - dealt with by the "
                + "binding, sampled every 100 ms) max %d, mean %.1f in the first third, %.1f in the last, %d when "
                + "sending ended; all dealt with %.0f ms after the last, DLM had the last values after %.0f ms; "
                + "%d refused -> %s%n", s.rate(), options.seconds(), s.sent(), s.achievedRate(), s.maxBacklog(),
                s.firstThirdMean(), s.lastThirdMean(), s.backlogAtEnd(), s.drainMillis(), s.dlmCatchUpMillis(),
                s.refused(), s.keptUp() && s.senderReached() ? "kept up" : "did NOT keep up");
        out.printf(Locale.ROOT, "    heap after full GC: %.1f MB before, %.1f MB after (%+.1f MB)%n", s.heapStart() / 1e6,
                s.heapEnd() / 1e6, (s.heapEnd() - s.heapStart()) / 1e6);
    }

    private void probeRates() throws InterruptedException, KnxValueException {
        int highest = options.rate();
        for (int rate : PROBE_RATES) {
            if (rate <= options.rate()) {
                continue;
            }
            Sustained s = sustained(rate, options.probeSeconds());
            out.printf(Locale.ROOT, "(c) %d/s for %d s: sent at %.0f/s, backlog max %d, dealt with %.0f ms and DLM %.0f "
                    + "ms after the last, %d refused, heap %+.1f MB -> %s%n", rate, options.probeSeconds(),
                    s.achievedRate(), s.maxBacklog(), s.drainMillis(), s.dlmCatchUpMillis(), s.refused(),
                    (s.heapEnd() - s.heapStart()) / 1e6, !s.senderReached() ? "the benchmark could not send faster"
                            : s.keptUp() ? "kept up" : "did NOT keep up");
            if (!s.senderReached() || !s.keptUp()) {
                break;
            }
            highest = rate;
        }
        out.printf(Locale.ROOT, "(c) highest rate kept up: %d telegrams/s%n", highest);
    }

    /** Sends objects 10-12 with this house load plus what the points draw. */
    private void sendAll(double house) throws KnxValueException {
        double[] draws = draws();
        for (int p = 0; p < 3; p++) {
            meter.write(options.meterAddresses().get(p), datapoint, house + draws[p]);
        }
    }

    /** A house load that leaves room for every point's maximum. */
    private double lowHouseLoad() {
        return limit - points.size() * max - 0.5;
    }

    /** What the points draw per phase, as the gateway last polled them (what DLM subtracts). */
    private double[] draws() {
        double[] sum = new double[3];
        for (ChargingPoint point : points) {
            ChargerSnapshot snapshot = point.status().snapshot();
            if (snapshot != null) {
                PhaseValues current = snapshot.currentAmpere();
                sum[0] += finite(current.l1());
                sum[1] += finite(current.l2());
                sum[2] += finite(current.l3());
            }
        }
        return sum;
    }

    /** DLM's last readings are these values (as far as the datapoint type's resolution goes). */
    private boolean dlmSaw(double[] values) {
        PhaseValues seen = dlm.status().meterAmpere();
        double[] readings = {seen.l1(), seen.l2(), seen.l3()};
        for (int p = 0; p < 3; p++) {
            if (!(Math.abs(readings[p] - values[p]) <= 0.05)) {
                return false;
            }
        }
        return true;
    }

    private static double waitMillis(long since, BooleanSupplier done) throws InterruptedException {
        long deadline = since + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(1);
        }
        return Math.max(0, (System.nanoTime() - since) / 1e6);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static int deciAmpere(double ampere) {
        return (int) Math.round(ampere * 10);
    }

    private <S> List<S> services(Class<S> type) {
        try {
            List<S> found = new ArrayList<>();
            for (ServiceReference<S> reference : context.getServiceReferences(type, null)) {
                S service = context.getService(reference);
                if (service != null) {
                    found.add(service);
                }
            }
            return found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
