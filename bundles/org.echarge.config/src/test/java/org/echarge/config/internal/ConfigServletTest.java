package org.echarge.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The configuration API in Jetty 9.4 (the container of Pax Web 8 in Karaf 4.4.10) on 127.0.0.1,
 * mapped as the whiteboard maps it. Session and CSRF are the web bundle's filter's (tested there).
 */
class ConfigServletTest {

    private static final String API = "/echarge/api/config";

    private final FakeConfigurationAdmin admin = new FakeConfigurationAdmin();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        admin.put("org.echarge.dlm", null, Map.of("enabled", "true", "fuseAmpere", "35"));
        admin.put("org.echarge.point~1", "org.echarge.point", Map.of("number", "1", "model", "sim"));
        ConfigurationService service = new ConfigurationService(admin, TestSchema::schema, "0.1.0", List.of());
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder(new ConfigServlet(service,
                Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC)));
        context.addServlet(servlet, API);
        context.addServlet(servlet, API + "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private ObjectNode document() throws Exception {
        HttpResponse<String> response = send("GET", API, null, null);
        assertEquals(200, response.statusCode());
        return (ObjectNode) json.readTree(response.body());
    }

    /** The document with DLM's fuse rating set to {@code fuse} (any JSON). */
    private ObjectNode withFuse(Object fuse) throws Exception {
        ObjectNode document = document();
        for (JsonNode entry : document.get("configurations")) {
            if (entry.get("pid").asText().equals("org.echarge.dlm")) {
                ((ObjectNode) entry.get("properties")).set("fuseAmpere", json.valueToTree(fuse));
            }
        }
        return document;
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void getGivesTheDocumentAndTheSchema() throws Exception {
        ObjectNode document = document();
        assertEquals("echarge-config", document.get("format").asText());
        assertEquals("0.1.0", document.get("applicationVersion").asText());
        JsonNode point = document.get("configurations").get(1);
        assertEquals("org.echarge.point~1", point.get("pid").asText());
        assertEquals("org.echarge.point", point.get("factoryPid").asText());
        assertEquals("1", point.get("name").asText());
        assertTrue(document.get("configurations").get(0).get("factoryPid").isNull());

        HttpResponse<String> schema = send("GET", API + "/schema", null, null);
        assertEquals(200, schema.statusCode());
        JsonNode dlm = body(schema).get("sections").get(0);
        assertEquals("org.echarge.dlm", dlm.get("pid").asText());
        assertFalse(dlm.get("factory").asBoolean());
        JsonNode fuse = dlm.get("attributes").get(1);
        assertEquals("fuseAmpere", fuse.get("id").asText());
        assertEquals("double", fuse.get("type").asText());
        assertEquals("35", fuse.get("default").get(0).asText());
        assertEquals("1", fuse.get("min").asText());
        assertEquals("4000", fuse.get("max").asText());
        assertEquals("rotate", dlm.get("attributes").get(2).get("options").get(0).get("value").asText());
    }

    @Test
    void validateReportsWithoutChanging() throws Exception {
        HttpResponse<String> valid = send("POST", API + "/validate", withFuse(40).toString());
        assertEquals(200, valid.statusCode(), valid.body());
        assertTrue(body(valid).get("valid").asBoolean());
        HttpResponse<String> invalid = send("POST", API + "/validate", withFuse(5000).toString());
        assertEquals(200, invalid.statusCode());
        JsonNode problem = body(invalid).get("problems").get(0);
        assertFalse(body(invalid).get("valid").asBoolean());
        assertEquals("org.echarge.dlm", problem.get("pid").asText());
        assertTrue(problem.get("name").isNull());
        assertEquals("fuseAmpere", problem.get("attribute").asText());
        assertTrue(problem.get("message").asText().contains("at most 4000"));
        assertEquals("35", admin.properties("org.echarge.dlm").get("fuseAmpere"));
    }

    @Test
    void putAppliesAValidDocumentAndRefusesAnInvalidOneWholly() throws Exception {
        HttpResponse<String> applied = send("PUT", API, withFuse(40).toString());
        assertEquals(200, applied.statusCode(), applied.body());
        assertTrue(body(applied).get("applied").asBoolean());
        assertEquals(1, body(applied).get("changed").asInt());
        assertEquals(40.0, admin.properties("org.echarge.dlm").get("fuseAmpere"));

        ObjectNode invalid = withFuse(45);
        ((ObjectNode) invalid.get("configurations").get(1).get("properties")).put("number", "one");
        HttpResponse<String> refused = send("PUT", API, invalid.toString());
        assertEquals(422, refused.statusCode());
        assertEquals("config-refused", body(refused).get("error").asText());
        JsonNode problem = body(refused).get("problems").get(0);
        assertEquals("org.echarge.point~1", problem.get("pid").asText());
        assertEquals("1", problem.get("name").asText());
        assertEquals("number", problem.get("attribute").asText());
        assertEquals(40.0, admin.properties("org.echarge.dlm").get("fuseAmpere"), "nothing changed");
    }

    @Test
    void aFailureWhileApplyingIsA500AndThePreviousConfigurationStays() throws Exception {
        ObjectNode document = withFuse(40);
        ((ObjectNode) document.get("configurations").get(1).get("properties")).put("number", 2);
        admin.failOnUpdate(2);
        HttpResponse<String> failed = send("PUT", API, document.toString());
        assertEquals(500, failed.statusCode());
        assertEquals("apply-failed", body(failed).get("error").asText());
        assertTrue(body(failed).get("message").asText().contains("restored"));
        assertEquals("35", admin.properties("org.echarge.dlm").get("fuseAmpere"));
        assertEquals("1", admin.properties("org.echarge.point~1").get("number"));
    }

    @Test
    void exportIsAnAttachmentAndImportChecksTheVersion() throws Exception {
        HttpResponse<String> export = send("GET", API + "/export", null, null);
        assertEquals(200, export.statusCode());
        assertEquals("attachment; filename=\"echarge-config-20260301T080000Z.json\"",
                export.headers().firstValue("Content-Disposition").orElseThrow());
        ObjectNode file = (ObjectNode) body(export);
        ((ObjectNode) file.get("configurations").get(0).get("properties")).put("fuseAmpere", 63);
        file.put("applicationVersion", "1.0.0");
        byte[] bytes = file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> incompatible = send("POST", API + "/import", "application/octet-stream", bytes);
        assertEquals(409, incompatible.statusCode());
        assertEquals("incompatible-version", body(incompatible).get("error").asText());
        assertEquals("35", admin.properties("org.echarge.dlm").get("fuseAmpere"));
        assertEquals(400, send("POST", API + "/import?force=yes", "application/octet-stream", bytes).statusCode());
        HttpResponse<String> forced = send("POST", API + "/import?force=true", "application/octet-stream", bytes);
        assertEquals(200, forced.statusCode(), forced.body());
        assertEquals(63.0, admin.properties("org.echarge.dlm").get("fuseAmpere"));

        file.put("applicationVersion", "0.4.2");
        ((ObjectNode) file.get("configurations").get(0).get("properties")).put("fuseAmpere", 50);
        HttpResponse<String> compatible = send("POST", API + "/import", file.toString());
        assertEquals(200, compatible.statusCode(), compatible.body());
        assertEquals(50.0, admin.properties("org.echarge.dlm").get("fuseAmpere"));
    }

    @Test
    void badInputIsRefusedWithA4xxAndChangesNothing() throws Exception {
        String good = withFuse(40).toString();
        ObjectNode unknownInEntry = withFuse(40);
        ((ObjectNode) unknownInEntry.get("configurations").get(0)).put("location", "x");
        ObjectNode missingName = withFuse(40);
        ((ObjectNode) missingName.get("configurations").get(0)).remove("name");
        Map<String, Integer> bodies = new java.util.LinkedHashMap<>();
        bodies.put(good.replaceFirst("\\{", "{\"extra\": 1, "), 400);
        bodies.put(unknownInEntry.toString(), 400);
        bodies.put(missingName.toString(), 400);
        bodies.put(good.replace("\"echarge-config\"", "1"), 400);
        bodies.put(good.replace("\"echarge-config\"", "\"other\""), 400);
        bodies.put(good.replace("\"0.1.0\"", "\"0.1\""), 400);
        bodies.put("{\"format\": \"echarge-config\", \"applicationVersion\": \"0.1.0\", \"configurations\": {}}", 400);
        bodies.put("{\"format\": \"echarge-config\", \"applicationVersion\": \"0.1.0\", \"configurations\": [null]}", 400);
        bodies.put("{\"format\": \"echarge-config\", \"format\": \"echarge-config\", \"applicationVersion\": \"0.1.0\","
                + " \"configurations\": []}", 400);
        bodies.put(good + " {}", 400);
        bodies.put("[]", 400);
        bodies.put("", 400);
        bodies.put("{\"format\": ", 400);
        bodies.put(" ".repeat(DocumentReader.MAX_BYTES) + good, 413);
        for (Map.Entry<String, Integer> body : bodies.entrySet()) {
            for (String[] request : List.of(new String[] {"PUT", API}, new String[] {"POST", API + "/validate"},
                    new String[] {"POST", API + "/import"})) {
                HttpResponse<String> response = send(request[0], request[1], body.getKey());
                String what = request[0] + " " + request[1] + " " + body.getKey().strip()
                        .substring(0, Math.min(80, body.getKey().strip().length()));
                assertEquals(body.getValue(), response.statusCode(), what + " -> " + response.body());
                assertTrue(body(response).get("message").asText().length() > 5, what);
            }
        }
        HttpResponse<String> text = send("PUT", API, "text/plain", good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode());
        assertEquals("unsupported-media-type", body(text).get("error").asText());
        assertEquals(415, send("PUT", API, "application/json; charset=latin1",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
        assertEquals(0, admin.updates(), "no bad request changed anything");
        assertEquals("35", admin.properties("org.echarge.dlm").get("fuseAmpere"));
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> post = send("POST", API, withFuse(40).toString());
        assertEquals(405, post.statusCode());
        assertEquals("method-not-allowed", body(post).get("error").asText());
        assertEquals("GET, PUT", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, send("GET", API + "/validate", null, null).statusCode());
        assertEquals(405, send("DELETE", API, null, null).statusCode());
        HttpResponse<String> unknown = send("GET", API + "/nothing", null, null);
        assertEquals(404, unknown.statusCode());
        assertEquals("not-found", body(unknown).get("error").asText());
        assertEquals(0, admin.updates());
    }
}
