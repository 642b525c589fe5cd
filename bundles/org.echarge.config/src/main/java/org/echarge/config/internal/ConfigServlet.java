package org.echarge.config.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.config.internal.ConfigurationService.RefusedException;
import org.echarge.config.internal.ConfigurationStore.ApplyException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The configuration API (login and CSRF by the web bundle's filter on {@code /echarge/api/*}):
 * {@code GET /echarge/api/config} the document, {@code PUT} to apply one, {@code GET .../schema},
 * {@code POST .../validate}, {@code GET .../export} as a file, {@code POST .../import[?force=true]}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/echarge/api/config", "/echarge/api/config/*"})
@HttpWhiteboardServletName("echarge-config")
public final class ConfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> ALLOWED = Map.of("", "GET, PUT", "/schema", "GET", "/validate", "POST",
            "/export", "GET", "/import", "POST");

    private final transient ConfigurationService configuration;
    private final transient Clock clock;
    private final transient ObjectMapper mapper = new ObjectMapper();
    private final transient DocumentReader reader = new DocumentReader();

    @Activate
    public ConfigServlet(@Reference ConfigurationService configuration) {
        this(configuration, Clock.systemUTC());
    }

    ConfigServlet(ConfigurationService configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        try {
            switch (method + " " + path) {
                case "GET " -> json(response, 200, configuration.document());
                case "GET /schema" -> json(response, 200, configuration.schema());
                case "GET /export" -> {
                    response.setHeader("Content-Disposition", "attachment; filename=\"echarge-config-"
                            + FILE_STAMP.format(clock.instant()) + ".json\"");
                    json(response, 200, configuration.document());
                }
                case "POST /validate" -> {
                    ConfigDocument document = document(request, Set.of("application/json"));
                    List<ConfigurationProblem> problems = configuration.validate(document).problems();
                    ObjectNode body = mapper.createObjectNode().put("valid", problems.isEmpty());
                    body.set("problems", mapper.valueToTree(problems));
                    json(response, 200, body);
                }
                case "PUT " -> apply(response, document(request, Set.of("application/json")));
                case "POST /import" -> {
                    boolean force = force(request.getParameter("force"));
                    ConfigDocument document = document(request, Set.of("application/json", "application/octet-stream"));
                    if (!force && !configuration.compatible(document.applicationVersion())) {
                        throw new ApiError(409, "incompatible-version", "the file is from version "
                                + document.applicationVersion() + ", this gateway runs "
                                + configuration.applicationVersion()
                                + " (another major version); import it with force=true to try anyway");
                    }
                    apply(response, document);
                }
                default -> throw ALLOWED.containsKey(path)
                        ? new ApiError(405, "method-not-allowed", method + " is not allowed here; allowed: "
                                + ALLOWED.get(path))
                        : new ApiError(404, "not-found", "unknown resource /echarge/api/config" + path);
            }
        } catch (ApiError error) {
            if (error.status() == 405) {
                response.setHeader("Allow", ALLOWED.get(path));
            }
            ObjectNode body = mapper.createObjectNode().put("error", error.code()).put("message", error.getMessage());
            if (error.problems() != null) {
                body.set("problems", mapper.valueToTree(error.problems()));
            }
            json(response, error.status(), body);
        }
    }

    private void apply(HttpServletResponse response, ConfigDocument document) throws IOException, ApiError {
        try {
            int changed = configuration.apply(document);
            json(response, 200, mapper.createObjectNode().put("applied", true).put("changed", changed));
        } catch (RefusedException e) {
            throw new ApiError(422, "config-refused", "the configuration is refused, nothing was changed: "
                    + e.problems().size() + " problem(s)", e.problems());
        } catch (ApplyException e) {
            throw new ApiError(500, e.restored() ? "apply-failed" : "apply-failed-not-restored", e.getMessage());
        }
    }

    private ConfigDocument document(HttpServletRequest request, Set<String> mediaTypes) throws IOException, ApiError {
        requireMediaType(request.getContentType(), mediaTypes);
        return reader.read(DocumentReader.body(request.getInputStream(), request.getContentLengthLong()));
    }

    private static boolean force(String value) throws ApiError {
        if (value == null || value.equals("false")) {
            return false;
        } else if (value.equals("true")) {
            return true;
        }
        throw ApiError.badRequest("force must be true or false, not '" + value + "'");
    }

    private static void requireMediaType(String contentType, Set<String> allowed) throws ApiError {
        String[] parts = contentType == null ? new String[] {""} : contentType.toLowerCase(Locale.ROOT).split(";");
        boolean ok = allowed.contains(parts[0].strip());
        for (int i = 1; ok && i < parts.length; i++) {
            String parameter = parts[i].strip().replace("\"", "");
            ok = !parameter.startsWith("charset=") || parameter.equals("charset=utf-8");
        }
        if (!ok) {
            throw new ApiError(415, "unsupported-media-type", "the body must be " + String.join(" or ", allowed)
                    + " in UTF-8");
        }
    }

    private void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        mapper.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
    }
}
