package org.echarge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import javax.servlet.DispatcherType;
import javax.servlet.Servlet;

import org.echarge.web.internal.security.ApiAccessFilter;
import org.echarge.web.internal.security.ConsoleAuthServlet;
import org.echarge.web.internal.security.ConsoleSecurity;
import org.echarge.web.internal.security.SecurityHeadersFilter;
import org.echarge.web.internal.security.TestConsoleSecurity;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jetty 9.4 on 127.0.0.1 with the console's security (filters and login servlet, wired with the
 * whiteboard's patterns and ranking) in front of the servlets under test, and a browser that has
 * logged in and changed the initial password: for the tests of the API servlets.
 */
final class ApiServer implements AutoCloseable {

    static final String INITIAL = "0123456789abcdef0123456789abcdef";

    /** A servlet and its whiteboard patterns. */
    record Mount(Servlet servlet, String... patterns) {
    }

    /** A browser: its session cookie and CSRF token. */
    record Browser(String cookie, String csrfToken) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Server server = new Server();
    private final int port;

    ApiServer(Path home, Clock clock, List<Mount> mounts) throws Exception {
        ConsoleSecurity security = TestConsoleSecurity.create(home, INITIAL, clock);
        ServerConnector plain = new ServerConnector(server);
        plain.setHost("127.0.0.1");
        server.addConnector(plain);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new ApiAccessFilter(security)), "/echarge/api/*",
                EnumSet.of(DispatcherType.REQUEST));
        ServletHolder auth = new ServletHolder(new ConsoleAuthServlet(security));
        for (String path : List.of(ApiAccessFilter.LOGIN, ApiAccessFilter.PASSWORD, ApiAccessFilter.SESSION)) {
            context.addServlet(auth, path);
        }
        for (Mount mount : mounts) {
            ServletHolder holder = new ServletHolder(mount.servlet());
            for (String pattern : mount.patterns()) {
                context.addServlet(holder, pattern);
            }
        }
        server.setHandler(context);
        server.start();
        port = plain.getLocalPort();
    }

    /** Logs in with the initial password and changes it: a browser that may use the whole API. */
    Browser browser() throws Exception {
        HttpResponse<String> login = send("POST", ApiAccessFilter.LOGIN, null, "application/json",
                json.writeValueAsString(json.createObjectNode().put("user", "admin").put("password", INITIAL)));
        assertEquals(200, login.statusCode(), login.body());
        Browser initial = new Browser(cookie(login), json.readTree(login.body()).get("csrfToken").asText());
        HttpResponse<String> changed = send("POST", ApiAccessFilter.PASSWORD, initial, "application/json",
                json.writeValueAsString(json.createObjectNode().put("oldPassword", INITIAL)
                        .put("newPassword", "a new password")));
        assertEquals(200, changed.statusCode(), changed.body());
        return new Browser(cookie(changed), json.readTree(changed.body()).get("csrfToken").asText());
    }

    HttpResponse<String> get(String path, Browser browser) throws Exception {
        return send("GET", path, browser, null, "");
    }

    HttpResponse<String> post(String path, Browser browser, String body) throws Exception {
        return send("POST", path, browser, "application/json", body);
    }

    /** A request; {@code browser} null: without cookie and token. */
    HttpResponse<String> send(String method, String path, Browser browser, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (browser != null) {
            request.header("Cookie", browser.cookie()).header("X-CSRF-Token", browser.csrfToken());
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    ObjectMapper json() {
        return json;
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** The error code of a JSON error answer with a message for people, after checking the status. */
    String error(int status, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Optional.of("application/json;charset=utf-8"),
                response.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase()));
        JsonNode body = body(response);
        assertFalse(body.get("message").asText().isBlank());
        return body.get("error").asText();
    }

    String message(HttpResponse<String> response) throws IOException {
        return body(response).get("message").asText();
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
