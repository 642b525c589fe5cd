package org.echarge.updater.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.echarge.updater.InstalledDriver;
import org.echarge.updater.PointOutage;
import org.echarge.updater.UpdateRecord;
import org.echarge.updater.UpdateReport;
import org.echarge.updater.internal.firmware.FirmwareStatus;
import org.echarge.updater.internal.server.Available;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON documents of the update API; durations in seconds (decimal), instants as ISO-8601 text. */
final class UpdatesDocument {

    private final ObjectMapper json = new ObjectMapper();

    ObjectMapper json() {
        return json;
    }

    ObjectNode overview(UpdateCenter center, Map<String, List<Integer>> pointsByModel) {
        ObjectNode root = json.createObjectNode();
        root.set("firmware", firmware(center.firmwareStatus()));
        ArrayNode drivers = root.putArray("drivers");
        for (InstalledDriver driver : center.drivers().drivers()) {
            ObjectNode row = drivers.addObject();
            row.put("symbolicName", driver.symbolicName());
            row.put("version", driver.version());
            row.put("state", driver.state());
            driver.driverIds().forEach(row.putArray("driverIds")::add);
            driver.modelIds().forEach(row.putArray("models")::add);
            ArrayNode points = row.putArray("points");
            driver.modelIds().stream().flatMap(model -> pointsByModel.getOrDefault(model, List.of()).stream())
                    .sorted().forEach(points::add);
        }
        ArrayNode history = root.putArray("history");
        List<UpdateRecord> records = center.drivers().history();
        for (int i = records.size() - 1; i >= 0; i--) {
            UpdateRecord record = records.get(i);
            ObjectNode row = history.addObject();
            row.put("time", record.time().toString());
            row.put("outcome", record.outcome().name());
            row.put("symbolicName", record.symbolicName());
            row.put("fromVersion", record.fromVersion());
            row.put("toVersion", record.toVersion());
            putSeconds(row, "longestPointOutageSeconds", record.longestPointOutage());
            row.put("message", record.message());
        }
        ObjectNode server = root.putObject("server");
        server.put("url", center.settings().server().map(Object::toString).orElse(null));
        UpdateCenter.ServerCheck check = center.lastCheck().orElse(null);
        server.put("lastChecked", check == null ? null : check.checked().toString());
        server.put("lastError", check == null ? null : check.error());
        available(server.putArray("available"), check == null ? List.of() : check.available());
        return root;
    }

    private ObjectNode firmware(FirmwareStatus status) {
        ObjectNode node = json.createObjectNode();
        node.put("version", status.version());
        node.put("previousVersion", status.previousVersion());
        node.put("supervised", status.supervised());
        node.put("previousFirmwareRestored", status.restored());
        node.put("applicationVersion", status.applicationVersion());
        node.put("warning", status.warning());
        Properties result = status.lastResult();
        if (result == null) {
            node.putNull("lastResult");
        } else {
            ObjectNode last = node.putObject("lastResult");
            for (String key : List.of("result", "from", "to", "time", "reason")) {
                last.put(key, result.getProperty(key));
            }
        }
        return node;
    }

    ObjectNode report(UpdateReport report) {
        ObjectNode node = json.createObjectNode();
        node.put("outcome", report.outcome().name());
        node.put("symbolicName", report.symbolicName());
        node.put("fromVersion", report.fromVersion());
        node.put("toVersion", report.toVersion());
        node.put("message", report.message());
        node.put("started", report.started().toString());
        putSeconds(node, "durationSeconds", report.duration());
        putSeconds(node, "driverOutageSeconds", report.driverOutage());
        ArrayNode points = node.putArray("points");
        for (PointOutage point : report.points()) {
            ObjectNode row = points.addObject();
            row.put("number", point.number());
            row.put("lastAnswerBefore", point.lastAnswerBefore().toString());
            row.put("firstAnswerAfter", point.firstAnswerAfter() == null ? null : point.firstAnswerAfter().toString());
            putSeconds(row, "outageSeconds", point.outage().orElse(null));
        }
        report.notChecked().forEach(node.putArray("notChecked")::add);
        return node;
    }

    ObjectNode firmware(UpdateCenter.FirmwareStaged staged) {
        ObjectNode node = json.createObjectNode();
        node.put("staged", staged.staged().version());
        node.put("from", staged.staged().runningVersion());
        node.put("restarting", staged.restarting());
        node.put("applicationVersion", staged.staged().applicationVersion());
        node.put("warning", staged.staged().warning());
        node.put("message", "firmware " + staged.staged().version() + " is verified and staged; the gateway restarts "
                + "into it and goes back to " + staged.staged().runningVersion() + " by itself if it does not become "
                + "ready");
        return node;
    }

    ObjectNode check(UpdateCenter.ServerCheck check) {
        ObjectNode node = json.createObjectNode();
        node.put("checked", check.checked().toString());
        available(node.putArray("available"), check.available());
        return node;
    }

    private static void available(ArrayNode array, List<Available> available) {
        for (Available a : available) {
            ObjectNode row = array.addObject();
            row.put("kind", a.kind());
            row.put("name", a.name());
            row.put("version", a.version());
            row.put("installed", a.installed());
            row.put("size", a.entry().size());
        }
    }

    private static void putSeconds(ObjectNode node, String field, Duration duration) {
        if (duration == null) {
            node.putNull(field);
        } else {
            node.put(field, duration.toMillis() / 1000.0);
        }
    }
}
