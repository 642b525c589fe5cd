package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Dictionary;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The logging mode through ConfigAdmin, and over HTTP in Jetty. */
class LoggingServletTest {

    private static final String PATH = "/echarge/api/system/logging";
    /** Part of Karaf 4.4's etc/org.ops4j.pax.logging.cfg, with an existing logger of the gateway's under another id. */
    private static final Map<String, Object> KARAF = Map.of(
            "log4j2.rootLogger.level", "INFO",
            "log4j2.rootLogger.appenderRef.RollingFile.ref", "RollingFile",
            "log4j2.logger.sshd.name", "org.apache.sshd",
            "log4j2.logger.sshd.level", "INFO",
            "log4j2.appender.rolling.fileName", "${karaf.log}/karaf.log",
            "felix.fileinstall.filename", "file:/opt/gateway/etc/org.ops4j.pax.logging.cfg");

    private final InMemoryConfigurationAdmin configurationAdmin = new InMemoryConfigurationAdmin();
    private final ObjectMapper json = new ObjectMapper();
    private JettyServer server;

    @BeforeEach
    void start() throws Exception {
        configurationAdmin.put(PaxLoggingSettings.PID, KARAF);
        server = new JettyServer().servlet(new LoggingServlet(configurationAdmin), PATH, false).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void extendedSetsTheGatewayLoggersToDebugAndKeepsEverythingElse() throws Exception {
        PaxLoggingSettings settings = new PaxLoggingSettings(configurationAdmin);
        assertEquals(LoggingMode.SIMPLE, settings.mode());

        settings.apply(LoggingMode.EXTENDED);

        Dictionary<String, Object> stored = configurationAdmin.properties(PaxLoggingSettings.PID);
        assertEquals("org.echarge", stored.get("log4j2.logger.echarge.name"));
        assertEquals("DEBUG", stored.get("log4j2.logger.echarge.level"));
        KARAF.forEach((key, value) -> assertEquals(value, stored.get(key), key));
        assertEquals(KARAF.size() + 3, stored.size()); // + the logger's name and level, + service.pid
        assertEquals(LoggingMode.EXTENDED, settings.mode());

        settings.apply(LoggingMode.SIMPLE);
        assertEquals("INFO", configurationAdmin.properties(PaxLoggingSettings.PID).get("log4j2.logger.echarge.level"));
        assertEquals(LoggingMode.SIMPLE, settings.mode());
    }

    @Test
    void anExistingLoggerEntryForTheGatewayIsReused() throws Exception {
        configurationAdmin.put(PaxLoggingSettings.PID, Map.of("log4j2.rootLogger.level", "WARN",
                "log4j2.logger.ours.name", "org.echarge", "log4j2.logger.ours.level", "TRACE"));
        PaxLoggingSettings settings = new PaxLoggingSettings(configurationAdmin);
        assertEquals(LoggingMode.EXTENDED, settings.mode());

        settings.apply(LoggingMode.SIMPLE);

        Dictionary<String, Object> stored = configurationAdmin.properties(PaxLoggingSettings.PID);
        assertEquals("INFO", stored.get("log4j2.logger.ours.level"));
        assertNull(stored.get("log4j2.logger.echarge.name"));
    }

    @Test
    void applyingTheSameModeTwiceDoesNotTouchTheConfiguration() throws Exception {
        PaxLoggingSettings settings = new PaxLoggingSettings(configurationAdmin);
        settings.apply(LoggingMode.EXTENDED);
        long changes = configurationAdmin.changeCount(PaxLoggingSettings.PID);

        settings.apply(LoggingMode.EXTENDED);

        assertEquals(changes, configurationAdmin.changeCount(PaxLoggingSettings.PID));
    }

    @Test
    void getAndPutOverHttp() throws Exception {
        HttpResponse<String> initial = server.get(PATH);
        assertEquals(200, initial.statusCode());
        assertEquals("SIMPLE", json.readTree(initial.body()).get("mode").asText());

        HttpResponse<String> put = server.json("PUT", PATH, "{\"mode\": \"EXTENDED\"}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("EXTENDED", json.readTree(put.body()).get("mode").asText());
        assertEquals("EXTENDED", json.readTree(server.get(PATH).body()).get("mode").asText());
        assertEquals("DEBUG", configurationAdmin.properties(PaxLoggingSettings.PID).get("log4j2.logger.echarge.level"));
    }

    @Test
    void badBodiesAreRefusedAndChangeNothing() throws Exception {
        long changes = configurationAdmin.changeCount(PaxLoggingSettings.PID);
        String[] bodies = {"", "{}", "{\"mode\": null}", "{\"mode\": \"VERBOSE\"}", "{\"mode\": \"extended\"}",
            "{\"mode\": 1}", "{\"mode\": true}", "{\"mode\": [\"EXTENDED\"]}", "{\"mode\": \"EXTENDED\", \"level\": \"DEBUG\"}",
            "{\"mode\": \"EXTENDED\", \"mode\": \"SIMPLE\"}", "{\"mode\": \"EXTENDED\"} {}", "[\"EXTENDED\"]",
            "\"EXTENDED\"", "{\"mode\": \"EXTENDED\""};
        for (String body : bodies) {
            HttpResponse<String> response = server.json("PUT", PATH, body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("bad-request", json.readTree(response.body()).get("error").asText(), body);
        }
        HttpResponse<String> huge = server.json("PUT", PATH,
                "{\"mode\": \"EXTENDED\", \"x\": \"" + "a".repeat(JsonExchange.MAX_BYTES) + "\"}");
        assertEquals(413, huge.statusCode());
        assertEquals("too-large", json.readTree(huge.body()).get("error").asText());
        HttpResponse<String> text = server.send("PUT", PATH, "text/plain", "{\"mode\": \"EXTENDED\"}");
        assertEquals(415, text.statusCode());
        HttpResponse<String> latin = server.send("PUT", PATH, "application/json; charset=ISO-8859-1",
                "{\"mode\": \"EXTENDED\"}");
        assertEquals(415, latin.statusCode());
        HttpResponse<String> post = server.json("POST", PATH, "{\"mode\": \"EXTENDED\"}");
        assertEquals(405, post.statusCode());
        assertEquals("GET, PUT", post.headers().firstValue("Allow").orElseThrow());

        assertEquals(changes, configurationAdmin.changeCount(PaxLoggingSettings.PID));
        assertEquals(LoggingMode.SIMPLE, new PaxLoggingSettings(configurationAdmin).mode());
    }

    @Test
    void withoutALoggingConfigurationTheAnswerIs503AndNothingIsCreated() throws Exception {
        InMemoryConfigurationAdmin empty = new InMemoryConfigurationAdmin();
        try (JettyServer bare = new JettyServer().servlet(new LoggingServlet(empty), PATH, false).start()) {
            HttpResponse<String> put = bare.json("PUT", PATH, "{\"mode\": \"EXTENDED\"}");
            assertEquals(503, put.statusCode());
            assertTrue(put.body().contains("not-available"), put.body());
            assertEquals(503, bare.get(PATH).statusCode());
        }
        assertNull(empty.properties(PaxLoggingSettings.PID));
    }

    @Test
    void theFactoryResetGoesBackToSimple() throws Exception {
        new PaxLoggingSettings(configurationAdmin).apply(LoggingMode.EXTENDED);
        LoggingModeReset reset = new LoggingModeReset(configurationAdmin);

        reset.resetToFactory();

        assertEquals("logging mode", reset.name());
        assertEquals("INFO", configurationAdmin.properties(PaxLoggingSettings.PID).get("log4j2.logger.echarge.level"));
        InMemoryConfigurationAdmin empty = new InMemoryConfigurationAdmin();
        new LoggingModeReset(empty).resetToFactory();
        assertNull(empty.properties(PaxLoggingSettings.PID));
    }
}
