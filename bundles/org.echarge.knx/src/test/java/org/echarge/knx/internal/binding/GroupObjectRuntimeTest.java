package org.echarge.knx.internal.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.echarge.api.Phase;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.dlm.MeterSettings.MeterDatapoint;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointConfiguration.CurrentDatapoint;
import org.echarge.api.point.PointConfiguration.EnergyDatapoint;
import org.echarge.api.point.PointConfiguration.PowerDatapoint;
import org.echarge.api.point.PointConfiguration.TemperatureSending;
import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;
import org.echarge.knx.internal.GatewayObjects;
import org.echarge.knx.internal.GatewaySetup;
import org.echarge.knx.internal.GroupObjectLinks;
import org.echarge.knx.internal.GroupObjectTable;
import org.echarge.knx.internal.PointSetup;
import org.echarge.knx.internal.Validated;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.KNXFormatException;

/** The flags at work, through a fake bus: what goes out for what comes in and what changes. */
class GroupObjectRuntimeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final List<Telegram> sent = new ArrayList<>();
    private final List<String> done = new ArrayList<>();
    private final GatewayCommands commands = new GatewayCommands() {
        @Override
        public void gridControl(boolean active) {
            done.add("grid " + active);
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
        public void startStop(int point, boolean start) {
            done.add("point " + point + " start " + start);
        }

        @Override
        public void interruption(int point, boolean active) {
            done.add("point " + point + " interruption " + active);
        }

        @Override
        public void unlock(int point) {
            done.add("point " + point + " unlock");
        }

        @Override
        public void setpoint(int point, double ampere) {
            done.add("point " + point + " setpoint " + ampere);
        }
    };

    private GroupObjectRuntime runtime(boolean dlm, TemperatureSending temperature, String... links) {
        return runtime(new GatewaySetup(new MeterSettings(dlm, 3, MeterDatapoint.DPT_7_012, true,
                Duration.ofMinutes(1)), List.of(point(1, temperature), point(2, temperature))), links);
    }

    /** DLM on, {@code points} points. */
    private GroupObjectRuntime runtime(int points, String... links) {
        List<PointSetup> setups = new ArrayList<>();
        for (int n = 1; n <= points; n++) {
            setups.add(point(n, TemperatureSending.ON_CHANGE));
        }
        return runtime(new GatewaySetup(new MeterSettings(true, 3, MeterDatapoint.DPT_7_012, true,
                Duration.ofMinutes(1)), setups), links);
    }

    private GroupObjectRuntime runtime(GatewaySetup setup, String... links) {
        GroupObjectTable table = GroupObjectTable.standard();
        Validated<GroupObjectLinks> parsed = GroupObjectLinks.parse(List.of(links), table, setup);
        if (parsed instanceof Validated.Invalid<GroupObjectLinks> invalid) {
            throw new AssertionError(invalid.errors());
        }
        return new GroupObjectRuntime(GatewayObjects.of(table, setup),
                ((Validated.Valid<GroupObjectLinks>) parsed).value(), setup, (telegram, datapoint) -> sent.add(telegram), commands);
    }

    private static PointSetup point(int number, TemperatureSending temperature) {
        return new PointSetup(new PointConfiguration(number, "P" + number, "full", 6, 16, 3, Phase.L1, temperature,
                Duration.ofMinutes(5), CurrentDatapoint.DPT_7_012, PowerDatapoint.DPT_14_056,
                EnergyDatapoint.DPT_13_010), EnumSet.allOf(ChargerCapability.class), false);
    }

    private static GroupAddress ga(String address) {
        try {
            return new GroupAddress(address);
        } catch (KNXFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Telegram write(String address, int... bytes) {
        return new Telegram(Telegram.Service.WRITE, ga(address), "1.1.10", bytes(bytes));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void objectsWithTheIFlagReadTheirValueAtStartUp() {
        GroupObjectRuntime runtime = runtime(true, TemperatureSending.ON_CHANGE, "1=0/0/1", "10=0/1/10",
                "11=0/1/11", "50=1/0/50");
        runtime.start();
        assertEquals(List.of(new Telegram(Telegram.Service.READ, ga("0/0/1"), null, null),
                new Telegram(Telegram.Service.READ, ga("0/1/10"), null, null),
                new Telegram(Telegram.Service.READ, ga("0/1/11"), null, null)), sent);
    }

    @Test
    void writtenObjectsBecomeCommands() {
        GroupObjectRuntime runtime = runtime(true, TemperatureSending.ON_CHANGE, "1=0/0/1", "10=0/1/10",
                "13=0/1/13", "20=0/1/20", "point2.54=2/0/54", "point2.55=2/0/55,0/0/55", "point2.59=2/0/59");
        runtime.received(write("0/0/1", 1));
        runtime.received(write("0/1/10", 0x1F, 0x40)); // 8000 mA
        runtime.received(write("0/1/13", 1));
        runtime.received(write("0/1/20", 0));
        runtime.received(write("2/0/54", 0));
        runtime.received(write("0/0/55", 1)); // a listening address works like the sending one
        runtime.received(write("2/0/59", 1));
        assertEquals(List.of("grid true", "meter L1 8.0", "high power true", "in operation true",
                "point 2 start false", "point 2 interruption true", "point 2 unlock"), done);
        assertEquals(0, runtime.refusedTelegrams());
    }

    @Test
    void aResponseUpdatesOnlyObjectsWithTheUFlag() {
        GroupObjectRuntime runtime = runtime(true, TemperatureSending.ON_CHANGE, "1=0/0/1", "13=0/1/13");
        runtime.received(new Telegram(Telegram.Service.RESPONSE, ga("0/0/1"), "1.1.10", bytes(1)));
        runtime.received(new Telegram(Telegram.Service.RESPONSE, ga("0/1/13"), "1.1.10", bytes(1)));
        assertEquals(List.of("grid true"), done);
    }

    @Test
    void badTelegramsAreRefusedCountedAndNeverPassedOn() {
        GroupObjectRuntime runtime = runtime(false, TemperatureSending.ON_CHANGE, "point1.60=1/0/60",
                "point1.55=1/0/55");
        runtime.received(write("1/0/60", 0x41, 0x20, 0x00, 0x00)); // 10.0 A
        runtime.received(write("1/0/60", 0xC1, 0x20, 0x00, 0x00)); // -10.0 A
        runtime.received(write("1/0/60", 0x7F, 0xC0, 0x00, 0x00)); // NaN
        runtime.received(write("1/0/60", 0x41, 0x20)); // too short
        runtime.received(write("1/0/55", 1, 0)); // too long for 1 bit
        assertEquals(List.of("point 1 setpoint 10.0", "point 1 setpoint NaN", "point 1 setpoint NaN",
                "point 1 setpoint NaN"), done, "a refused setpoint raises ValOutOfRange at the point");
        assertEquals(4, runtime.refusedTelegrams());
        assertTrue(runtime.lastRefusal().contains("Interruption"), runtime.lastRefusal());
    }

    @Test
    void negativeMeterCurrentsAreRefused() {
        MeterSettings meter = new MeterSettings(true, 1, MeterDatapoint.DPT_14_019, false, Duration.ofMinutes(1));
        GatewaySetup setup = new GatewaySetup(meter, List.of(point(1, TemperatureSending.OFF)));
        GroupObjectTable table = GroupObjectTable.standard();
        GroupObjectLinks links = ((Validated.Valid<GroupObjectLinks>) GroupObjectLinks.parse(List.of("10=0/1/10"),
                table, setup)).value();
        GroupObjectRuntime runtime = new GroupObjectRuntime(GatewayObjects.of(table, setup), links, setup, (telegram, datapoint) -> sent.add(telegram),
                commands);
        runtime.received(write("0/1/10", 0xC1, 0x20, 0x00, 0x00));
        runtime.received(write("0/1/10", 0x7F, 0x80, 0x00, 0x00)); // +infinity
        runtime.received(write("0/1/10", 0x41, 0xA0, 0x00, 0x00)); // 20 A
        assertEquals(List.of("meter L1 20.0"), done);
        assertEquals(2, runtime.refusedTelegrams());
    }

    @Test
    void stateObjectsSendEveryChangeOnceAndAnswerReads() {
        GroupObjectRuntime runtime = runtime(false, TemperatureSending.ON_CHANGE, "point1.50=1/0/50,1/7/50",
                "point1.95=1/0/95");
        runtime.update(Map.of(50, 8L, 95, "NotReachable"), T0);
        runtime.update(Map.of(50, 8L, 95, "NotReachable"), T0.plusSeconds(1));
        runtime.update(Map.of(50, 11L), T0.plusSeconds(2));
        assertEquals(List.of(write(null, "1/0/50", 8), write(null, "1/0/95", 'N', 'o', 't', 'R', 'e', 'a', 'c', 'h',
                'a', 'b', 'l', 'e', 0, 0), write(null, "1/0/50", 11)), sent);
        sent.clear();
        runtime.received(new Telegram(Telegram.Service.READ, ga("1/7/50"), "1.1.10", null));
        runtime.received(new Telegram(Telegram.Service.READ, ga("9/7/9"), "1.1.10", null));
        assertEquals(List.of(new Telegram(Telegram.Service.RESPONSE, ga("1/7/50"), null, bytes(11))), sent);
    }

    @Test
    void measurementsSendAboveTheirThresholdAndAtMostEveryTenSeconds() {
        GroupObjectRuntime runtime = runtime(false, TemperatureSending.ON_CHANGE, "point1.63=1/0/63");
        runtime.update(Map.of(63, 10.0), T0);
        runtime.update(Map.of(63, 10.3), T0.plusSeconds(1)); // below 0.5 A: not sent
        runtime.update(Map.of(63, 12.0), T0.plusSeconds(2)); // held back until 10 s after the last
        assertEquals(1, sent.size());
        runtime.tick(T0.plusSeconds(9));
        assertEquals(1, sent.size());
        runtime.tick(T0.plusSeconds(10));
        assertEquals(List.of(write(null, "1/0/63", 0x27, 0x10), write(null, "1/0/63", 0x2E, 0xE0)), sent);
        runtime.received(new Telegram(Telegram.Service.READ, ga("1/0/63"), "1.1.10", null));
        assertArrayEquals(bytes(0x2E, 0xE0), sent.get(2).asdu(), "a read gets the value held now");
    }

    @Test
    void eachObjectSendsItsOwnValueWhileOthersWaitForTheirInterval() throws Exception {
        // three points' statuses as they come: setpoints go at once while currents wait for their
        // interval; with this many values pending, a value taken from the map after removing its entry
        // was once the next object's (a TreeMap moves the successor into a removed inner node)
        List<String> links = new ArrayList<>();
        for (int point = 1; point <= 3; point++) {
            for (int n : new int[] {50, 52, 55, 61, 62, 94, 95}) {
                links.add("point" + point + "." + n + "=1/" + point + "/" + n);
            }
        }
        GroupObjectRuntime runtime = runtime(3, links.toArray(String[]::new));
        Random random = new Random(1);
        double[] setpoint = new double[4];
        double[] phase = new double[4];
        for (int step = 0; step < 60; step++) {
            int point = 1 + random.nextInt(3);
            setpoint[point] = random.nextBoolean() ? 6 + random.nextInt(100) / 10.0 : setpoint[point];
            phase[point] = random.nextBoolean() ? random.nextInt(160) / 10.0 : phase[point];
            ChargerSnapshot snapshot = ChargerSnapshot.builder(T0, PointState.CHARGE).vehicle(true, true)
                    .currentAmpere(PhaseValues.of(phase[point], phase[point], phase[point])).build();
            PointStatus status = new PointStatus(point, "P", "full", "a", true, PointState.CHARGE, snapshot, false,
                    PointFault.NO_ERROR, "", false, false, false, setpoint[point], SessionInfo.NONE, T0);
            Instant now = T0.plusMillis(step * 300);
            runtime.update(ObjectValues.point(status, now, ZoneOffset.UTC), now);
            for (Telegram telegram : sent) {
                if (telegram.destination().equals(ga("1/" + point + "/61"))) {
                    assertEquals(setpoint[point], (Double) DatapointCodec.decode(KnxDatapoint.CURRENT_AMPERE_F32,
                            telegram.asdu()), 1e-6, "setpoint of point " + point + " at step " + step);
                }
            }
            sent.clear();
        }
    }

    @Test
    void temperatureAsConfigured() {
        GroupObjectRuntime onChange = runtime(false, TemperatureSending.ON_CHANGE, "point1.82=1/0/82");
        onChange.update(Map.of(82, 30.0), T0);
        onChange.update(Map.of(82, 30.6), T0.plusSeconds(20));
        onChange.update(Map.of(82, 31.2), T0.plusSeconds(40));
        assertEquals(2, sent.size(), "30.0, then 31.2 (1 °C or more)");
        sent.clear();
        GroupObjectRuntime cyclic = runtime(false, TemperatureSending.CYCLIC, "point1.82=1/0/82");
        cyclic.update(Map.of(82, 30.0), T0);
        for (int s = 1; s <= 600; s++) {
            cyclic.tick(T0.plusSeconds(s));
        }
        assertEquals(3, sent.size(), "at 0 s, 300 s and 600 s (cycle 5 min)");
        sent.clear();
        GroupObjectRuntime off = runtime(false, TemperatureSending.OFF, "point1.82=1/0/82");
        off.update(Map.of(82, 30.0), T0);
        off.update(Map.of(82, 45.0), T0.plusSeconds(60));
        assertEquals(List.of(), sent);
        off.received(new Telegram(Telegram.Service.READ, ga("1/0/82"), "1.1.10", null));
        assertEquals(1, sent.size(), "it can still be read");
    }

    @Test
    void objectsThatDoNotExistIgnoreTheirValues() {
        GroupObjectRuntime runtime = runtime(false, TemperatureSending.ON_CHANGE, "point1.50=1/0/50");
        runtime.update(Map.of(10, 5.0, 350, 8L), T0); // DLM off: no object 10; no point 7
        assertEquals(List.of(), sent);
    }

    private static Telegram write(String source, String address, int... bytes) {
        return new Telegram(Telegram.Service.WRITE, ga(address), source, bytes(bytes));
    }
}
