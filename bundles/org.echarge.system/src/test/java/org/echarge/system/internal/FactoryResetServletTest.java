package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.echarge.api.reset.FactoryReset;
import org.echarge.api.reset.ResetReport;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code POST /echarge/api/system/factory-reset} over HTTP in Jetty, with a counting FactoryReset. */
class FactoryResetServletTest {

    private static final String PATH = "/echarge/api/system/factory-reset";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger resets = new AtomicInteger();
    private final FactoryReset reset = () -> {
        resets.incrementAndGet();
        return new ResetReport(List.of("org.echarge.dlm", "org.echarge.point.1"), List.of("network"),
                List.of("KNX address: not writable"));
    };

    @Test
    void theConfirmedResetAnswersTheReport() throws Exception {
        try (JettyServer server = new JettyServer().servlet(new FactoryResetServlet(reset), PATH, false).start()) {
            HttpResponse<String> response = server.json("POST", PATH, "{\"confirm\": \"RESET\"}");

            assertEquals(200, response.statusCode(), response.body());
            JsonNode report = json.readTree(response.body());
            assertEquals("org.echarge.point.1", report.at("/deletedConfigurations/1").asText());
            assertEquals("network", report.at("/participants/0").asText());
            assertEquals("KNX address: not writable", report.at("/failures/0").asText());
            assertEquals(1, resets.get());
        }
    }

    @Test
    void anythingButTheConfirmationResetsNothing() throws Exception {
        try (JettyServer server = new JettyServer().servlet(new FactoryResetServlet(reset), PATH, false).start()) {
            String[] bodies = {"{}", "{\"confirm\": \"reset\"}", "{\"confirm\": \"RESET \"}", "{\"confirm\": true}",
                "{\"confirm\": null}", "{\"confirm\": [\"RESET\"]}", "{\"confirm\": \"RESET\", \"keep\": \"network\"}",
                "", "{\"confirm\": \"RESET\"", "{\"confirm\": \"RESET\"} {\"confirm\": \"RESET\"}"};
            for (String body : bodies) {
                HttpResponse<String> response = server.json("POST", PATH, body);
                assertEquals(400, response.statusCode(), body);
                assertEquals("confirmation-required", json.readTree(response.body()).get("error").asText(), body);
            }
            assertEquals(413, server.json("POST", PATH, "{\"confirm\": \"" + "RESET".repeat(4000) + "\"}").statusCode());
            assertEquals(415, server.send("POST", PATH, "text/plain", "{\"confirm\": \"RESET\"}").statusCode());
            HttpResponse<String> get = server.get(PATH);
            assertEquals(405, get.statusCode());
            assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
            assertEquals(0, resets.get());
        }
    }

    @Test
    void withoutTheFactoryResetServiceTheAnswerIs503() throws Exception {
        try (JettyServer server = new JettyServer().servlet(new FactoryResetServlet(), PATH, false).start()) {
            HttpResponse<String> response = server.json("POST", PATH, "{\"confirm\": \"RESET\"}");

            assertEquals(503, response.statusCode());
            assertTrue(response.body().contains("\"not-available\""), response.body());
        }
    }
}
