package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /echarge/api/system/network} over HTTP in Jetty, with the host adapter on a temporary root. */
class NetworkServletTest {

    private static final String PATH = "/echarge/api/system/network";
    private static final String STATIC = """
            {"interface": "eth0",
             "ipv4": {"mode": "STATIC", "address": "192.168.1.20", "prefixLength": 24, "gateway": "192.168.1.1",
                      "dns": ["192.168.1.1"]},
             "ntp": {"servers": ["pool.ntp.org"]}}""";

    @TempDir
    Path root;

    private final ObjectMapper json = new ObjectMapper();
    private JettyServer server;

    @BeforeEach
    void start() throws Exception {
        server = server(true);
    }

    private JettyServer server(boolean editable) throws Exception {
        HostNetwork host = new HostNetwork(new HostNetwork.Installation(root.toString(), "eth0", editable,
                "managed by the building's IT"));
        return new JettyServer().servlet(new NetworkServlet(host), PATH, false).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void getShowsTheFactoryStateAndPutChangesIt() throws Exception {
        JsonNode initial = json.readTree(server.get(PATH).body());
        assertTrue(initial.get("editable").asBoolean());
        assertTrue(initial.get("reason").isNull());
        assertEquals("eth0", initial.get("interface").asText());
        assertEquals("DHCP", initial.at("/ipv4/mode").asText());
        assertTrue(initial.at("/ipv4/address").isNull());
        assertEquals(0, initial.at("/ntp/servers").size());

        HttpResponse<String> put = server.json("PUT", PATH, STATIC);

        assertEquals(200, put.statusCode(), put.body());
        JsonNode changed = json.readTree(put.body());
        assertEquals("STATIC", changed.at("/ipv4/mode").asText());
        assertEquals("192.168.1.20", changed.at("/ipv4/address").asText());
        assertEquals(24, changed.at("/ipv4/prefixLength").asInt());
        assertEquals("255.255.255.0", changed.at("/ipv4/netmask").asText());
        assertEquals("192.168.1.1", changed.at("/ipv4/gateway").asText());
        assertEquals("pool.ntp.org", changed.at("/ntp/servers/0").asText());
        assertEquals(changed, json.readTree(server.get(PATH).body()));
        assertTrue(Files.readString(root.resolve("etc/systemd/network/10-echarge-eth0.network"))
                .contains("Address=192.168.1.20/24\n"));
    }

    @Test
    void badBodiesAreRefusedWithTheFieldNamedAndNothingIsWritten() throws Exception {
        String[][] cases = {
            {"", "a JSON object is required"},
            {"null", "a JSON object is required"},
            {"[]", "a JSON object is required"},
            {"{\"ipv4\": ", "malformed JSON"},
            {STATIC + " {}", "malformed JSON"},
            {STATIC.replace("\"prefixLength\": 24", "\"prefixLength\": \"24\""), "ipv4.prefixLength"},
            {STATIC.replace("\"prefixLength\": 24", "\"prefixLength\": 24.5"), "ipv4.prefixLength"},
            {STATIC.replace("\"prefixLength\": 24", "\"prefixLength\": 33"), "ipv4.prefixLength"},
            {STATIC.replace("\"address\": \"192.168.1.20\"", "\"address\": 3232235796"), "ipv4.address"},
            {STATIC.replace("\"dns\": [\"192.168.1.1\"]", "\"dns\": \"192.168.1.1\""), "ipv4.dns"},
            {STATIC.replace("\"dns\": [\"192.168.1.1\"]", "\"dns\": [1]"), "ipv4.dns[0]"},
            {STATIC.replace("\"mode\": \"STATIC\"", "\"mode\": true"), "ipv4.mode"},
            {STATIC.replace("\"gateway\": \"192.168.1.1\"", "\"gateway\": \"10.0.0.1\""), "ipv4.gateway"},
            {STATIC.replace("\"interface\": \"eth0\"", "\"interface\": \"eth1\""), "interface"},
            {STATIC.replace("\"interface\": \"eth0\",", "\"interface\": \"eth0\", \"editable\": true,"), "editable"},
            {STATIC.replace("\"interface\": \"eth0\",", "\"interface\": \"eth0\", \"interface\": \"eth0\","),
                "malformed JSON"},
            {STATIC.replace("\"gateway\"", "\"router\""), "ipv4.router"},
            {STATIC.replace("\"servers\"", "\"server\""), "ntp.server"},
            {STATIC.replace("[\"pool.ntp.org\"]", "[\"pool.ntp.org\\nNTP=evil\"]"), "ntp.servers[0]"},
        };
        for (String[] test : cases) {
            HttpResponse<String> response = server.json("PUT", PATH, test[0]);
            assertEquals(400, response.statusCode(), test[0]);
            JsonNode error = json.readTree(response.body());
            assertEquals("invalid-network", error.get("error").asText(), test[0]);
            assertTrue(error.get("message").asText().contains(test[1]), test[1] + " <- " + error.get("message"));
        }
        HttpResponse<String> huge = server.json("PUT", PATH, STATIC.replace("pool.ntp.org",
                "a".repeat(JsonExchange.MAX_BYTES)));
        assertEquals(413, huge.statusCode());
        assertEquals(415, server.send("PUT", PATH, "application/x-www-form-urlencoded", "mode=STATIC").statusCode());
        HttpResponse<String> delete = server.send("DELETE", PATH, null, "");
        assertEquals(405, delete.statusCode());
        assertEquals("GET, PUT", delete.headers().firstValue("Allow").orElseThrow());

        assertFalse(Files.exists(root.resolve("etc")), "something was written");
        assertEquals("DHCP", json.readTree(server.get(PATH).body()).at("/ipv4/mode").asText());
    }

    @Test
    void aReadOnlyInstallationAnswers409WithTheReason() throws Exception {
        try (JettyServer readOnly = server(false)) {
            JsonNode state = json.readTree(readOnly.get(PATH).body());
            assertFalse(state.get("editable").asBoolean());
            assertEquals("managed by the building's IT", state.get("reason").asText());

            HttpResponse<String> put = readOnly.json("PUT", PATH, STATIC);

            assertEquals(409, put.statusCode());
            assertEquals("read-only", json.readTree(put.body()).get("error").asText());
            assertTrue(put.body().contains("managed by the building's IT"), put.body());
            assertFalse(Files.exists(root.resolve("etc")));
        }
    }
}
