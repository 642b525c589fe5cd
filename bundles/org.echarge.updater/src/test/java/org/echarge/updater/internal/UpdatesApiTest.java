package org.echarge.updater.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.echarge.updater.DriverUpdater;
import org.echarge.updater.InstalledDriver;
import org.echarge.updater.UpdateRecord;
import org.echarge.updater.UpdateReport;
import org.echarge.updater.internal.firmware.FirmwareLayout;
import org.echarge.updater.internal.web.UpdateCenter;
import org.echarge.updater.internal.web.UpdatesServlet;
import org.echarge.updater.tools.DriverUpdateSigner;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The update API in Jetty 9.4 (the container of Pax Web 8 in Karaf 4.4.10) over 127.0.0.1, with
 * the real driver update procedure on a fake framework, the real firmware staging, and an update
 * server on 127.0.0.1 (the JDK's HTTP server) that can serve good, corrupted and unsigned files.
 */
class UpdatesApiTest {

    private static final String API = "/echarge/api/updates";
    private static final byte[] DISTRIBUTION = "a distribution tar.gz stands here".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private UpdaterFixture fixture;
    private FirmwareLayout layout;
    private final AtomicInteger restarts = new AtomicInteger();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private Server jetty;
    private HttpServer updateServer;
    private int port;

    @BeforeEach
    void start() throws Exception {
        fixture = new UpdaterFixture(home);
        for (String version : List.of("1.1.0", "1.2.0")) {
            fixture.framework.behaviours.put(version,
                    new FakeFramework.Behaviour(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        }
        layout = new FirmwareLayout(home.resolve("firmware"));
        Files.createDirectories(layout.state());
        updateServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        updateServer.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        updateServer.start();
        URI index = URI.create("http://127.0.0.1:" + updateServer.getAddress().getPort() + "/updates/index.json");
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder(new UpdatesServlet(center(Optional.of(layout), Optional.of(index)),
                () -> Map.of(FakeFramework.MODEL, List.of(1))));
        context.addServlet(servlet, API);
        context.addServlet(servlet, API + "/*");
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    private UpdateCenter center(Optional<FirmwareLayout> firmware, Optional<URI> server) {
        UpdateProcedure procedure = fixture.procedure();
        DriverUpdater updater = new DriverUpdater() {
            @Override
            public UpdateReport update(Path updatePackage) {
                return procedure.update(updatePackage);
            }

            @Override
            public List<InstalledDriver> drivers() {
                return DriverUpdaterComponent.drivers(fixture.framework);
            }

            @Override
            public List<UpdateRecord> history() {
                return fixture.history.records();
            }
        };
        return new UpdateCenter(updater, new UpdateCenter.Settings(fixture.keyFile, 64 * 1024, 64 * 1024, server,
                Duration.ofSeconds(5)), "0.1.0", firmware, home.resolve("etc"), home.resolve("incoming"),
                restarts::incrementAndGet, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        updateServer.stop(0);
    }

    @Test
    void overviewListsFirmwareDriversHistoryAndServer() throws Exception {
        JsonNode overview = get(API);
        assertEquals("0.1.0", overview.at("/firmware/version").asText());
        assertTrue(overview.at("/firmware/supervised").asBoolean());
        assertFalse(overview.at("/firmware/previousFirmwareRestored").asBoolean());
        assertEquals(UpdaterFixture.DRIVER, overview.at("/drivers/0/symbolicName").asText());
        assertEquals("1.0.0", overview.at("/drivers/0/version").asText());
        assertEquals(1, overview.at("/drivers/0/points/0").asInt());
        assertTrue(overview.at("/server/url").asText().endsWith("/updates/index.json"));
        assertEquals(0, overview.at("/history").size());
    }

    @Test
    void signedDriverUploadUpdatesAndIsInTheHistory() throws Exception {
        HttpResponse<String> response = post("/driver", "application/octet-stream", signedDriver("1.1.0"));
        JsonNode report = json.readTree(response.body());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UPDATED", report.get("outcome").asText());
        assertEquals("1.1.0", report.get("toVersion").asText());
        assertEquals(1, report.at("/points/0/number").asInt());
        assertTrue(report.at("/points/0/outageSeconds").asDouble() > 0);
        assertEquals(List.of("1.1.0"), fixture.framework.updates);
        assertEquals("UPDATED", get(API).at("/history/0/outcome").asText());
        assertIncomingEmpty();
    }

    @Test
    void badDriverUploadsAreRefusedAndChangeNothing() throws Exception {
        KeyPair other = DriverUpdateSigner.generateKeyPair();
        byte[] wrongKey = DriverUpdateSigner.pack(TestBundles.driver(UpdaterFixture.DRIVER, "1.1.0"), other.getPrivate());
        assertProblem(post("/driver", "application/octet-stream", wrongKey), 422, "update-refused",
                "the signature is not valid");
        assertProblem(post("/driver", "application/octet-stream", signedDriver("0.9.0")), 422, "update-refused",
                "is older than the installed 1.0.0");
        assertProblem(post("/driver", "application/json", signedDriver("1.1.0")), 415, "unsupported-media-type",
                "application/octet-stream");
        assertProblem(post("/driver", "application/octet-stream", new byte[64 * 1024 + 1]), 413, "too-large",
                "more than the limit of 65536 bytes");
        assertProblem(post("/driver", "application/octet-stream", new byte[0]), 400, "bad-request", "no package");
        assertProblem(send(HttpRequest.newBuilder(uri(API + "/driver")).GET()), 405, "method-not-allowed", "POST");
        assertProblem(post("/nothing", "application/octet-stream", new byte[1]), 404, "not-found", "/nothing");
        assertEquals(List.of(), fixture.framework.updates);
        assertEquals("1.0.0", get(API).at("/drivers/0/version").asText());
        assertIncomingEmpty();
    }

    @Test
    void signedNewerFirmwareIsStagedAndTheGatewayRestarts() throws Exception {
        HttpResponse<String> response = post("/firmware", "application/octet-stream", firmware("0.2.0", DISTRIBUTION));
        assertEquals(202, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("0.2.0", body.get("staged").asText());
        assertTrue(body.get("restarting").asBoolean());
        assertTrue(body.get("warning").isNull());
        assertEquals(1, restarts.get());
        assertTrue(java.util.Arrays.equals(DISTRIBUTION, Files.readAllBytes(layout.staged().resolve("firmware.tar.gz"))));
        String staged = Files.readString(layout.staged().resolve("staged.properties"));
        assertTrue(staged.contains("version=0.2.0\nsha256=" + sha256(DISTRIBUTION)), staged);
        assertIncomingEmpty();
    }

    @Test
    void newMajorFirmwareIsStagedWithACompatibilityWarning() throws Exception {
        HttpResponse<String> response = post("/firmware", "application/octet-stream", firmware("1.0.0", DISTRIBUTION));
        assertEquals(202, response.statusCode(), response.body());
        assertTrue(json.readTree(response.body()).get("warning").asText()
                .contains("made for application version 0.1.0 and firmware 1.0.0 has another major version"));
    }

    @Test
    void badFirmwareIsRefusedAndTheStagedOneStays() throws Exception {
        assertEquals(202, post("/firmware", "application/octet-stream", firmware("0.2.0", DISTRIBUTION)).statusCode());
        byte[] before = Files.readAllBytes(layout.staged().resolve("staged.properties"));
        assertProblem(post("/firmware", "application/octet-stream", firmware("0.1.0", DISTRIBUTION)), 422,
                "update-refused", "firmware 0.1.0 is already installed");
        assertProblem(post("/firmware", "application/octet-stream", firmware("0.0.9", DISTRIBUTION)), 422,
                "update-refused", "older than the installed 0.1.0; only newer versions are accepted");
        assertProblem(post("/firmware", "application/octet-stream", corruptedFirmware("0.3.0")), 422,
                "update-refused", "does not match the signed SHA-256");
        assertProblem(post("/firmware", "application/octet-stream", signedDriver("1.1.0")), 422,
                "update-refused", "unexpected entry 'bundle.jar'");
        KeyPair other = DriverUpdateSigner.generateKeyPair();
        assertProblem(post("/firmware", "application/octet-stream",
                DriverUpdateSigner.packFirmware(DISTRIBUTION, "0.4.0", other.getPrivate())), 422, "update-refused",
                "the signature is not valid");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(layout.staged().resolve("staged.properties"))));
        assertFalse(Files.exists(layout.state().resolve("staged.tmp")));
        assertEquals(1, restarts.get());
        assertIncomingEmpty();
    }

    @Test
    void restoredFirmwareIsReportedUntilAcknowledged() throws Exception {
        Files.writeString(layout.restoredMarker(), "firmware 0.2.0 failed: it was not ready within 180 s; 0.1.0 was "
                + "restored\n");
        Files.writeString(layout.lastResult(), "result=RESTORED\nfrom=0.2.0\nto=0.1.0\ntime=2026-11-29T22:00:00Z\n"
                + "reason=it was not ready within 180 s\n");
        Files.createDirectories(layout.previousSlot().resolve("etc"));
        Files.writeString(layout.previousSlot().resolve("etc/system.properties"), "echarge.version = 0.2.0\n");
        JsonNode firmware = get(API).get("firmware");
        assertTrue(firmware.get("previousFirmwareRestored").asBoolean());
        assertEquals("RESTORED", firmware.at("/lastResult/result").asText());
        assertEquals("it was not ready within 180 s", firmware.at("/lastResult/reason").asText());
        assertEquals("0.2.0", firmware.get("previousVersion").asText());
        assertEquals(204, send(HttpRequest.newBuilder(uri(API + "/firmware/restored")).DELETE()).statusCode());
        assertFalse(get(API).at("/firmware/previousFirmwareRestored").asBoolean());
        assertEquals("RESTORED", get(API).at("/firmware/lastResult/result").asText());
    }

    @Test
    void firmwareNeedsTheSupervisor() throws Exception {
        UpdateCenter unsupervised = center(Optional.empty(), Optional.empty());
        Path file = unsupervised.newIncoming();
        Files.write(file, firmware("0.2.0", DISTRIBUTION));
        org.echarge.updater.internal.web.UpdateProblem problem = org.junit.jupiter.api.Assertions.assertThrows(
                org.echarge.updater.internal.web.UpdateProblem.class, () -> unsupervised.stageFirmware(file));
        assertEquals("no-supervisor", problem.code());
        assertEquals(409, problem.status());
        assertFalse(Files.exists(file));
        assertEquals(0, restarts.get());
    }

    @Test
    void updateServerOffersOnlyNewerPackagesAndInstallsThemVerified() throws Exception {
        byte[] driver = signedDriver("1.1.0");
        byte[] fw = firmware("0.2.0", DISTRIBUTION);
        serve("drivers/sim-1.1.0.zip", driver);
        serve("drivers/sim-0.9.0.zip", signedDriver("0.9.0"));
        serve("firmware-0.2.0.zip", fw);
        index(entry(UpdaterFixture.DRIVER, "1.1.0", "drivers/sim-1.1.0.zip", driver),
                entry(UpdaterFixture.DRIVER, "0.9.0", "drivers/sim-0.9.0.zip", served.get("/updates/drivers/sim-0.9.0.zip")),
                entry("org.echarge.driver.unknown", "9.0.0", "drivers/x.zip", driver),
                firmwareEntry("0.2.0", "firmware-0.2.0.zip", fw), firmwareEntry("0.0.1", "old.zip", fw));
        HttpResponse<String> check = post("/server/check", "application/json", new byte[0]);
        assertEquals(200, check.statusCode(), check.body());
        JsonNode available = json.readTree(check.body()).get("available");
        assertEquals(2, available.size(), check.body());
        assertEquals("driver", available.at("/0/kind").asText());
        assertEquals("1.1.0", available.at("/0/version").asText());
        assertEquals("firmware", available.at("/1/kind").asText());
        assertEquals("0.2.0", available.at("/1/version").asText());
        assertEquals(2, get(API).at("/server/available").size());

        HttpResponse<String> installed = post("/server/install", "application/json",
                ("{\"kind\": \"driver\", \"name\": \"" + UpdaterFixture.DRIVER + "\", \"version\": \"1.1.0\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, installed.statusCode(), installed.body());
        assertEquals("UPDATED", json.readTree(installed.body()).get("outcome").asText());
        HttpResponse<String> firmware = post("/server/install", "application/json",
                "{\"kind\": \"firmware\", \"name\": \"firmware\", \"version\": \"0.2.0\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(202, firmware.statusCode(), firmware.body());
        assertEquals(1, restarts.get());
        assertIncomingEmpty();
    }

    @Test
    void updateServerWithCorruptedOrUnsignedFilesChangesNothing() throws Exception {
        byte[] driver = signedDriver("1.1.0");
        byte[] corrupted = driver.clone();
        corrupted[corrupted.length / 2] ^= 0x55;
        byte[] unsigned = DriverUpdateSigner.zip(Map.of("update.properties",
                DriverUpdateSigner.properties(TestBundles.driver(UpdaterFixture.DRIVER, "1.2.0")),
                "bundle.jar", TestBundles.driver(UpdaterFixture.DRIVER, "1.2.0")));
        serve("drivers/sim-1.1.0.zip", corrupted);
        serve("drivers/sim-1.2.0.zip", unsigned);
        serve("fw.zip", corruptedFirmware("0.2.0"));
        index(entry(UpdaterFixture.DRIVER, "1.1.0", "drivers/sim-1.1.0.zip", driver),
                entry(UpdaterFixture.DRIVER, "1.2.0", "drivers/sim-1.2.0.zip", unsigned),
                firmwareEntry("0.2.0", "fw.zip", served.get("/updates/fw.zip")));
        assertProblem(install("driver", UpdaterFixture.DRIVER, "1.1.0"), 502, "update-server",
                "does not match the SHA-256 of the index");
        assertProblem(install("driver", UpdaterFixture.DRIVER, "1.2.0"), 422, "update-refused",
                "the package is not signed");
        assertProblem(install("firmware", "firmware", "0.2.0"), 422, "update-refused",
                "does not match the signed SHA-256");
        assertProblem(install("driver", UpdaterFixture.DRIVER, "7.0.0"), 404, "not-available", "7.0.0");
        assertProblem(post("/server/install", "application/json", "{\"kind\": \"os\"}".getBytes(StandardCharsets.UTF_8)),
                400, "bad-request", "");
        assertEquals(List.of(), fixture.framework.updates);
        assertFalse(Files.exists(layout.staged()));
        assertEquals(0, restarts.get());
        served.clear();
        assertProblem(post("/server/check", "application/json", new byte[0]), 502, "update-server", "answered 404");
        served.put("/updates/index.json", "{\"format\": \"echarge-update-index/1\", \"extra\": 1}".getBytes());
        assertProblem(post("/server/check", "application/json", new byte[0]), 502, "update-server",
                "index is not valid");
        assertIncomingEmpty();
    }

    private HttpResponse<String> install(String kind, String name, String version) throws Exception {
        return post("/server/install", "application/json", ("{\"kind\": \"" + kind + "\", \"name\": \"" + name
                + "\", \"version\": \"" + version + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private void serve(String path, byte[] content) {
        served.put("/updates/" + path, content);
    }

    private void index(String... entries) {
        StringBuilder drivers = new StringBuilder();
        StringBuilder firmware = new StringBuilder();
        for (String entry : entries) {
            StringBuilder target = entry.contains("\"name\"") ? drivers : firmware;
            target.append(target.length() == 0 ? "" : ",").append(entry);
        }
        served.put("/updates/index.json", ("{\"format\": \"echarge-update-index/1\", \"drivers\": [" + drivers
                + "], \"firmware\": [" + firmware + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private static String entry(String name, String version, String url, byte[] content) throws Exception {
        return "{\"name\": \"" + name + "\", " + firmwareEntry(version, url, content).substring(1);
    }

    private static String firmwareEntry(String version, String url, byte[] content) throws Exception {
        return "{\"version\": \"" + version + "\", \"url\": \"" + url + "\", \"sha256\": \"" + sha256(content)
                + "\", \"size\": " + content.length + "}";
    }

    private byte[] signedDriver(String version) throws Exception {
        return DriverUpdateSigner.pack(TestBundles.driver(UpdaterFixture.DRIVER, version), UpdaterFixture.KEY.getPrivate());
    }

    private static byte[] firmware(String version, byte[] archive) throws Exception {
        return DriverUpdateSigner.packFirmware(archive, version, UpdaterFixture.KEY.getPrivate());
    }

    /** Signed for one archive, carrying another (a bit flipped on the way). */
    private static byte[] corruptedFirmware(String version) throws Exception {
        byte[] good = DriverUpdateSigner.packFirmware(DISTRIBUTION, version, UpdaterFixture.KEY.getPrivate());
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(good))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        byte[] archive = entries.get("firmware.tar.gz").clone();
        archive[3] ^= 1;
        entries.put("firmware.tar.gz", archive);
        return DriverUpdateSigner.zip(entries);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private void assertIncomingEmpty() throws IOException {
        Path incoming = home.resolve("incoming");
        if (Files.exists(incoming)) {
            try (Stream<Path> files = Files.list(incoming)) {
                assertEquals(List.of(), files.toList());
            }
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String code, String message)
            throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals(code, body.get("error").asText(), response.body());
        assertTrue(body.get("message").asText().contains(message), response.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(uri(API + path)).header("Content-Type", type)
                .POST(BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
