package org.echarge.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of a {@code status} event: the subset of {@code /echarge/api/status} that the status
 * page shows, with the same field names, nesting and null rules, so that the page can render
 * either. A service that is not available is {@code null}; a number that is not reported is
 * {@code null}, never NaN; the charger's values are absent before its first answer. README.md
 * lists every field.
 */
final class StatusPayload {

    private final ObjectMapper mapper;

    StatusPayload(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param faults the general faults, {@code null} when that service is not available
     * @param indicators {@code null} when that service is not available
     * @param dlm {@code null} when that service is not available
     */
    ObjectNode build(GatewayInfo gateway, Instant now, FaultStatus<GeneralFault> faults, IndicatorState indicators,
            DlmStatus dlm, Collection<PointStatus> points) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode device = root.putObject("gateway");
        device.put("name", gateway.name());
        device.put("version", gateway.version());
        device.put("uptimeSeconds", Duration.between(gateway.started(), now).toSeconds());
        if (faults == null) {
            device.putNull("fault");
        } else {
            fault(device.putObject("fault"), faults.present(), faults.shown().code(), faults.shown().severity(),
                    faults.detail());
        }
        if (indicators == null) {
            root.putNull("indicators");
        } else {
            indicators(root.putObject("indicators"), indicators);
        }
        if (dlm == null) {
            root.putNull("dlm");
        } else {
            dlm(root.putObject("dlm"), dlm);
        }
        ArrayNode array = root.putArray("points");
        points.stream().sorted(Comparator.comparingInt(PointStatus::number)).forEach(p -> point(array.addObject(), p));
        return root;
    }

    private static void indicators(ObjectNode node, IndicatorState state) {
        node.put("programming", state.programming().name());
        node.put("app", state.app().name());
        node.put("com", state.com().name());
        node.put("reason", state.reason());
    }

    private void dlm(ObjectNode node, DlmStatus status) {
        node.put("mode", status.mode().name());
        node.set("limitAmpere", phases(status.limitAmpere()));
        node.set("meterAmpere", phases(status.meterAmpere()));
        node.set("nonChargingAmpere", phases(status.nonChargingAmpere()));
        node.put("lastReading", status.lastReading() == null ? null : status.lastReading().toString());
        node.put("overCurrent", status.overCurrent());
        ArrayNode problems = node.putArray("problems");
        status.problems().forEach(problems::add);
        ArrayNode shares = node.putArray("points");
        for (DlmStatus.PointShare share : status.points()) {
            ObjectNode entry = shares.addObject();
            entry.put("number", share.number());
            entry.put("wantsCurrent", share.wantsCurrent());
            number(entry, "targetAmpere", share.targetAmpere());
            number(entry, "commandedAmpere", share.commandedAmpere());
            entry.set("drawAmpere", phases(share.drawAmpere()));
            entry.put("reason", share.reason());
        }
    }

    private void point(ObjectNode node, PointStatus status) {
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
        number(node, "setpointAmpere", status.setpointAmpere());
        fault(node.putObject("fault"), status.faultPresent(), status.fault().code(), status.fault().severity(),
                status.faultDetail());
        SessionInfo session = status.session();
        ObjectNode sessions = node.putObject("session");
        sessions.put("runningSince", session.runningSince() == null ? null : session.runningSince().toString());
        number(sessions, "runningEnergyWattHour", session.runningEnergyWattHour());
        number(sessions, "totalEnergyWattHour", session.totalEnergyWattHour());
        ChargerSnapshot snapshot = status.snapshot();
        if (snapshot != null) {
            node.put("connected", snapshot.vehicleConnected());
            node.put("charging", snapshot.charging());
            node.set("currentAmpere", phases(snapshot.currentAmpere()));
            node.set("powerWatt", phases(snapshot.powerWatt()));
            node.set("energyWattHour", phases(snapshot.energyWattHour()));
            node.put("serialNumber", snapshot.serialNumber());
            node.put("firmwareVersion", snapshot.firmwareVersion());
        }
    }

    private static void fault(ObjectNode node, boolean present, String code, int severity, String detail) {
        node.put("present", present);
        node.put("code", code);
        node.put("severity", severity);
        node.put("detail", detail);
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
}
