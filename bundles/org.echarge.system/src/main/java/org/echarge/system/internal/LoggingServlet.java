package org.echarge.system.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /echarge/api/system/logging} the mode, {@code PUT} {"mode": "SIMPLE"|"EXTENDED"} sets it
 * through ConfigAdmin ({@link PaxLoggingSettings}). Behind the console login ({@code ApiAccessFilter}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/api/system/logging")
@HttpWhiteboardServletName("echarge-system-logging")
public final class LoggingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LoggingServlet.class);

    record ModeBody(LoggingMode mode) {
    }

    private final transient PaxLoggingSettings settings;
    private final transient JsonExchange json = new JsonExchange();

    @Activate
    public LoggingServlet(@Reference ConfigurationAdmin configurationAdmin) {
        this.settings = new PaxLoggingSettings(configurationAdmin);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            switch (request.getMethod()) {
                case "GET" -> json.write(response, HttpServletResponse.SC_OK, Map.of("mode", settings.mode()));
                case "PUT" -> {
                    ModeBody body = json.read(request, ModeBody.class, "bad-request");
                    if (body.mode() == null) {
                        throw ApiProblem.badRequest("bad-request", "field 'mode' is required: SIMPLE or EXTENDED");
                    }
                    LoggingMode mode = settings.apply(body.mode());
                    LOG.info("Logging mode {} (org.echarge at {})", mode, mode.level());
                    json.write(response, HttpServletResponse.SC_OK, Map.of("mode", mode));
                }
                default -> throw ApiProblem.methodNotAllowed(request, response, "GET, PUT");
            }
        } catch (ApiProblem problem) {
            problem.send(response);
        }
    }
}
