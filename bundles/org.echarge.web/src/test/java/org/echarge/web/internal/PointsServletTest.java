package org.echarge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.echarge.api.Phase;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The points API in Jetty, behind the console's security, over fake points and a fake DLM. */
class PointsServletTest {

    @TempDir
    Path home;

    private final FakePoint one = new FakePoint(1, 6, 16, Set.of(ChargerCapability.SET_CURRENT,
            ChargerCapability.UNLOCK, ChargerCapability.START_STOP));
    private final FakePoint two = new FakePoint(2, 6, 32, Set.of(ChargerCapability.SET_CURRENT));
    private final FakePoint broken = new FakePoint(3, 0, 0, Set.of());
    private final FakeDlm dlm = new FakeDlm();
    private ApiServer server;
    private ApiServer.Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(home, MutableClock.startingAt("2026-11-29T08:00:00Z"), List.of(new ApiServer.Mount(
                new PointsServlet(List.of(two, broken, one), dlm), "/echarge/api/points", "/echarge/api/points/*")));
        browser = server.browser();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void listsEveryPointWithDlmAndCapabilities() throws Exception {
        dlm.controlled = List.of(2);
        JsonNode list = server.body(server.get("/echarge/api/points", browser));

        assertEquals(3, list.size());
        assertEquals(1, list.get(0).get("number").asInt());
        assertEquals("CP1", list.get(0).get("name").asText());
        assertEquals(false, list.get(0).get("dlm").asBoolean());
        assertEquals("[\"SET_CURRENT\",\"START_STOP\",\"UNLOCK\"]", list.get(0).get("capabilities").toString());
        assertEquals(16.0, list.get(0).get("maxCurrentAmpere").asDouble());
        assertEquals(true, list.get(1).get("dlm").asBoolean());
        assertEquals(false, list.get(2).get("configured").asBoolean());
        assertEquals(401, server.get("/echarge/api/points", null).statusCode());
    }

    @Test
    void commandsReachThePoint() throws Exception {
        assertEquals(202, server.post("/echarge/api/points/1/setpoint", browser, "{\"current\": 10.5}").statusCode());
        assertEquals(202, server.post("/echarge/api/points/1/setpoint", browser, "{\"current\": 16}").statusCode());
        assertEquals(202, server.post("/echarge/api/points/1/interruption", browser, "{\"active\": true}")
                .statusCode());
        assertEquals(202, server.post("/echarge/api/points/1/start-stop", browser, "{\"start\": false}")
                .statusCode());
        var unlock = server.post("/echarge/api/points/1/unlock", browser, "{}");
        assertEquals(202, unlock.statusCode(), unlock.body());
        assertEquals("unlock", server.body(unlock).get("command").asText());

        assertEquals(List.of("setpoint 10.5", "setpoint 16.0", "interruption true", "startStop false", "unlock"),
                one.commands);
    }

    @Test
    void refusesWhatThePointCannotTakeAndChangesNothing() throws Exception {
        assertEquals("out-of-range", server.error(400, server.post("/echarge/api/points/2/setpoint", browser,
                "{\"current\": 5.9}")));
        var tooHigh = server.post("/echarge/api/points/1/setpoint", browser, "{\"current\": 16.1}");
        assertEquals("out-of-range", server.error(400, tooHigh));
        assertTrue(server.message(tooHigh).contains("6.0 to 16.0 A"), server.message(tooHigh));

        dlm.controlled = List.of(1, 2);
        assertEquals("dlm-active", server.error(409, server.post("/echarge/api/points/1/setpoint", browser,
                "{\"current\": 10}")));
        dlm.mode = DlmStatus.Mode.OFF;
        assertEquals(202, server.post("/echarge/api/points/1/setpoint", browser, "{\"current\": 10}").statusCode());

        assertEquals("not-supported", server.error(409, server.post("/echarge/api/points/2/unlock", browser, "{}")));
        assertEquals("invalid-configuration", server.error(409, server.post("/echarge/api/points/3/interruption",
                browser, "{\"active\": true}")));
        for (String path : List.of("/echarge/api/points/9/unlock", "/echarge/api/points/0/unlock",
                "/echarge/api/points/x/unlock", "/echarge/api/points/-1/unlock", "/echarge/api/points/01/unlock")) {
            assertEquals("unknown-point", server.error(404, server.post(path, browser, "{}")), path);
        }
        assertEquals("not-found", server.error(404, server.post("/echarge/api/points/1/reboot", browser, "{}")));
        assertEquals("method-not-allowed", server.error(405, server.get("/echarge/api/points/1/unlock", browser)));
        assertEquals("csrf", server.error(403, server.post("/echarge/api/points/1/unlock",
                new ApiServer.Browser(browser.cookie(), "wrong"), "{}")));

        for (String body : List.of("{\"current\": \"10\"}", "{\"current\": null}", "{}", "{\"current\": 10, \"x\": 1}",
                "{\"current\": 10, \"current\": 11}", "{\"current\": 10} {}", "[10]", "10", "{\"current\": NaN}")) {
            assertEquals("bad-request", server.error(400, server.post("/echarge/api/points/1/setpoint", browser,
                    body)), body);
        }
        assertEquals("bad-request", server.error(400, server.post("/echarge/api/points/1/interruption", browser,
                "{\"active\": \"true\"}")));
        assertEquals("bad-request", server.error(400, server.post("/echarge/api/points/1/interruption", browser,
                "{\"active\": 1}")));
        assertEquals("bad-request", server.error(400, server.post("/echarge/api/points/1/unlock", browser,
                "{\"force\": true}")));
        assertEquals("unsupported-media-type", server.error(415, server.send("POST",
                "/echarge/api/points/1/unlock", browser, "text/plain", "{}")));

        assertEquals(List.of("setpoint 10.0"), one.commands);
        assertEquals(List.of(), two.commands);
        assertEquals(List.of(), broken.commands);
    }

    /** A point that records the commands it gets; number 3 stands for an invalid configuration. */
    private static final class FakePoint implements ChargingPoint {

        final List<String> commands = new ArrayList<>();
        private final int number;
        private final PointConfiguration configuration;
        private final Set<ChargerCapability> capabilities;

        FakePoint(int number, double min, double max, Set<ChargerCapability> capabilities) {
            this.number = number;
            this.capabilities = capabilities;
            this.configuration = max == 0 ? null : new PointConfiguration(number, "CP" + number, "fake", min, max, 3,
                    Phase.L1, PointConfiguration.TemperatureSending.OFF, Duration.ofMinutes(1),
                    PointConfiguration.CurrentDatapoint.DPT_9_021, PointConfiguration.PowerDatapoint.DPT_14_056,
                    PointConfiguration.EnergyDatapoint.DPT_13_013);
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public PointConfiguration configuration() {
            return configuration;
        }

        @Override
        public Set<ChargerCapability> capabilities() {
            return capabilities;
        }

        @Override
        public PointStatus status() {
            return new PointStatus(number, "CP" + number, "fake", "tcp://127.0.0.1:502/1", true,
                    configuration == null ? PointState.NOT_AVAILABLE : PointState.AVAILABLE, null,
                    configuration == null, configuration == null ? PointFault.CONF_CHARGER : PointFault.NO_ERROR,
                    configuration == null ? "maxCurrentAmpere must be at least 6" : "", false, false, false, 16,
                    SessionInfo.NONE, null);
        }

        @Override
        public void startStop(boolean start) {
            commands.add("startStop " + start);
        }

        @Override
        public void interruption(boolean active) {
            commands.add("interruption " + active);
        }

        @Override
        public void setpoint(double currentAmpere) {
            commands.add("setpoint " + currentAmpere);
        }

        @Override
        public void unlock() {
            commands.add("unlock");
        }

        @Override
        public void gridControl(boolean active, double currentAmpere) {
            commands.add("gridControl");
        }

        @Override
        public void loadShare(LoadShare share) {
            commands.add("loadShare");
        }
    }

    /** Load management that controls the points in {@link #controlled}. */
    private static final class FakeDlm implements LoadManagement {

        volatile DlmStatus.Mode mode = DlmStatus.Mode.NORMAL;
        volatile List<Integer> controlled = List.of();

        @Override
        public MeterSettings meterSettings() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void meterValue(Phase phase, double value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void highPowerDevices(boolean on) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void meterInOperation(boolean inOperation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DlmStatus status() {
            return new DlmStatus(mode, PhaseValues.NOT_MEASURED, PhaseValues.NOT_MEASURED, PhaseValues.NOT_MEASURED,
                    null, false, controlled.stream().map(n -> new DlmStatus.PointShare(n, true, 6, 6,
                            PhaseValues.NOT_MEASURED, "")).toList(), List.of());
        }
    }
}
