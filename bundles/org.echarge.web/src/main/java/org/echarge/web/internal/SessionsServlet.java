package org.echarge.web.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.point.FinishedSession;
import org.echarge.api.point.SessionHistory;
import org.echarge.web.internal.security.ApiAccessFilter;
import org.echarge.web.internal.security.ApiProblem;
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
 * The finished charging sessions (login required, by the API filter), newest first:
 * {@code GET /echarge/api/sessions} as JSON, {@code GET /echarge/api/sessions.csv} as a CSV
 * attachment. Both take the filters {@code from} and {@code to} (ISO-8601 instants; sessions that
 * started in [from, to)) and {@code point}; a filter that is malformed, repeated or unknown is a
 * 400 and nothing is listed. 503 while the charging point runtime is not installed.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/echarge/api/sessions", "/echarge/api/sessions.csv"})
@HttpWhiteboardServletName("echarge-sessions")
public final class SessionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SessionsServlet.class);
    private static final Set<String> FILTERS = Set.of("from", "to", "point");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final transient ObjectMapper mapper = new ObjectMapper();
    private final transient Clock clock;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SessionHistory history;

    public SessionsServlet() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: this history ({@code null}: not installed) and clock. */
    SessionsServlet(SessionHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean csv = request.getServletPath().endsWith(".csv");
        try {
            if (ApiAccessFilter.session(request).isEmpty()) {
                throw ApiProblem.unauthenticated();
            }
            if (!request.getMethod().equals("GET")) {
                throw new ApiProblem(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                        request.getMethod() + " is not allowed here", Map.of("Allow", "GET"));
            }
            SessionHistory.Filter filter = filter(request);
            SessionHistory sessions = history;
            if (sessions == null) {
                throw new ApiProblem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "not-available",
                        "the charging point runtime is not installed");
            }
            if (csv) {
                response.setContentType("text/csv");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Content-Disposition", "attachment; filename=\"echarge-sessions-"
                        + FILE_TIME.format(clock.instant()) + ".csv\"");
                Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                sessions.exportCsv(filter, out);
                out.flush();
            } else {
                JsonAnswer.send(response, HttpServletResponse.SC_OK, document(sessions, filter));
            }
        } catch (ApiProblem problem) {
            problem.send(response);
        } catch (IOException e) {
            if (response.isCommitted()) {
                throw e;
            }
            LOG.error("Session history could not be read", e);
            response.reset();
            new ApiProblem(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "history-unreadable",
                    "the session history could not be read: " + e.getMessage()).send(response);
        }
    }

    private ObjectNode document(SessionHistory sessions, SessionHistory.Filter filter) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("sessions");
        for (FinishedSession session : sessions.sessions(filter)) {
            list.addObject()
                    .put("point", session.point())
                    .put("start", session.start().toString())
                    .put("end", session.end().toString())
                    .put("durationSeconds", session.duration().toSeconds())
                    .put("energyWattHour", session.energyWattHour())
                    .put("rfid", session.rfidTag());
        }
        return root;
    }

    private static SessionHistory.Filter filter(HttpServletRequest request) throws ApiProblem {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!FILTERS.contains(parameter.getKey())) {
                throw badFilter("unknown filter '" + parameter.getKey() + "'; filters: from, to, point");
            }
            if (parameter.getValue().length != 1) {
                throw badFilter("filter '" + parameter.getKey() + "' is given more than once");
            }
        }
        Instant from = instant(request, "from");
        Instant to = instant(request, "to");
        String point = request.getParameter("point");
        if (point != null && !point.matches("[1-9][0-9]{0,8}")) {
            throw badFilter("'point' must be a point number (1, 2, ...), not '" + point + "'");
        }
        try {
            return new SessionHistory.Filter(from, to, point == null ? null : Integer.valueOf(point));
        } catch (IllegalArgumentException e) {
            throw badFilter(e.getMessage());
        }
    }

    /** An ISO-8601 instant, with Z or an offset ({@code 2026-11-29T08:00:00Z}, {@code ...+01:00}). */
    private static Instant instant(HttpServletRequest request, String name) throws ApiProblem {
        String value = request.getParameter(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw badFilter("'" + name + "' must be an ISO-8601 instant such as 2026-11-29T08:00:00Z, not '"
                    + value + "'");
        }
    }

    private static ApiProblem badFilter(String message) {
        return new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "bad-request", message);
    }
}
