package org.echarge.web.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.knx.KnxDevice;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.indicator.StatusIndicators;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
import org.echarge.web.internal.security.ApiAccessFilter;
import org.echarge.web.internal.security.ApiProblem;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /echarge/api/status}: the gateway and every charging point, as JSON; for a logged-in
 * console session only (checked by {@link ApiAccessFilter}, and here again: no session attribute,
 * no status). {@code GET /echarge/api/health}: 200 when every gateway component is up and every
 * point has answered, 503 otherwise; open, for scripts and monitoring, so it tells readiness and
 * counts only.
 * Every other path under {@code /echarge/api/} that no other servlet claims ends here: 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/api/*")
@HttpWhiteboardServletName("echarge-status")
public final class StatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ServiceComponentRuntime scr;
    private final transient ObjectMapper mapper = new ObjectMapper();
    private final transient StatusDocument document = new StatusDocument(mapper);
    private final transient StatusDocument.GatewayInfo gateway;
    private final transient List<ChargingPoint> points = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GatewayFaults faults;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StatusIndicators indicators;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoadManagement loadManagement;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KnxDevice knx;

    @Activate
    public StatusServlet(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this(scr, gateway(context));
    }

    StatusServlet(ServiceComponentRuntime scr, StatusDocument.GatewayInfo gateway) {
        this.scr = scr;
        this.gateway = gateway;
    }

    private static StatusDocument.GatewayInfo gateway(BundleContext context) {
        String version = context.getProperty("echarge.version");
        String name = context.getProperty("echarge.name");
        return new StatusDocument.GatewayInfo(name == null ? "e-charge gateway" : name,
                version == null ? context.getBundle().getVersion().toString() : version,
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
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
        boolean health = path.equals("/health");
        try {
            check(request, path, health);
        } catch (ApiProblem problem) {
            problem.send(response);
            return;
        }
        String scope = request.getParameter("scope");
        if (health && scope != null && !scope.equals("points") && !scope.equals("gateway")) {
            new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "bad-request",
                    "scope: points (default) or gateway, not " + scope).send(response);
            return;
        }
        List<PointStatus> statuses = points.stream().map(ChargingPoint::status).toList();
        StatusDocument.ComponentHealth components = ComponentHealthCheck.of(scr);
        ObjectNode body = health ? document.health(components, statuses, !"gateway".equals(scope))
                : status(components, statuses);
        response.setStatus(!health || body.get("ready").asBoolean()
                ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (request.getMethod().equals("GET")) {
            mapper.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
        }
    }

    private static void check(HttpServletRequest request, String path, boolean health) throws ApiProblem {
        if (!health && !path.equals("/status")) {
            throw new ApiProblem(HttpServletResponse.SC_NOT_FOUND, "not-found", "unknown resource " + path);
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            throw new ApiProblem(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                    path + " takes GET only", Map.of("Allow", "GET, HEAD"));
        }
        if (!health && ApiAccessFilter.session(request).isEmpty()) {
            throw ApiProblem.unauthenticated();
        }
    }

    private ObjectNode status(StatusDocument.ComponentHealth components, List<PointStatus> statuses) {
        GatewayFaults general = faults;
        ObjectNode body = document.build(gateway, Clock.systemUTC().instant(), components,
                general == null ? null : general.status(), statuses);
        StatusIndicators lights = indicators;
        document.indicators(body, lights == null ? null : lights.state());
        LoadManagement dlm = loadManagement;
        document.dlm(body, dlm == null ? null : dlm.status());
        KnxDevice device = knx;
        document.knx(body, device == null ? null : device.state());
        return body;
    }
}
