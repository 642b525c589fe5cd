package org.echarge.console.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Filter;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.indicator.StatusIndicators;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.PointStatusListener;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /echarge/api/events}: the live status as Server-Sent Events ({@code text/event-stream}).
 * A {@code status} event ({@link StatusPayload}) when the stream opens and after every change of a
 * point (it listens to all of them as a {@link PointStatusListener}), a {@code : heartbeat}
 * comment when idle; limits in {@link EventStreamSettings}. More streams than allowed: 503.
 * <p>
 * The status is for logged-in users: the servlet is registered only while org.echarge.web's API
 * access filter (session, CSRF, forced password change on {@code /echarge/api/*}) is, so it fails
 * closed when that filter is missing.
 */
@Component(service = {Servlet.class, PointStatusListener.class})
@HttpWhiteboardServletPattern(StatusEventServlet.PATH)
@HttpWhiteboardServletName("echarge-console-events")
@HttpWhiteboardServletAsyncSupported
public final class StatusEventServlet extends HttpServlet implements PointStatusListener {

    static final String PATH = "/echarge/api/events";
    static final String API_ACCESS_FILTER = "(osgi.http.whiteboard.filter.name=echarge-api-access)";
    private static final long serialVersionUID = 1L;

    private final transient GatewayInfo gateway;
    private final transient Clock clock;
    private final transient ObjectMapper mapper = new ObjectMapper();
    private final transient StatusPayload payload = new StatusPayload(mapper);
    private final transient EventBroadcaster broadcaster;
    private final transient List<ChargingPoint> points = new CopyOnWriteArrayList<>();
    private transient volatile GatewayFaults faults;
    private transient volatile StatusIndicators indicators;
    private transient volatile LoadManagement loadManagement;

    /** @param apiAccess not used: the reference only ties this servlet's life to the filter's */
    @Activate
    public StatusEventServlet(BundleContext context,
            @Reference(name = "apiAccess", target = API_ACCESS_FILTER) Filter apiAccess) {
        this(GatewayInfo.of(context), Clock.systemUTC(), EventStreamSettings.DEFAULT);
    }

    StatusEventServlet(GatewayInfo gateway, Clock clock, EventStreamSettings settings) {
        this.gateway = gateway;
        this.clock = clock;
        this.broadcaster = new EventBroadcaster(settings, this::statusJson);
    }

    @Deactivate
    void deactivate() {
        broadcaster.close();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!broadcaster.open(request, response)) {
            response.setHeader("Retry-After", "30");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many live status streams are open");
        }
    }

    /** Headers only: a HEAD request opens no stream. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    public void statusChanged(PointStatus status) {
        broadcaster.changed();
    }

    /** The status JSON on one line, as sent in {@code status} events. */
    String statusJson() {
        GatewayFaults general = faults;
        StatusIndicators lights = indicators;
        LoadManagement dlm = loadManagement;
        List<PointStatus> statuses = points.stream().map(ChargingPoint::status).toList();
        try {
            return mapper.writeValueAsString(payload.build(gateway, clock.instant(),
                    general == null ? null : general.status(), lights == null ? null : lights.state(),
                    dlm == null ? null : dlm.status(), statuses));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status not serialisable", e);
        }
    }

    int openStreams() {
        return broadcaster.clients();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPoint(ChargingPoint point) {
        points.add(point);
        broadcaster.changed();
    }

    void unbindPoint(ChargingPoint point) {
        points.remove(point);
        broadcaster.changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFaults(GatewayFaults service) {
        faults = service;
    }

    void unbindFaults(GatewayFaults service) {
        if (faults == service) {
            faults = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIndicators(StatusIndicators service) {
        indicators = service;
    }

    void unbindIndicators(StatusIndicators service) {
        if (indicators == service) {
            indicators = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoadManagement(LoadManagement service) {
        loadManagement = service;
    }

    void unbindLoadManagement(LoadManagement service) {
        if (loadManagement == service) {
            loadManagement = null;
        }
    }
}
