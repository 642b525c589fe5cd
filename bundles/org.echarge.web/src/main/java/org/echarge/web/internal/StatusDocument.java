package org.echarge.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.knx.KnxState;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code /echarge/api/status}. Values the charger does not report are
 * {@code null}, never NaN (which is not JSON).
 */
final class StatusDocument {

    private final ObjectMapper mapper;

    StatusDocument(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param faults the general faults, {@code null} when that service is not available */
    ObjectNode build(GatewayInfo gateway, Instant now, ComponentHealth health, FaultStatus<GeneralFault> faults,
            Collection<PointStatus> points) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode device = root.putObject("gateway");
        device.put("name", gateway.name());
        device.put("version", gateway.version());
        device.put("uptimeSeconds", Duration.between(gateway.started(), now).toSeconds());
        if (faults == null) {
            device.putNull("fault");
        } else {
            ObjectNode fault = device.putObject("fault");
            fault.put("present", faults.present());
            fault.put("code", faults.shown().code());
            fault.put("severity", faults.shown().severity());
            fault.put("detail", faults.detail());
        }
        root.put("ready", ready(health, points));
        ObjectNode components = root.putObject("components");
        components.put("active", health.active());
        health.problems().forEach(components.putArray("problems")::add);
        ArrayNode array = root.putArray("points");
        points.stream().sorted(Comparator.comparingInt(PointStatus::number)).forEach(p -> array.add(point(p)));
        return root;
    }

    /**
     * The JSON of the open {@code /echarge/api/health}: readiness and counts only, nothing about the
     * installation (no names, addresses, identities, faults): that is for logged-in users.
     */
    ObjectNode health(ComponentHealth health, Collection<PointStatus> points) {
        return health(health, points, true);
    }

    /**
     * Readiness with or without the points: a firmware supervisor asks whether the gateway itself
     * runs ({@code withPoints} false), since a charger that is switched off says nothing about it.
     */
    ObjectNode health(ComponentHealth health, Collection<PointStatus> points, boolean withPoints) {
        ObjectNode root = mapper.createObjectNode();
        root.put("ready", withPoints ? ready(health, points) : health.problems().isEmpty());
        root.put("scope", withPoints ? "points" : "gateway");
        root.putObject("components").put("active", health.active()).put("problems", health.problems().size());
        root.putObject("points").put("total", points.size())
                .put("answered", points.stream().filter(PointStatus::answered).count());
        return root;
    }

    private static boolean ready(ComponentHealth health, Collection<PointStatus> points) {
        return health.problems().isEmpty() && points.stream().allMatch(PointStatus::answered);
    }

    /** Adds the KNX side, or null when the KNX binding is not installed. */
    void knx(ObjectNode root, KnxState state) {
        if (state == null) {
            root.putNull("knx");
            return;
        }
        knxState(root.putObject("knx"), state);
    }

    /** The KNX connection's state as the status document and the KNX API both show it. */
    static void knxState(ObjectNode knx, KnxState state) {
        knx.put("connection", state.connection().name());
        knx.put("target", state.target());
        knx.put("individualAddress", state.individualAddress());
        knx.put("programmingMode", state.programmingMode());
        knx.put("receivedTelegrams", state.receivedTelegrams());
        knx.put("pendingTelegrams", state.pendingTelegrams());
        knx.put("refusedTelegrams", state.refusedTelegrams());
        knx.put("lastRefusal", state.lastRefusal());
        state.problems().forEach(knx.putArray("problems")::add);
    }

    /** Adds what DLM does, or null when that service is not available. */
    void dlm(ObjectNode root, DlmStatus status) {
        if (status == null) {
            root.putNull("dlm");
            return;
        }
        ObjectNode dlm = root.putObject("dlm");
        dlm.put("mode", status.mode().name());
        dlm.set("limitAmpere", phases(status.limitAmpere()));
        dlm.set("meterAmpere", phases(status.meterAmpere()));
        dlm.set("nonChargingAmpere", phases(status.nonChargingAmpere()));
        dlm.put("lastReading", status.lastReading() == null ? null : status.lastReading().toString());
        dlm.put("overCurrent", status.overCurrent());
        status.problems().forEach(dlm.putArray("problems")::add);
        ArrayNode shares = dlm.putArray("points");
        for (DlmStatus.PointShare share : status.points()) {
            ObjectNode node = shares.addObject();
            node.put("number", share.number());
            node.put("wantsCurrent", share.wantsCurrent());
            number(node, "targetAmpere", share.targetAmpere());
            number(node, "commandedAmpere", share.commandedAmpere());
            node.set("drawAmpere", phases(share.drawAmpere()));
            node.put("reason", share.reason());
        }
    }

    /** Adds the status indicators, or null when that service is not available. */
    void indicators(ObjectNode root, IndicatorState state) {
        if (state == null) {
            root.putNull("indicators");
            return;
        }
        ObjectNode node = root.putObject("indicators");
        node.put("programming", state.programming().name());
        node.put("app", state.app().name());
        node.put("com", state.com().name());
        node.put("reason", state.reason());
    }

    private ObjectNode point(PointStatus status) {
        ObjectNode node = mapper.createObjectNode();
        node.put("number", status.number());
        node.put("name", status.name());
        node.put("model", status.modelId());
        node.put("address", status.address());
        node.put("driverAvailable", status.driverAvailable());
        ObjectNode state = node.putObject("state");
        state.put("value", status.state().value());
        state.put("text", status.state().text());
        node.put("interrupted", status.interrupted());
        node.put("chargingComplete", status.chargingComplete());
        node.put("temperatureWarning", status.temperatureWarning());
        number(node, "setpointAmpere", status.setpointAmpere());
        ObjectNode fault = node.putObject("fault");
        fault.put("present", status.faultPresent());
        fault.put("code", status.fault().code());
        fault.put("severity", status.fault().severity());
        fault.put("detail", status.faultDetail());
        node.put("lastAnswer", status.lastAnswer() == null ? null : status.lastAnswer().toString());
        SessionInfo session = status.session();
        ObjectNode sessions = node.putObject("session");
        sessions.put("runningSince", session.runningSince() == null ? null : session.runningSince().toString());
        number(sessions, "runningEnergyWattHour", session.runningEnergyWattHour());
        sessions.put("lastStart", session.lastStart() == null ? null : session.lastStart().toString());
        sessions.put("lastEnd", session.lastEnd() == null ? null : session.lastEnd().toString());
        sessions.put("lastDurationSeconds", session.lastDurationSeconds());
        number(sessions, "lastEnergyWattHour", session.lastEnergyWattHour());
        number(sessions, "totalEnergyWattHour", session.totalEnergyWattHour());
        ChargerSnapshot snapshot = status.snapshot();
        if (snapshot != null) {
            node.put("connected", snapshot.vehicleConnected());
            node.put("charging", snapshot.charging());
            number(node, "reportedSetpointAmpere", snapshot.setpointAmpere());
            node.set("currentAmpere", phases(snapshot.currentAmpere()));
            node.set("powerWatt", phases(snapshot.powerWatt()));
            node.set("energyWattHour", phases(snapshot.energyWattHour()));
            number(node, "sessionEnergyWattHour", snapshot.sessionEnergyWattHour());
            number(node, "temperatureCelsius", snapshot.temperatureCelsius());
            node.put("serialNumber", snapshot.serialNumber());
            node.put("firmwareVersion", snapshot.firmwareVersion());
            node.put("rfidTag", snapshot.rfidTag());
            node.put("evccId", snapshot.evccId());
            ArrayNode codes = node.putArray("errorCodes");
            snapshot.errorCodes().forEach(code -> codes.add(String.format("%X", code)));
        }
        return node;
    }

    private ObjectNode phases(PhaseValues values) {
        ObjectNode node = mapper.createObjectNode();
        number(node, "l1", values.l1());
        number(node, "l2", values.l2());
        number(node, "l3", values.l3());
        number(node, "total", values.total());
        return node;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, Math.round(value * 1000) / 1000.0);
        } else {
            node.putNull(field);
        }
    }

    /** Who is answering. */
    record GatewayInfo(String name, String version, Instant started) {
    }

    /** Gateway DS components: how many are up, and what is wrong with the others. */
    record ComponentHealth(int active, List<String> problems) {
    }
}
