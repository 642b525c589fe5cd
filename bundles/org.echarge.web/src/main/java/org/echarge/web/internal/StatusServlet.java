package org.echarge.web.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.indicator.StatusIndicators;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
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
 * {@code GET /echarge/api/status}: the gateway and every charging point, as JSON.
 * {@code GET /echarge/api/health}: 200 when every gateway component is up and every point has
 * answered, 503 otherwise (same document).
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

    @Activate
    public StatusServlet(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.scr = scr;
        String version = context.getProperty("echarge.version");
        String name = context.getProperty("echarge.name");
        this.gateway = new StatusDocument.GatewayInfo(name == null ? "e-charge gateway" : name,
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
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<PointStatus> statuses = points.stream().map(ChargingPoint::status).toList();
        GatewayFaults general = faults;
        ObjectNode body = document.build(gateway, Clock.systemUTC().instant(), ComponentHealthCheck.of(scr),
                general == null ? null : general.status(), statuses);
        StatusIndicators lights = indicators;
        document.indicators(body, lights == null ? null : lights.state());
        LoadManagement dlm = loadManagement;
        document.dlm(body, dlm == null ? null : dlm.status());
        switch (path) {
            case "/status" -> response.setStatus(HttpServletResponse.SC_OK);
            case "/health" -> response.setStatus(body.get("ready").asBoolean()
                    ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "unknown resource " + path);
                return;
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        mapper.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
    }
}
