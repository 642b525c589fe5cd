package org.echarge.web.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointStatus;
import org.echarge.web.internal.security.ApiAccessFilter;
import org.echarge.web.internal.security.ApiProblem;
import org.echarge.web.internal.security.JsonRequests;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The charging points for the console (login required, by the API filter):
 * {@code GET /echarge/api/points} lists them; {@code POST /echarge/api/points/<n>/<command>}
 * sends a command the way KNX does: {@code setpoint} {"current": A} (only while DLM does not set
 * the point's current, and within the point's configured range), {@code interruption}
 * {"active": bool}, {@code start-stop} {"start": bool}, {@code unlock} {} (models that can).
 * Commands are accepted (202) and carried out by the point runtime on its own threads; what
 * came of them shows in the point's status.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/echarge/api/points", "/echarge/api/points/*"})
@HttpWhiteboardServletName("echarge-points")
public final class PointsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PointsServlet.class);
    private static final List<String> COMMANDS = List.of("setpoint", "interruption", "start-stop", "unlock");

    record Setpoint(Double current) {
    }

    record Interruption(Boolean active) {
    }

    record StartStop(Boolean start) {
    }

    record Unlock() {
    }

    private final transient ObjectMapper mapper = new ObjectMapper();
    private final transient List<ChargingPoint> points = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoadManagement loadManagement;

    public PointsServlet() {
        // DS: references are set after construction
    }

    /** For tests: the given points and load management ({@code null}: not installed). */
    PointsServlet(List<ChargingPoint> points, LoadManagement loadManagement) {
        this.points.addAll(points);
        this.loadManagement = loadManagement;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPoint(ChargingPoint point) {
        points.add(point);
    }

    void unbindPoint(ChargingPoint point) {
        points.remove(point);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        try {
            if (ApiAccessFilter.session(request).isEmpty()) {
                throw ApiProblem.unauthenticated();
            }
            if (path.isEmpty() || path.equals("/")) {
                requireMethod(method, "GET");
                JsonAnswer.send(response, HttpServletResponse.SC_OK, list());
                return;
            }
            String[] parts = path.substring(1).split("/", -1);
            ChargingPoint point = point(parts[0]);
            if (parts.length != 2 || !COMMANDS.contains(parts[1])) {
                throw new ApiProblem(HttpServletResponse.SC_NOT_FOUND, "not-found", "unknown resource " + path
                        + "; commands: " + String.join(", ", COMMANDS));
            }
            requireMethod(method, "POST");
            ObjectNode accepted = command(point, parts[1], request);
            LOG.info("Web console: point {} {} from {}", point.number(), accepted, request.getRemoteAddr());
            JsonAnswer.send(response, HttpServletResponse.SC_ACCEPTED, accepted);
        } catch (ApiProblem problem) {
            problem.send(response);
        }
    }

    private ArrayNode list() {
        ArrayNode list = mapper.createArrayNode();
        points.stream().sorted(Comparator.comparingInt(ChargingPoint::number)).forEach(point -> {
            PointStatus status = point.status();
            PointConfiguration configuration = point.configuration();
            ObjectNode row = list.addObject();
            row.put("number", point.number());
            row.put("name", configuration != null ? configuration.name() : status.name());
            row.put("dlm", dlmControls(point.number()));
            point.capabilities().stream().sorted().map(ChargerCapability::name).forEach(row.putArray("capabilities")::add);
            row.put("state", status.state().name());
            row.put("configured", configuration != null);
            if (configuration != null) {
                row.put("minCurrentAmpere", configuration.minCurrentAmpere());
                row.put("maxCurrentAmpere", configuration.maxCurrentAmpere());
            }
            row.put("setpointAmpere", status.setpointAmpere());
            row.put("interrupted", status.interrupted());
        });
        return list;
    }

    private ObjectNode command(ChargingPoint point, String command, HttpServletRequest request)
            throws ApiProblem, IOException {
        ObjectNode accepted = mapper.createObjectNode().put("point", point.number()).put("command", command);
        switch (command) {
            case "setpoint" -> {
                double current = JsonRequests.read(request, Setpoint.class).current();
                PointConfiguration configuration = configured(point);
                if (dlmControls(point.number())) {
                    throw new ApiProblem(HttpServletResponse.SC_CONFLICT, "dlm-active", "load management sets the "
                            + "current of point " + point.number() + "; a setpoint applies only while DLM is off");
                }
                if (!(current >= configuration.minCurrentAmpere() && current <= configuration.maxCurrentAmpere())) {
                    throw new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "out-of-range", String.format(Locale.ROOT,
                            "current %s A is outside the allowed range of point %d: %s to %s A", current,
                            point.number(), configuration.minCurrentAmpere(), configuration.maxCurrentAmpere()));
                }
                point.setpoint(current);
                accepted.put("current", current);
            }
            case "interruption" -> {
                boolean active = JsonRequests.read(request, Interruption.class).active();
                configured(point);
                point.interruption(active);
                accepted.put("active", active);
            }
            case "start-stop" -> {
                boolean start = JsonRequests.read(request, StartStop.class).start();
                configured(point);
                point.startStop(start);
                accepted.put("start", start);
            }
            default -> {
                JsonRequests.read(request, Unlock.class);
                configured(point);
                if (!point.capabilities().contains(ChargerCapability.UNLOCK)) {
                    throw new ApiProblem(HttpServletResponse.SC_CONFLICT, "not-supported", point.capabilities().isEmpty()
                            ? "no installed driver offers the model of point " + point.number()
                            : "the charger model of point " + point.number() + " cannot release the cable lock");
                }
                point.unlock();
            }
        }
        return accepted;
    }

    private ChargingPoint point(String number) throws ApiProblem {
        Optional<ChargingPoint> found = number.matches("[1-9][0-9]{0,8}") ? points.stream()
                .filter(p -> p.number() == Integer.parseInt(number)).findFirst() : Optional.empty();
        return found.orElseThrow(() -> new ApiProblem(HttpServletResponse.SC_NOT_FOUND, "unknown-point",
                "there is no charging point '" + number + "'"));
    }

    /** The point's configuration; a point whose configuration is invalid takes no commands (409). */
    private static PointConfiguration configured(ChargingPoint point) throws ApiProblem {
        PointConfiguration configuration = point.configuration();
        if (configuration == null) {
            throw new ApiProblem(HttpServletResponse.SC_CONFLICT, "invalid-configuration", "point " + point.number()
                    + " takes no commands while its configuration is invalid: " + point.status().faultDetail());
        }
        return configuration;
    }

    /** Whether load management is on and sets this point's current. */
    private boolean dlmControls(int number) {
        LoadManagement dlm = loadManagement;
        DlmStatus status = dlm == null ? DlmStatus.OFF : dlm.status();
        return status.mode() != DlmStatus.Mode.OFF && status.points().stream().anyMatch(p -> p.number() == number);
    }

    private static void requireMethod(String method, String allowed) throws ApiProblem {
        if (!method.equals(allowed)) {
            throw new ApiProblem(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                    method + " is not allowed here", java.util.Map.of("Allow", allowed));
        }
    }
}
