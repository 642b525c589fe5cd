package org.echarge.console.internal;

import static org.echarge.console.internal.FakePoint.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.echarge.api.PhaseValues;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.indicator.Pattern;
import org.echarge.api.point.PointState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StatusPayloadTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final StatusPayload payload = new StatusPayload(mapper);
    private final GatewayInfo gateway = new GatewayInfo("garage", "1.4.0", NOW.minusSeconds(93_784));

    private JsonNode json(FaultStatus<GeneralFault> faults, IndicatorState indicators, DlmStatus dlm)
            throws Exception {
        var points = List.of(FakePoint.silent(2), FakePoint.charging(1, "Left", PointState.CHARGE, 16));
        return mapper.readTree(mapper.writeValueAsString(payload.build(gateway, NOW, faults, indicators, dlm, points)));
    }

    @Test
    void deviceFaultAndIndicators() throws Exception {
        JsonNode json = json(new FaultStatus<>(true, GeneralFault.SMART_METER_TIMEOUT, "no reading for 60 s"),
                new IndicatorState(Pattern.ON, Pattern.THREE_FLASHES, Pattern.FLICKER, "fault SmartMeterTOut"), null);

        assertEquals("garage", json.at("/gateway/name").asText());
        assertEquals("1.4.0", json.at("/gateway/version").asText());
        assertEquals(93_784, json.at("/gateway/uptimeSeconds").asLong());
        assertTrue(json.at("/gateway/fault/present").asBoolean());
        assertEquals("SmartMeterTOut", json.at("/gateway/fault/code").asText());
        assertEquals(90, json.at("/gateway/fault/severity").asInt());
        assertEquals("no reading for 60 s", json.at("/gateway/fault/detail").asText());
        assertEquals("ON", json.at("/indicators/programming").asText());
        assertEquals("THREE_FLASHES", json.at("/indicators/app").asText());
        assertEquals("FLICKER", json.at("/indicators/com").asText());
        assertEquals("fault SmartMeterTOut", json.at("/indicators/reason").asText());
    }

    @Test
    void missingServicesAreNull() throws Exception {
        JsonNode json = json(null, null, null);

        assertTrue(json.get("dlm").isNull());
        assertTrue(json.get("indicators").isNull());
        assertTrue(json.at("/gateway/fault").isNull());
        assertEquals(2, json.get("points").size());
    }

    @Test
    void pointsSortedWithMeasurementsIdentityAndSession() throws Exception {
        JsonNode point = json(null, null, null).at("/points/0");

        assertEquals(1, point.get("number").asInt());
        assertEquals("Left", point.get("name").asText());
        assertEquals("simulated-sim1", point.get("model").asText());
        assertEquals("tcp://127.0.0.1:1502/1", point.get("address").asText());
        assertEquals(8, point.at("/state/value").asInt());
        assertEquals("Charge", point.at("/state/text").asText());
        assertEquals(16.0, point.get("setpointAmpere").asDouble());
        assertEquals(15.5, point.at("/currentAmpere/l1").asDouble());
        assertEquals(15.5, point.at("/currentAmpere/total").asDouble());
        assertEquals(3565.0, point.at("/powerWatt/l1").asDouble());
        assertTrue(point.at("/energyWattHour/l1").isNull(), "not measured per phase: null, not NaN");
        assertEquals(1_234_567.0, point.at("/energyWattHour/total").asDouble());
        assertEquals("SN-1", point.get("serialNumber").asText());
        assertEquals("1.2.3", point.get("firmwareVersion").asText());
        assertTrue(point.get("connected").asBoolean());
        assertTrue(point.get("charging").asBoolean());
        assertEquals(NOW.minusSeconds(1800).toString(), point.at("/session/runningSince").asText());
        assertEquals(4200.5, point.at("/session/runningEnergyWattHour").asDouble());
        assertEquals(99_000.0, point.at("/session/totalEnergyWattHour").asDouble());
        assertFalse(point.at("/fault/present").asBoolean());
        assertEquals("No error", point.at("/fault/code").asText());
    }

    @Test
    void pointThatNeverAnsweredHasFaultAndNoChargerValues() throws Exception {
        JsonNode point = json(null, null, null).at("/points/1");

        assertEquals(2, point.get("number").asInt());
        assertFalse(point.get("driverAvailable").asBoolean());
        assertEquals("Start-up", point.at("/state/text").asText());
        assertTrue(point.get("setpointAmpere").isNull());
        assertTrue(point.at("/fault/present").asBoolean());
        assertEquals("NotReachable", point.at("/fault/code").asText());
        assertEquals("no answer from 192.0.2.1:502", point.at("/fault/detail").asText());
        assertTrue(point.at("/session/runningSince").isNull());
        for (String absent : List.of("currentAmpere", "powerWatt", "energyWattHour", "serialNumber", "connected")) {
            assertFalse(point.has(absent), absent + " is absent before the first answer, as in /echarge/api/status");
        }
    }

    @Test
    void dlmWithSharesAndProblems() throws Exception {
        DlmStatus dlm = new DlmStatus(DlmStatus.Mode.NORMAL, PhaseValues.of(32, 32, 32),
                PhaseValues.of(20.25, 12.5, 9), PhaseValues.of(4.75, 12.5, Double.NaN), NOW.minusSeconds(2), true,
                List.of(new DlmStatus.PointShare(1, true, 15.5, 13.123456, PhaseValues.of(15.5, 0, 0), ""),
                        new DlmStatus.PointShare(2, false, 0, 0, PhaseValues.NOT_MEASURED, "no vehicle")),
                List.of("the minimum currents need 36 A but the limit is 32 A"));

        JsonNode json = json(null, null, dlm).get("dlm");

        assertEquals("NORMAL", json.get("mode").asText());
        assertEquals(32.0, json.at("/limitAmpere/l3").asDouble());
        assertEquals(12.5, json.at("/meterAmpere/l2").asDouble());
        assertEquals(4.75, json.at("/nonChargingAmpere/l1").asDouble());
        assertTrue(json.at("/nonChargingAmpere/l3").isNull());
        assertEquals(NOW.minusSeconds(2).toString(), json.get("lastReading").asText());
        assertTrue(json.get("overCurrent").asBoolean());
        assertEquals("the minimum currents need 36 A but the limit is 32 A", json.at("/problems/0").asText());
        assertEquals(1, json.at("/points/0/number").asInt());
        assertTrue(json.at("/points/0/wantsCurrent").asBoolean());
        assertEquals(15.5, json.at("/points/0/targetAmpere").asDouble());
        assertEquals(13.123, json.at("/points/0/commandedAmpere").asDouble(), "rounded to mA");
        assertEquals(15.5, json.at("/points/0/drawAmpere/l1").asDouble());
        assertEquals("no vehicle", json.at("/points/1/reason").asText());
        assertTrue(json.at("/points/1/drawAmpere/l1").isNull());
    }

    @Test
    void dlmOffIsAnObjectWithModeOff() throws Exception {
        JsonNode json = json(null, null, DlmStatus.OFF).get("dlm");

        assertEquals("OFF", json.get("mode").asText());
        assertTrue(json.at("/limitAmpere/l1").isNull());
        assertTrue(json.get("lastReading").isNull());
        assertEquals(0, json.get("points").size());
    }
}
