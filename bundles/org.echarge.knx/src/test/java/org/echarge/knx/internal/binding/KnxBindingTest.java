package org.echarge.knx.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.echarge.api.Phase;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.echarge.knx.internal.link.KnxConnection;
import org.echarge.knx.internal.link.VirtualKnxNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.datapoint.StateDP;
import tuwien.auto.calimero.process.ProcessCommunicatorImpl;
import tuwien.auto.calimero.process.ProcessEvent;
import tuwien.auto.calimero.process.ProcessListener;

/**
 * The binding end to end on a virtual KNX line: a visualisation (Calimero's process
 * communicator) writes smart meter values and commands and reads states; the gateway's services
 * are fakes that record what reaches them.
 */
class KnxBindingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final VirtualKnxNetwork network = new VirtualKnxNetwork("test line");
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<String> done = new LinkedBlockingQueue<>();
    private final FakePoint point = new FakePoint();
    private final Map<Integer, ChargingPoint> points = new ConcurrentHashMap<>(Map.of(1, point));
    private final FakeFaults faults = new FakeFaults();
    private MeterSettings meter = new MeterSettings(true, 1, MeterSettings.MeterDatapoint.DPT_14_019, false,
            Duration.ofSeconds(60));
    private Set<ChargerCapability> capabilities = EnumSet.allOf(ChargerCapability.class);
    private KnxBinding binding;
    private ProcessCommunicatorImpl visu;

    private void start(String... links) throws Exception {
        KnxConnection connection = new KnxConnection(network.opener("gateway", new IndividualAddress(15, 15, 255)),
                executor);
        binding = new KnxBinding(connection, List.of(links), 6, new KnxBinding.Services() {
            @Override
            public Map<Integer, ChargingPoint> points() {
                return points;
            }

            @Override
            public Optional<LoadManagement> loadManagement() {
                return Optional.of(new FakeDlm());
            }

            @Override
            public Optional<GatewayFaults> faults() {
                return Optional.of(faults);
            }

            @Override
            public Set<ChargerCapability> capabilities(String modelId) {
                return capabilities;
            }
        }, executor, Clock.systemUTC(), ZoneId.of("Europe/Berlin"), address -> done.add("address " + address));
        binding.start();
        visu = new ProcessCommunicatorImpl(network.join("visualisation", new IndividualAddress(1, 1, 20)));
        visu.responseTimeout(WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (binding.state().connection() == org.echarge.api.knx.KnxState.Connection.LOST
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (visu != null) {
            visu.close();
        }
        if (binding != null) {
            binding.close();
        }
        executor.shutdownNow();
    }

    @Test
    void smartMeterValuesAndCommandsReachTheServices() throws Exception {
        start("10=0/1/10", "1=0/0/1", "2=0/0/2", "point1.55=1/0/55", "point1.50=1/0/50");
        visu.write(new StateDP(new GroupAddress("0/1/10"), "meter", 0, "14.019"), "12.5");
        assertEquals("meter L1 12.5", next());
        visu.write(new GroupAddress("1/0/55"), true);
        assertEquals("point 1 interruption true", next());
        visu.write(new GroupAddress("0/0/1"), true);
        assertEquals("point 1 grid control true 6.0", next());
    }

    @Test
    void telegramsFromTheBusAreCountedOnceDealtWith() throws Exception {
        start("10=0/1/10");
        for (int i = 1; i <= 20; i++) {
            visu.write(new StateDP(new GroupAddress("0/1/10"), "meter", 0, "14.019"), i + ".0");
        }
        visu.write(new GroupAddress("7/7/7"), true); // no object listens: dealt with all the same
        for (int i = 1; i <= 20; i++) {
            assertEquals("meter L1 " + i + ".0", next());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (binding.state().receivedTelegrams() < 21 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(21, binding.state().receivedTelegrams());
        assertEquals(0, binding.state().pendingTelegrams());
    }

    @Test
    void statesAreSentOnChangeAndAnswerReads() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        start("point1.50=1/0/50", "point1.94=1/0/94");
        visu.addProcessListener(new ProcessListener() {
            @Override
            public void groupWrite(ProcessEvent e) {
                seen.add(e.getDestination() + " " + toHex(e.getASDU()));
            }

            @Override
            public void groupReadRequest(ProcessEvent e) {
            }

            @Override
            public void groupReadResponse(ProcessEvent e) {
            }

            @Override
            public void detached(tuwien.auto.calimero.DetachEvent e) {
            }
        });
        point.status = status(PointState.CHARGE, false);
        binding.statusChanged(point.status);
        // the initial values the binding sends once connected may still come first: skip them
        awaitAll(seen, Set.of("1/0/50 08"));
        assertEquals("8", visu.read(new StateDP(new GroupAddress("1/0/50"), "state", 0, "5.010")).split(" ")[0]);
        point.status = status(PointState.INTERRUPTION, true);
        binding.statusChanged(point.status);
        awaitAll(seen, Set.of("1/0/50 0B", "1/0/94 01"));
    }

    /** Takes telegrams until each expected one has come, failing after WAIT with what came instead. */
    private static void awaitAll(BlockingQueue<String> seen, Set<String> expected) throws InterruptedException {
        Set<String> missing = new java.util.HashSet<>(expected);
        List<String> others = new java.util.ArrayList<>();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!missing.isEmpty()) {
            String next = seen.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("missing " + missing + "; came instead " + others);
            }
            if (!missing.remove(next)) {
                others.add(next);
            }
        }
    }

    @Test
    void theObjectTableAndTheEtsExportShowTheLinks() throws Exception {
        start("10=0/1/10", "point1.50=1/0/50,1/7/50");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (binding.objects().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        org.echarge.api.knx.KnxObject state = binding.objects().stream().filter(o -> o.number() == 50).findFirst()
                .orElseThrow();
        assertEquals(List.of("1/0/50", "1/7/50"), state.addresses());
        assertEquals("5.010", state.datapoint());
        assertEquals("CR-T--", state.flags());
        String csv = binding.etsGroupAddressCsv();
        assertTrue(csv.contains("\"1/0/50\"") && csv.contains("DPST-5-10"), csv);
        binding.programmingMode(true);
        assertTrue(binding.state().programmingMode());
    }

    @Test
    void sessionTimesExistWhateverTheModelSinceTheGatewayTracksThem() throws Exception {
        capabilities = EnumSet.of(ChargerCapability.SET_CURRENT);
        start("point1.76=1/0/76");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (binding.objects().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(binding.objects().stream().anyMatch(o -> o.number() == 76 && !o.addresses().isEmpty()),
                binding.objects().toString());
        assertTrue(binding.objects().stream().noneMatch(o -> o.number() == 80), "no serial number on this model");
    }

    @Test
    void dlmOnWithoutItsMeterObjectsLinkedIsDlmAssociation() throws Exception {
        start("point1.50=1/0/50");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (faults.raised.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(faults.raised.contains("DLMAssociation: DLM is on but object(s) 10 Smart meter value (1-phase) / L1"
                + " (3-phase) have no group address"), faults.raised.toString());
    }

    @Test
    void badLinksAreRefusedAndShown() throws Exception {
        start("10=0/1/10", "point1.60=1/0/60");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (binding.state().problems().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(binding.state().problems().toString().contains("60"), binding.state().problems().toString());
    }

    @Test
    void linksToAPointStillRegisteringAreNotRefusedWhileTheSetupSettles() throws Exception {
        points.clear();
        start("10=0/1/10", "point1.50=1/0/50");
        List<String> seen = new java.util.ArrayList<>();
        long added = System.nanoTime() + Duration.ofMillis(1200).toNanos();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (binding.objects().stream().noneMatch(o -> o.number() == 50) && System.nanoTime() < deadline) {
            seen.addAll(binding.state().problems());
            if (System.nanoTime() > added) {
                points.put(1, point); // the point registers a moment after the binding started
            }
            Thread.sleep(20);
        }
        assertEquals(List.of(), seen);
        assertTrue(binding.objects().stream().anyMatch(o -> o.number() == 50 && o.addresses().equals(List.of("1/0/50"))),
                binding.objects().toString());
    }

    private String next() throws InterruptedException {
        String value = done.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        return value == null ? "nothing within " + WAIT : value;
    }

    private static String toHex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return hex.toString();
    }

    private static PointStatus status(PointState state, boolean fault) {
        ChargerSnapshot snapshot = ChargerSnapshot.builder(Instant.now(), state).vehicle(true, state.isCharging())
                .currentAmpere(PhaseValues.of(10, 10, 10)).build();
        return new PointStatus(1, "P1", "m", "a", true, state, snapshot, fault,
                fault ? PointFault.NOT_REACHABLE : PointFault.NO_ERROR, "", false, false, false, 16, SessionInfo.NONE,
                Instant.now());
    }

    private final class FakeDlm implements LoadManagement {
        @Override
        public MeterSettings meterSettings() {
            return meter;
        }

        @Override
        public void meterValue(Phase phase, double value) {
            done.add("meter " + phase + " " + value);
        }

        @Override
        public void highPowerDevices(boolean on) {
            done.add("high power " + on);
        }

        @Override
        public void meterInOperation(boolean inOperation) {
            done.add("in operation " + inOperation);
        }

        @Override
        public DlmStatus status() {
            return DlmStatus.OFF;
        }
    }

    private static final class FakeFaults implements GatewayFaults {
        final List<String> raised = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void raise(GeneralFault fault, String detail) {
            raised.add(fault.code() + ": " + detail);
        }

        @Override
        public void clear(GeneralFault fault) {
        }

        @Override
        public FaultStatus<GeneralFault> status() {
            return new FaultStatus<>(false, GeneralFault.NO_ERROR, "");
        }
    }

    private final class FakePoint implements ChargingPoint {
        volatile PointStatus status = KnxBindingTest.status(PointState.AVAILABLE, false);

        @Override
        public int number() {
            return 1;
        }

        @Override
        public PointConfiguration configuration() {
            return new PointConfiguration(1, "P1", "m", 6, 16, 3, Phase.L1,
                    PointConfiguration.TemperatureSending.OFF, Duration.ofMinutes(10),
                    PointConfiguration.CurrentDatapoint.DPT_7_012, PointConfiguration.PowerDatapoint.DPT_14_056,
                    PointConfiguration.EnergyDatapoint.DPT_13_010);
        }

        @Override
        public PointStatus status() {
            return status;
        }

        @Override
        public void startStop(boolean start) {
            done.add("point 1 start " + start);
        }

        @Override
        public void interruption(boolean active) {
            done.add("point 1 interruption " + active);
        }

        @Override
        public void setpoint(double currentAmpere) {
            done.add("point 1 setpoint " + currentAmpere);
        }

        @Override
        public void unlock() {
            done.add("point 1 unlock");
        }

        @Override
        public void gridControl(boolean active, double currentAmpere) {
            done.add("point 1 grid control " + active + " " + currentAmpere);
        }

        @Override
        public void loadShare(LoadShare share) {
        }
    }
}
