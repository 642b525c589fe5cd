package org.echarge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.fault.PointFault;
import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.indicator.Pattern;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StatusDocumentTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper();
    private final StatusDocument document = new StatusDocument(mapper);
    private final StatusDocument.GatewayInfo gateway =
            new StatusDocument.GatewayInfo("demo", "0.1.0", NOW.minusSeconds(90));
    private final StatusDocument.ComponentHealth healthy = new StatusDocument.ComponentHealth(7, List.of());

    @Test
    void pointsAreSortedAndUnmeasuredValuesAreNull() throws Exception {
        ChargerSnapshot snapshot = ChargerSnapshot.builder(NOW, PointState.CHARGE).vehicle(true, true)
                .currentAmpere(PhaseValues.of(15.2, 0, 0)).build();
        PointStatus two = status(2, snapshot);
        PointStatus one = status(1, snapshot);

        var built = document.build(gateway, NOW, healthy, new FaultStatus<>(true, GeneralFault.CONF_CHARGER, "points 1, 2"), List.of(two, one));
        document.indicators(built, new IndicatorState(Pattern.OFF, Pattern.FIVE_FLASHES, Pattern.OFF, "fault Conf Charger"));
        JsonNode json = mapper.readTree(mapper.writeValueAsString(built));
        assertEquals("FIVE_FLASHES", json.at("/indicators/app").asText());
        assertEquals(3000, json.at("/points/0/session/lastDurationSeconds").asLong());
        assertEquals(9000.5, json.at("/points/0/session/lastEnergyWattHour").asDouble(), 1e-9);
        assertEquals(123456, json.at("/points/0/session/totalEnergyWattHour").asDouble(), 1e-9);
        assertTrue(json.at("/points/0/session/runningSince").isNull());

        assertEquals(90, json.at("/gateway/uptimeSeconds").asInt());
        assertEquals("Conf Charger", json.at("/gateway/fault/code").asText());
        assertEquals(true, json.at("/gateway/fault/present").asBoolean());
        assertEquals(1, json.at("/points/0/number").asInt());
        assertEquals(8, json.at("/points/0/state/value").asInt());
        assertEquals("Charge", json.at("/points/0/state/text").asText());
        assertEquals(15.2, json.at("/points/0/currentAmpere/l1").asDouble(), 1e-9);
        assertTrue(json.at("/points/0/powerWatt/total").isNull());
        assertTrue(json.at("/points/0/reportedSetpointAmpere").isNull());
        assertEquals(16.0, json.at("/points/0/setpointAmpere").asDouble(), 1e-9);
        assertEquals(false, json.at("/points/0/interrupted").asBoolean());
        assertEquals(false, json.at("/points/0/fault/present").asBoolean());
        assertTrue(json.get("ready").asBoolean());
    }

    @Test
    void showsWhatDlmDoes() throws Exception {
        var built = document.build(gateway, NOW, healthy, null, List.of());
        document.dlm(built, new DlmStatus(DlmStatus.Mode.NORMAL, PhaseValues.of(33, 33, 33),
                PhaseValues.of(20, 12.5, 9), PhaseValues.of(8, 6.5, Double.NaN), NOW, true,
                List.of(new DlmStatus.PointShare(2, true, 6, 6, PhaseValues.of(5.7, 5.7, 5.7), "ramping up")),
                List.of("the prioritised point 4 is not configured")));
        JsonNode json = mapper.readTree(mapper.writeValueAsString(built));
        assertEquals("NORMAL", json.at("/dlm/mode").asText());
        assertEquals(12.5, json.at("/dlm/meterAmpere/l2").asDouble(), 1e-9);
        assertTrue(json.at("/dlm/nonChargingAmpere/l3").isNull());
        assertEquals(true, json.at("/dlm/overCurrent").asBoolean());
        assertEquals(2, json.at("/dlm/points/0/number").asInt());
        assertEquals(5.7, json.at("/dlm/points/0/drawAmpere/l1").asDouble(), 1e-9);
        assertEquals("ramping up", json.at("/dlm/points/0/reason").asText());
        assertEquals("the prioritised point 4 is not configured", json.at("/dlm/problems/0").asText());
        assertEquals(NOW.toString(), json.at("/dlm/lastReading").asText());

        document.knx(built, new org.echarge.api.knx.KnxState(org.echarge.api.knx.KnxState.Connection.TRAFFIC,
                "tunnelling to 127.0.0.1:3671", "1.1.250", true, 3, "object 60: NaN", List.of(), 1200, 4));
        JsonNode knx = mapper.readTree(mapper.writeValueAsString(built)).get("knx");
        assertEquals("TRAFFIC", knx.get("connection").asText());
        assertEquals("1.1.250", knx.get("individualAddress").asText());
        assertEquals(true, knx.get("programmingMode").asBoolean());
        assertEquals(3, knx.get("refusedTelegrams").asInt());
        assertEquals(1200, knx.get("receivedTelegrams").asLong());
        assertEquals(4, knx.get("pendingTelegrams").asLong());

        var off = document.build(gateway, NOW, healthy, null, List.of());
        document.dlm(off, null);
        assertTrue(mapper.readTree(mapper.writeValueAsString(off)).get("dlm").isNull());
    }

    @Test
    void notReadyWhileAPointHasNotAnsweredOrAComponentIsDown() {
        PointStatus silent = status(1, null);
        assertEquals(false, document.build(gateway, NOW, healthy, null, List.of(silent)).get("ready").asBoolean());

        StatusDocument.ComponentHealth broken = new StatusDocument.ComponentHealth(6, List.of("x: waiting for y"));
        var json = document.build(gateway, NOW, broken, null, List.of());
        assertEquals(false, json.get("ready").asBoolean());
        assertEquals("x: waiting for y", json.at("/components/problems/0").asText());
    }

    @Test
    void healthTellsReadinessAndCountsButNothingAboutTheInstallation() throws Exception {
        PointStatus answered = status(1, ChargerSnapshot.builder(NOW, PointState.AVAILABLE).build());
        PointStatus silent = status(2, null);

        JsonNode ready = mapper.readTree(mapper.writeValueAsString(document.health(healthy, List.of(answered))));
        JsonNode waiting = mapper.readTree(mapper.writeValueAsString(document.health(
                new StatusDocument.ComponentHealth(6, List.of("x: waiting for y")), List.of(answered, silent))));

        assertTrue(ready.get("ready").asBoolean());
        assertEquals(false, waiting.get("ready").asBoolean());
        assertEquals(1, waiting.at("/components/problems").asInt());
        assertEquals(6, waiting.at("/components/active").asInt());
        assertEquals(2, waiting.at("/points/total").asInt());
        assertEquals(1, waiting.at("/points/answered").asInt());
        assertEquals(List.of("ready", "scope", "components", "points"), fieldNames(waiting));
        assertFalse(waiting.toString().contains("P1") || waiting.toString().contains("127.0.0.1"), waiting.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static PointStatus status(int number, ChargerSnapshot snapshot) {
        return new PointStatus(number, "P" + number, "simulated-sim1", "tcp://127.0.0.1:1502/1", true,
                snapshot == null ? PointState.START_UP : snapshot.state(), snapshot, false, PointFault.NO_ERROR, "",
                false, false, false, 16, new SessionInfo(null, 0, NOW.minusSeconds(3600), NOW.minusSeconds(600), 9000.5,
                        123456), snapshot == null ? null : NOW);
    }
}
