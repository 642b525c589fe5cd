package org.echarge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.echarge.web.internal.tls.GatewayTls;
import org.echarge.web.internal.tls.JettyLikePaxWeb;
import org.echarge.web.internal.tls.TlsCredentials;
import org.echarge.web.internal.tls.TlsTestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The TLS API in Jetty, behind the console's security, over GatewayTls and a web server that restarts like Pax Web. */
class TlsServletTest {

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.startingAt("2026-11-29T22:00:00Z");
    private JettyLikePaxWeb paxWeb;
    private int httpsPort;
    private GatewayTls tls;
    private volatile boolean portTaken;
    private ApiServer server;
    private ApiServer.Browser browser;

    @BeforeEach
    void start() throws Exception {
        httpsPort = FreePort.onLoopback();
        paxWeb = new JettyLikePaxWeb(httpsPort);
        tls = new GatewayTls(home.resolve("etc"), paxWeb, clock, new SecureRandom(), () -> "gw-test",
                () -> List.of(InetAddress.getLoopbackAddress()), port -> !portTaken);
        server = new ApiServer(home, clock, List.of(new ApiServer.Mount(new TlsServlet(tls), "/echarge/api/tls",
                "/echarge/api/tls/*")));
        browser = server.browser();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        paxWeb.close();
    }

    @Test
    void plainHttpStaysOnWhileThereIsNoHttps() throws Exception {
        JsonNode state = server.body(server.get("/echarge/api/tls", browser));
        assertFalse(state.get("httpsEnabled").asBoolean());
        assertTrue(state.get("certificate").isNull());

        assertEquals("https-required", server.error(409, put("/echarge/api/tls", "{\"httpEnabled\": false}")));
        assertEquals("true", paxWeb.read().get("org.osgi.service.http.enabled"));
        assertEquals("bad-request", server.error(400, put("/echarge/api/tls", "{\"httpEnabled\": \"no\"}")));
        assertEquals(401, server.get("/echarge/api/tls", null).statusCode());

        portTaken = true;
        var taken = server.send("DELETE", "/echarge/api/tls/certificate", browser, null, "");
        assertEquals("https-port-in-use", server.error(409, taken));
        assertTrue(server.message(taken).contains("port " + httpsPort), server.message(taken));
        assertEquals("false", paxWeb.read().get("org.osgi.service.http.secure.enabled"));
    }

    @Test
    void showsTheCertificateAndInstallsOneOwn() throws Exception {
        tls.apply(tls.firstStart());
        JsonNode state = server.body(server.get("/echarge/api/tls", browser));
        assertTrue(state.get("httpsEnabled").asBoolean());
        assertEquals(httpsPort, state.get("httpsPort").asInt());
        assertEquals(8181, state.get("httpPort").asInt());
        JsonNode generated = state.get("certificate");
        assertTrue(generated.get("selfSigned").asBoolean());
        assertEquals(TlsCredentials.fingerprint(JettyLikePaxWeb.served(httpsPort)), generated.get("sha256").asText());
        assertEquals("2036-11-26T21:00:00Z", generated.get("notAfter").asText());

        Map<String, Object> before = paxWeb.read();
        var garbage = put("/echarge/api/tls/certificate", "{\"certificatePem\": \"x\", \"privateKeyPem\": \"y\"}");
        assertEquals("certificate-refused", server.error(400, garbage));
        assertTrue(server.message(garbage).contains("no PEM certificate"), server.message(garbage));
        assertEquals("bad-request", server.error(400, put("/echarge/api/tls/certificate", "{\"certificatePem\": \"x\"}")));
        assertEquals(before, paxWeb.read());

        clock.advance(Duration.ofSeconds(1));
        Instant now = clock.instant();
        String[] own = TlsTestCertificates.serverPem("gateway.site", now.minusSeconds(60), now.plus(Duration.ofDays(90)));
        var installed = put("/echarge/api/tls/certificate", server.json().createObjectNode()
                .put("certificatePem", own[0]).put("privateKeyPem", own[1]).toString());
        assertEquals(200, installed.statusCode(), installed.body());
        JsonNode certificate = server.body(installed).get("certificate");
        assertTrue(JettyLikePaxWeb.comesToServe(httpsPort, certificate.get("sha256").asText()));
        assertEquals("CN=gateway.site", certificate.get("subject").asText());
        assertFalse(certificate.get("selfSigned").asBoolean());

        var httpOff = put("/echarge/api/tls", "{\"httpEnabled\": false}");
        assertEquals(200, httpOff.statusCode(), httpOff.body());
        assertFalse(server.body(httpOff).get("httpEnabled").asBoolean());
        // the servlet answers first and applies the change afterwards (Pax Web restarts its server)
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"false".equals(paxWeb.read().get("org.osgi.service.http.enabled")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("false", paxWeb.read().get("org.osgi.service.http.enabled"));

        var renewed = server.send("DELETE", "/echarge/api/tls/certificate", browser, null, "");
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertTrue(server.body(renewed).at("/certificate/selfSigned").asBoolean());
        assertTrue(JettyLikePaxWeb.comesToServe(httpsPort, server.body(renewed).at("/certificate/sha256").asText()));
        assertEquals("method-not-allowed", server.error(405, server.post("/echarge/api/tls/certificate", browser, "{}")));
    }

    private java.net.http.HttpResponse<String> put(String path, String body) throws Exception {
        return server.send("PUT", path, browser, "application/json", body);
    }
}
