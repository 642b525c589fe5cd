package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.echarge.api.Phase;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.dlm.MeterSettings.MeterDatapoint;
import org.echarge.knx.internal.binding.VirtualKnxService;
import org.echarge.knx.virtual.GroupValue;
import org.echarge.knx.virtual.GroupValueListener;
import org.echarge.knx.virtual.KnxParticipant;
import org.echarge.knx.virtual.VirtualKnx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The smart meter on a real virtual KNX network (the KNX bundle's), with a stand-in for the gateway. */
class SimulatedHouseTest {

    private final SimulationScheduler scheduler = new SimulationScheduler();
    private final VirtualKnxService networks = new VirtualKnxService();
    private volatile Optional<String> gatewayOn = Optional.of("demo");
    private final VirtualKnx knx = new VirtualKnx() {
        @Override
        public KnxParticipant join(String network, String name, String individualAddress,
                GroupValueListener listener) {
            return networks.join(network, name, individualAddress, listener);
        }

        @Override
        public Optional<String> gatewayNetwork() {
            return gatewayOn;
        }
    };
    private final FakeDlm dlm = new FakeDlm();
    private final BlockingQueue<GroupValue> onTheBus = new LinkedBlockingQueue<>();
    private KnxParticipant gateway;
    private SimulatedHouse house;

    @AfterEach
    void stop() {
        if (house != null) {
            house.deactivate();
        }
        if (gateway != null) {
            gateway.close();
        }
        scheduler.deactivate();
    }

    @Test
    void theMeterSendsTelegramsWhileTheGatewayIsOnTheNetworkAndElseFallsBackToDlm() throws Exception {
        dlm.settings = new MeterSettings(true, 3, MeterDatapoint.DPT_9_021, false, Duration.ofSeconds(60));
        gateway = networks.join("demo", "gateway stand-in", "15.15.250", onTheBus::add);
        for (String address : List.of("0/1/10", "0/1/11", "0/1/12")) {
            gateway.listen(address, "9.021");
        }
        start(Map.of("baseL1Ampere", 4.0, "baseL2Ampere", 8.0, "baseL3Ampere", 12.0));

        double l2 = (Double) next(v -> v.groupAddress().equals("0/1/11")).value();
        assertEquals(8.0, l2, 0.31);
        GroupValue l3 = next(v -> v.groupAddress().equals("0/1/12"));
        assertEquals("1.1.10", l3.source());
        assertEquals(12.0, (Double) l3.value(), 0.31);
        assertEquals(List.of(), dlm.calls, "nothing straight to DLM while the gateway is on KNX");

        // the gateway reads object 11 when it connects: the meter answers with its last value
        onTheBus.clear();
        gateway.read("0/1/11");
        GroupValue answer = next(v -> v.service() == GroupValue.Service.RESPONSE);
        assertEquals("0/1/11", answer.groupAddress());
        assertEquals(8.0, (Double) answer.value(), 0.31);

        gatewayOn = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (dlm.calls.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(dlm.calls.size() >= 3 && dlm.calls.get(0).startsWith("L1 "), dlm.calls.toString());
    }

    @Test
    void withInOperationMonitoringTheMeterSendsObject20AndPowerInItsType() throws Exception {
        dlm.settings = new MeterSettings(true, 1, MeterDatapoint.DPT_14_056, true, Duration.ofSeconds(60));
        gateway = networks.join("demo", "gateway stand-in", "15.15.250", onTheBus::add);
        gateway.listen("0/1/10", "14.056");
        gateway.listen("0/1/11", "14.056");
        gateway.listen("0/1/20", "1.017");
        start(Map.of("baseL1Ampere", 4.0));

        assertEquals(true, next(v -> v.groupAddress().equals("0/1/20")).value());
        assertEquals(4.0 * 230, (Double) next(v -> v.groupAddress().equals("0/1/10")).value(), 0.31 * 230);
        assertEquals(true, next(v -> v.groupAddress().equals("0/1/20")).value(), "cyclic, every interval");
        assertTrue(onTheBus.stream().noneMatch(v -> v.groupAddress().equals("0/1/11")), "a 1-phase meter sends L1");
    }

    private void start(Map<String, Object> settings) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("applianceScale", 0.0, "meterIntervalSeconds", 1));
        values.putAll(settings);
        house = new SimulatedHouse(scheduler, config(values));
        house.bindLoadManagement(dlm);
        house.bindKnx(knx);
    }

    private GroupValue next(Predicate<GroupValue> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            GroupValue value = onTheBus.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (value != null && matching.test(value)) {
                return value;
            }
        }
        throw new AssertionError("no such telegram within 5 s");
    }

    private static SimulatedHouseConfig config(Map<String, Object> values) {
        return (SimulatedHouseConfig) Proxy.newProxyInstance(SimulatedHouseConfig.class.getClassLoader(),
                new Class<?>[] {SimulatedHouseConfig.class}, (proxy, method, args) -> {
                    Object value = values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                    assertNotNull(value, method.getName());
                    return value;
                });
    }

    private static final class FakeDlm implements LoadManagement {
        volatile MeterSettings settings;
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public MeterSettings meterSettings() {
            return settings;
        }

        @Override
        public void meterValue(Phase phase, double value) {
            calls.add(phase + " " + value);
        }

        @Override
        public void highPowerDevices(boolean on) {
            calls.add("high power " + on);
        }

        @Override
        public void meterInOperation(boolean inOperation) {
            calls.add("in operation " + inOperation);
        }

        @Override
        public DlmStatus status() {
            return DlmStatus.OFF;
        }
    }
}
