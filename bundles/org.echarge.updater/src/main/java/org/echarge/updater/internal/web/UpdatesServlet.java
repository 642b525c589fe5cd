package org.echarge.updater.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateReport;
import org.echarge.updater.internal.server.Available;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /echarge/api/updates}: the overview, driver and firmware uploads
 * ({@code application/octet-stream}, bounded), and the update server (check, install). Behind the
 * web bundle's {@code ApiAccessFilter} like every servlet under {@code /echarge/api/} (session,
 * CSRF). Every refusal is {@code {"error", "message"}} and changes nothing.
 */
public final class UpdatesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String OCTET_STREAM = "application/octet-stream";
    private static final int MAX_JSON_BYTES = 4096;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();

    /** Body of {@code POST /server/install}. */
    record Install(@JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "version", required = true) String version) {
    }

    private final transient UpdateCenter center;
    private final transient Supplier<Map<String, List<Integer>>> pointsByModel;
    private final transient UpdatesDocument document = new UpdatesDocument();

    /** @param pointsByModel the configured points' numbers per charger model */
    public UpdatesServlet(UpdateCenter center, Supplier<Map<String, List<Integer>>> pointsByModel) {
        this.center = center;
        this.pointsByModel = pointsByModel;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        try {
            switch (path) {
                case "", "/" -> {
                    allow(method, "GET");
                    json(response, 200, document.overview(center, pointsByModel.get()));
                }
                case "/driver" -> {
                    allow(method, "POST");
                    Path file = upload(request, center.settings().maxDriverBytes());
                    UpdateReport report = center.updateDriver(file);
                    if (report.outcome() == UpdateOutcome.REFUSED) {
                        boolean busy = report.message().startsWith("another driver update is running");
                        throw new UpdateProblem(busy ? 409 : 422, busy ? "update-running" : "update-refused",
                                report.message());
                    }
                    json(response, 200, document.report(report));
                }
                case "/firmware" -> {
                    allow(method, "POST");
                    Path file = upload(request, center.settings().maxFirmwareBytes());
                    json(response, 202, document.firmware(center.stageFirmware(file)));
                }
                case "/firmware/restored" -> {
                    allow(method, "DELETE");
                    center.acknowledgeRestored();
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                case "/server/check" -> {
                    allow(method, "POST");
                    json(response, 200, document.check(center.check()));
                }
                case "/server/install" -> {
                    allow(method, "POST");
                    Install install = install(request);
                    Object result = center.install(install.kind(), install.name(), install.version());
                    if (result instanceof UpdateReport report) {
                        if (report.outcome() == UpdateOutcome.REFUSED) {
                            throw new UpdateProblem(422, "update-refused", report.message());
                        }
                        json(response, 200, document.report(report));
                    } else {
                        json(response, 202, document.firmware((UpdateCenter.FirmwareStaged) result));
                    }
                }
                default -> throw new UpdateProblem(404, "not-found", "unknown resource " + path);
            }
        } catch (UpdateProblem problem) {
            ObjectNode body = document.json().createObjectNode().put("error", problem.code())
                    .put("message", problem.getMessage());
            json(response, problem.status(), body);
        }
    }

    private static void allow(String method, String allowed) throws UpdateProblem {
        if (!method.equals(allowed)) {
            throw new UpdateProblem(405, "method-not-allowed", method + " is not allowed here (only " + allowed + ")");
        }
    }

    /**
     * Stores the body in {@code incoming/}: {@code application/octet-stream}, at most {@code limit}
     * bytes (413 before anything is read when Content-Length says more), not empty.
     */
    private Path upload(HttpServletRequest request, long limit) throws UpdateProblem, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().split(";")[0].trim();
        if (!type.equalsIgnoreCase(OCTET_STREAM)) {
            throw new UpdateProblem(415, "unsupported-media-type", "send the package as " + OCTET_STREAM
                    + ", not '" + type + "'");
        }
        if (request.getContentLengthLong() > limit) {
            throw new UpdateProblem(413, "too-large", "the package is " + request.getContentLengthLong()
                    + " bytes, more than the limit of " + limit + " bytes");
        }
        Path file = center.newIncoming();
        long copied = 0;
        try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > limit) {
                    throw new UpdateProblem(413, "too-large", "the package is more than the limit of " + limit
                            + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (UpdateProblem | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (copied == 0) {
            Files.deleteIfExists(file);
            throw new UpdateProblem(400, "bad-request", "the request has no package in its body");
        }
        return file;
    }

    private static Install install(HttpServletRequest request) throws UpdateProblem, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().split(";")[0].trim();
        if (!type.equalsIgnoreCase("application/json")) {
            throw new UpdateProblem(415, "unsupported-media-type", "send application/json, not '" + type + "'");
        }
        byte[] body = request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
        if (body.length > MAX_JSON_BYTES) {
            throw new UpdateProblem(413, "too-large", "the request body is larger than " + MAX_JSON_BYTES + " bytes");
        }
        Install install;
        try {
            install = STRICT.readValue(body, Install.class);
        } catch (JsonProcessingException e) {
            throw new UpdateProblem(400, "bad-request", "the body must be {\"kind\": \"driver|firmware\", \"name\", "
                    + "\"version\"}: " + e.getOriginalMessage());
        }
        if (!install.kind().equals(Available.DRIVER) && !install.kind().equals(Available.FIRMWARE)) {
            throw new UpdateProblem(400, "bad-request", "kind must be 'driver' or 'firmware', not '" + install.kind()
                    + "'");
        }
        return install;
    }

    private void json(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        document.json().writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
    }
}
