package org.echarge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.testsupport.MutableClock;
import org.echarge.web.internal.security.ApiAccessFilter;
import org.echarge.web.internal.security.ConsoleAuthServlet;
import org.echarge.web.internal.security.ConsoleSecurity;
import org.echarge.web.internal.security.SecurityHeadersFilter;
import org.echarge.web.internal.security.TestConsoleSecurity;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console API in Jetty 9.4 (the container Pax Web 8 runs in Karaf 4.4.10), wired with the
 * whiteboard's patterns and ranking, driven over 127.0.0.1. {@code /echarge/api/probe} stands for
 * a servlet added later that does no checks of its own.
 */
class WebConsoleApiTest {

    private static final String INITIAL = "0123456789abcdef0123456789abcdef";
    private static final String NEW_PASSWORD = "a new password";
    private static final String PROBE = "/echarge/api/probe";

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private Server server;
    private int port;
    private int securePort;

    /** A browser: its session cookie and CSRF token. */
    private record Browser(String cookie, String csrfToken) {
    }

    @BeforeEach
    void start() throws Exception {
        ConsoleSecurity security = TestConsoleSecurity.create(home, INITIAL, clock);
        server = new Server();
        ServerConnector plain = new ServerConnector(server);
        plain.setHost("127.0.0.1");
        HttpConfiguration tls = new HttpConfiguration();
        tls.addCustomizer((connector, config, request) -> {
            request.setScheme("https");
            request.setSecure(true);
        });
        ServerConnector secure = new ServerConnector(server, new HttpConnectionFactory(tls));
        secure.setHost("127.0.0.1");
        server.addConnector(plain);
        server.addConnector(secure);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        // whiteboard: higher service.ranking first
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new ApiAccessFilter(security)), "/echarge/api/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new StatusServlet(new NoComponents(),
                new StatusDocument.GatewayInfo("test gateway", "1.2.3", Instant.now()))), "/echarge/api/*");
        ServletHolder auth = new ServletHolder(new ConsoleAuthServlet(security));
        for (String path : List.of(ApiAccessFilter.LOGIN, ApiAccessFilter.LOGOUT, ApiAccessFilter.PASSWORD,
                ApiAccessFilter.SESSION)) {
            context.addServlet(auth, path);
        }
        context.addServlet(new ServletHolder(new Probe()), PROBE);
        server.setHandler(context);
        server.start();
        port = plain.getLocalPort();
        securePort = secure.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void everyApiEndpointRefusesRequestsWithoutASession() throws Exception {
        List<String[]> requests = List.of(new String[] {"GET", "/echarge/api/status"},
                new String[] {"GET", "/echarge/api/session"}, new String[] {"POST", "/echarge/api/logout"},
                new String[] {"POST", "/echarge/api/password"}, new String[] {"GET", "/echarge/api/unknown"},
                new String[] {"GET", "/echarge/api"}, new String[] {"GET", "/echarge/api/login/"},
                new String[] {"GET", "/echarge/api/%73tatus"}, new String[] {"GET", "/echarge/api/health/../status"},
                new String[] {"GET", "/echarge/api/status;health"}, new String[] {"GET", PROBE},
                new String[] {"POST", PROBE}, new String[] {"PUT", PROBE}, new String[] {"DELETE", PROBE},
                new String[] {"PATCH", PROBE}, new String[] {"OPTIONS", PROBE});
        for (String[] request : requests) {
            HttpResponse<String> response = send(request[0], request[1], Optional.empty(), null, "");
            String what = request[0] + " " + request[1];
            assertEquals(401, response.statusCode(), what);
            assertEquals("unauthenticated", error(response), what);
            assertHardened(response);
        }
        HttpResponse<String> forged = send("GET", "/echarge/api/status",
                Optional.of(new Browser("echarge_session=" + "A".repeat(43), "")), null, "");
        assertEquals(401, forged.statusCode());
        assertTrue(setCookie(forged).contains("Max-Age=0"), setCookie(forged));
    }

    @Test
    void healthStaysOpenAndTellsReadinessOnly() throws Exception {
        HttpResponse<String> health = send("GET", "/echarge/api/health", Optional.empty(), null, "");

        assertEquals(200, health.statusCode());
        JsonNode body = json.readTree(health.body());
        assertTrue(body.get("ready").asBoolean());
        assertEquals(0, body.at("/points/total").asInt());
        assertFalse(health.body().contains("test gateway"), health.body());
        assertHardened(health);
        assertEquals(200, send("HEAD", "/echarge/api/health", Optional.empty(), null, "").statusCode());
        HttpResponse<String> gateway = send("GET", "/echarge/api/health?scope=gateway", Optional.empty(), null, "");
        assertEquals(200, gateway.statusCode());
        assertEquals("gateway", json.readTree(gateway.body()).get("scope").asText());
        assertEquals(400, send("GET", "/echarge/api/health?scope=all", Optional.empty(), null, "").statusCode());
    }

    @Test
    void loginSetsAHardenedSessionCookie() throws Exception {
        HttpResponse<String> wrong = login("admin", "wrong password");
        assertEquals(401, wrong.statusCode());
        assertEquals("login-failed", error(wrong));
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> right = login("admin", INITIAL);
        assertEquals(200, right.statusCode(), right.body());
        String cookie = setCookie(right);
        assertTrue(cookie.matches("echarge_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), cookie);
        JsonNode session = json.readTree(right.body());
        assertEquals("admin", session.get("user").asText());
        assertTrue(session.get("mustChangePassword").asBoolean());
        assertEquals(43, session.get("csrfToken").asText().length());
        assertEquals(1800, session.get("idleTimeoutSeconds").asInt());
        assertFalse(right.body().contains(cookie.substring(16, 59)), "session id in the body");
        assertHardened(right);

        HttpResponse<String> overHttps = send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "application/json",
                loginBody("admin", INITIAL), securePort);
        assertTrue(setCookie(overHttps).endsWith("; HttpOnly; SameSite=Strict; Secure"), setCookie(overHttps));
    }

    @Test
    void theInitialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        Browser initial = loggedIn(INITIAL);

        assertEquals("password-change-required", error(get("/echarge/api/status", initial)));
        assertEquals(403, get("/echarge/api/status", initial).statusCode());
        assertEquals("password-change-required", error(send("POST", PROBE, Optional.of(initial), null, "")));
        assertEquals(200, get(ApiAccessFilter.SESSION, initial).statusCode());

        assertEquals("csrf", error(changePassword(new Browser(initial.cookie(), ""), INITIAL, NEW_PASSWORD)));
        assertEquals("csrf", error(changePassword(new Browser(initial.cookie(), "x" + initial.csrfToken()), INITIAL,
                NEW_PASSWORD)));
        HttpResponse<String> tooShort = changePassword(initial, INITIAL, "123456789");
        assertEquals(400, tooShort.statusCode());
        assertEquals("password-refused", error(tooShort));
        assertEquals("password-refused", error(changePassword(initial, INITIAL, INITIAL)));
        HttpResponse<String> wrongOld = changePassword(initial, "not the old one", NEW_PASSWORD);
        assertEquals(403, wrongOld.statusCode());
        assertEquals("wrong-password", error(wrongOld));

        HttpResponse<String> changed = changePassword(initial, INITIAL, NEW_PASSWORD);
        assertEquals(200, changed.statusCode(), changed.body());
        Browser changedBrowser = new Browser(setCookie(changed).split(";")[0],
                json.readTree(changed.body()).get("csrfToken").asText());
        assertFalse(json.readTree(changed.body()).get("mustChangePassword").asBoolean());
        assertNotEquals(initial, changedBrowser);
        assertEquals(401, get(ApiAccessFilter.SESSION, initial).statusCode());

        HttpResponse<String> status = get("/echarge/api/status", changedBrowser);
        assertEquals(200, status.statusCode());
        assertEquals("test gateway", json.readTree(status.body()).at("/gateway/name").asText());
        assertEquals(200, send("POST", PROBE, Optional.of(changedBrowser), null, "").statusCode());
        assertEquals(401, login("admin", INITIAL).statusCode());
        assertEquals(200, login("admin", NEW_PASSWORD).statusCode());
    }

    @Test
    void stateChangingRequestsNeedTheSessionsCsrfToken() throws Exception {
        Browser browser = withChangedPassword();
        Browser other = loggedIn(NEW_PASSWORD);

        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            assertEquals(403, send(method, PROBE, Optional.of(new Browser(browser.cookie(), "")), null, "")
                    .statusCode(), method);
            HttpResponse<String> foreignToken = send(method, PROBE,
                    Optional.of(new Browser(browser.cookie(), other.csrfToken())), null, "");
            assertEquals(403, foreignToken.statusCode(), method);
            assertEquals("csrf", error(foreignToken));
            assertEquals(200, send(method, PROBE, Optional.of(browser), null, "").statusCode(), method);
        }
        assertEquals(200, get(PROBE, new Browser(browser.cookie(), "")).statusCode());
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Browser browser = withChangedPassword();
        assertEquals(403, send("POST", ApiAccessFilter.LOGOUT, Optional.of(new Browser(browser.cookie(), "")), null, "")
                .statusCode());

        HttpResponse<String> logout = send("POST", ApiAccessFilter.LOGOUT, Optional.of(browser), null, "");

        assertEquals(204, logout.statusCode());
        assertTrue(setCookie(logout).startsWith("echarge_session=; Path=/;"), setCookie(logout));
        assertTrue(setCookie(logout).contains("Max-Age=0"));
        assertEquals(401, get(ApiAccessFilter.SESSION, browser).statusCode());
        assertEquals(401, get("/echarge/api/status", browser).statusCode());
    }

    @Test
    void sessionsExpireWhenIdle() throws Exception {
        Browser browser = withChangedPassword();
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, get("/echarge/api/status", browser).statusCode());
        clock.advance(Duration.ofMinutes(30));
        assertEquals(401, get("/echarge/api/status", browser).statusCode());
    }

    @Test
    void repeatedFailedLoginsAreLockedOutWithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("admin", "guess " + i).statusCode());
        }
        HttpResponse<String> locked = login("admin", INITIAL);
        assertEquals(429, locked.statusCode());
        assertEquals("locked", error(locked));
        assertEquals(Optional.of("30"), locked.headers().firstValue("Retry-After"));
        assertTrue(locked.headers().firstValue("Set-Cookie").isEmpty());
        assertHardened(locked);

        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, login("admin", INITIAL).statusCode());
    }

    @Test
    void badLoginBodiesAreRefusedAndNotCounted() throws Exception {
        String good = loginBody("admin", INITIAL);
        assertBad(415, send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "text/plain", good));
        assertBad(415, send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "application/x-www-form-urlencoded",
                "user=admin&password=" + INITIAL));
        assertBad(415, send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "application/json; charset=ISO-8859-1",
                good));
        assertBad(415, send("POST", ApiAccessFilter.LOGIN, Optional.empty(), null, good));
        assertBad(413, send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "application/json",
                "{\"user\":\"admin\",\"password\":\"" + "x".repeat(17 * 1024) + "\"}"));
        for (String body : List.of("", "null", "[]", "\"admin\"", "{", "{\"user\":\"admin\"}",
                "{\"user\":\"admin\",\"password\":null}", "{\"user\":\"admin\",\"password\":12345678901}",
                "{\"user\":\"admin\",\"password\":[\"" + INITIAL + "\"]}",
                "{\"user\":\"admin\",\"password\":\"" + INITIAL + "\",\"remember\":true}",
                "{\"user\":\"admin\",\"password\":\"x\",\"password\":\"" + INITIAL + "\"}", good + " {}")) {
            HttpResponse<String> response = send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "application/json",
                    body);
            assertBad(400, response);
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), body);
        }
        assertTrue(error(login("admin", INITIAL)).isEmpty(), "bad bodies counted as failed logins");
        assertEquals(200, send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "Application/JSON; charset=utf-8",
                good).statusCode());
    }

    @Test
    void badPasswordChangeBodiesChangeNothing() throws Exception {
        Browser browser = loggedIn(INITIAL);
        for (String body : List.of("{\"oldPassword\":\"" + INITIAL + "\"}",
                "{\"oldPassword\":\"" + INITIAL + "\",\"newPassword\":1234567890123}",
                "{\"oldPassword\":\"" + INITIAL + "\",\"newPassword\":\"" + NEW_PASSWORD + "\",\"user\":\"root\"}",
                "{\"old\":\"" + INITIAL + "\",\"new\":\"" + NEW_PASSWORD + "\"}")) {
            HttpResponse<String> response = send("POST", ApiAccessFilter.PASSWORD, Optional.of(browser),
                    "application/json", body);
            assertBad(400, response);
        }
        assertBad(415, send("POST", ApiAccessFilter.PASSWORD, Optional.of(browser), "text/plain",
                "{\"oldPassword\":\"" + INITIAL + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}"));
        assertEquals("field 'newPassword' is missing or not of the right type", json.readTree(
                send("POST", ApiAccessFilter.PASSWORD, Optional.of(browser), "application/json",
                        "{\"oldPassword\":\"x\",\"newPassword\":false}").body()).get("message").asText());
        assertEquals(200, get(ApiAccessFilter.SESSION, browser).statusCode());
        assertEquals(200, login("admin", INITIAL).statusCode());
    }

    @Test
    void otherMethodsAreRefusedWithJson() throws Exception {
        HttpResponse<String> getLogin = send("GET", ApiAccessFilter.LOGIN, Optional.empty(), null, "");
        assertEquals(405, getLogin.statusCode());
        assertEquals("method-not-allowed", error(getLogin));
        assertEquals(Optional.of("POST"), getLogin.headers().firstValue("Allow"));
        Browser browser = withChangedPassword();
        assertEquals(405, send("POST", ApiAccessFilter.SESSION, Optional.of(browser), null, "").statusCode());
        HttpResponse<String> postStatus = send("POST", "/echarge/api/status", Optional.of(browser), null, "");
        assertEquals(405, postStatus.statusCode());
        assertEquals("method-not-allowed", error(postStatus));
        HttpResponse<String> unknown = get("/echarge/api/unknown", browser);
        assertEquals(404, unknown.statusCode());
        assertEquals("not-found", error(unknown));
    }

    private Browser withChangedPassword() throws Exception {
        Browser initial = loggedIn(INITIAL);
        HttpResponse<String> changed = changePassword(initial, INITIAL, NEW_PASSWORD);
        assertEquals(200, changed.statusCode(), changed.body());
        return new Browser(setCookie(changed).split(";")[0], json.readTree(changed.body()).get("csrfToken").asText());
    }

    private Browser loggedIn(String password) throws Exception {
        HttpResponse<String> response = login("admin", password);
        assertEquals(200, response.statusCode(), response.body());
        return new Browser(setCookie(response).split(";")[0], json.readTree(response.body()).get("csrfToken").asText());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return send("POST", ApiAccessFilter.LOGIN, Optional.empty(), "application/json", loginBody(user, password));
    }

    private String loginBody(String user, String password) throws IOException {
        return json.writeValueAsString(json.createObjectNode().put("user", user).put("password", password));
    }

    private HttpResponse<String> changePassword(Browser browser, String oldPassword, String newPassword)
            throws Exception {
        String body = json.writeValueAsString(json.createObjectNode().put("oldPassword", oldPassword)
                .put("newPassword", newPassword));
        return send("POST", ApiAccessFilter.PASSWORD, Optional.of(browser), "application/json", body);
    }

    private HttpResponse<String> get(String path, Browser browser) throws Exception {
        return send("GET", path, Optional.of(browser), null, "");
    }

    private HttpResponse<String> send(String method, String path, Optional<Browser> browser, String contentType,
            String body) throws Exception {
        return send(method, path, browser, contentType, body, port);
    }

    private HttpResponse<String> send(String method, String path, Optional<Browser> browser, String contentType,
            String body, int toPort) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        browser.ifPresent(b -> {
            request.header("Cookie", b.cookie());
            if (!b.csrfToken().isEmpty()) {
                request.header("X-CSRF-Token", b.csrfToken());
            }
        });
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private String error(HttpResponse<String> response) throws IOException {
        if (response.statusCode() < 400) {
            return "";
        }
        assertEquals(Optional.of("application/json;charset=utf-8"),
                response.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase()));
        JsonNode body = json.readTree(response.body());
        assertFalse(body.get("message").asText().isBlank());
        return body.get("error").asText();
    }

    private void assertBad(int status, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertFalse(error(response).isEmpty());
        assertHardened(response);
    }

    private static String setCookie(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElse("");
    }

    private static void assertHardened(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"));
        assertEquals(Optional.of("no-referrer"), response.headers().firstValue("Referrer-Policy"));
        assertEquals(Optional.of("DENY"), response.headers().firstValue("X-Frame-Options"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
    }

    /** A servlet added later that trusts the filter: answers any method. */
    private static final class Probe extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"probe\":\"" + request.getMethod() + "\"}");
        }
    }

    /** SCR with no gateway components: the health check finds nothing wrong. */
    private static final class NoComponents implements ServiceComponentRuntime {
        @Override
        public Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(Bundle... bundles) {
            return List.of();
        }

        @Override
        public ComponentDescriptionDTO getComponentDescriptionDTO(Bundle bundle, String name) {
            return null;
        }

        @Override
        public Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(
                ComponentDescriptionDTO description) {
            return List.of();
        }

        @Override
        public boolean isComponentEnabled(ComponentDescriptionDTO description) {
            return false;
        }

        @Override
        public Promise<Void> enableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Promise<Void> disableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }
    }
}
