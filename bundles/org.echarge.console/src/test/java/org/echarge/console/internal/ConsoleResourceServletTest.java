package org.echarge.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's files through the servlet in Jetty 9.4, from the classpath as in the bundle. */
class ConsoleResourceServletTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer().with(new ConsoleResourceServlet(), "/echarge/*").start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
        "/echarge/, text/html;charset=utf-8",
        "/echarge/index.html, text/html;charset=utf-8",
        "/echarge/licenses.html, text/html;charset=utf-8",
        "/echarge/app.css, text/css;charset=utf-8",
        "/echarge/js/app.js, text/javascript;charset=utf-8",
        "/echarge/lib/chartjs/chart.umd.js, text/javascript;charset=utf-8",
        "/echarge/i18n/de.json, application/json",
        "/echarge/icon.svg, image/svg+xml",
        "/echarge/lib/chartjs/LICENSE.md, text/plain;charset=utf-8",
        "/echarge/lib/kurkle/LICENSE.md, text/plain;charset=utf-8",
    })
    void servedWithTheirContentType(String path, String contentType) throws Exception {
        HttpResponse<String> response = get(path);

        assertEquals(200, response.statusCode(), path);
        assertEquals(contentType, response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")
                .toLowerCase());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElseThrow());
        assertFalse(response.body().isEmpty());
    }

    @Test
    void consoleRootWithoutSlashRedirects() throws Exception {
        HttpResponse<String> response = get("/echarge");

        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/echarge/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/echarge/missing.html", "/echarge/i18n/", "/echarge/i18n", "/echarge/js",
        "/echarge/lib/chartjs/", "/echarge/.hidden.js", "/echarge/%2e%2e/app.css",
        "/echarge/app.CSS", "/echarge/i18n/en.json.bak", "/echarge/org/echarge/console/internal/GatewayInfo.class",
        "/echarge//app.css"})
    void anythingElseIsNotFound(String path) throws Exception {
        int status = get(path).statusCode();

        assertTrue(status == 404 || status == 400, path + ": " + status);
    }

    @Test
    void unchangedFileIsNotSentAgain() throws Exception {
        String etag = get("/echarge/app.css").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/echarge/app.css", "If-None-Match", etag);
        HttpResponse<String> other = get("/echarge/app.css", "If-None-Match", "\"something-else\"");

        assertEquals(304, again.statusCode());
        assertTrue(again.body().isEmpty());
        assertEquals(200, other.statusCode());
        assertFalse(etag.equals(get("/echarge/index.html").headers().firstValue("ETag").orElseThrow()));
    }

    @Test
    void everyFileThePagesReferToIsServed() throws Exception {
        Set<String> referenced = new TreeSet<>();
        for (String page : Set.of("index.html", "licenses.html")) {
            collect(get("/echarge/" + page).body(), Pattern.compile("(?:src|href)=\"([^\"#:]+)\""), "", referenced);
        }
        for (String module : Set.of("app.js", "api.js", "i18n.js", "live.js", "status-view.js", "history-chart.js")) {
            collect(get("/echarge/js/" + module).body(), Pattern.compile("from '\\./([^']+)'"), "js/", referenced);
        }
        referenced.add("i18n/en.json");
        referenced.add("i18n/de.json");

        assertTrue(referenced.contains("lib/chartjs/chart.umd.js"), referenced.toString());
        assertTrue(referenced.contains("js/status-view.js"), referenced.toString());
        for (String file : referenced) {
            String path = file.equals("./") ? "/echarge/" : "/echarge/" + file;
            assertEquals(200, get(path).statusCode(), path);
        }
    }

    private static void collect(String text, Pattern reference, String base, Set<String> into) {
        Matcher matcher = reference.matcher(text);
        while (matcher.find()) {
            into.add(base + matcher.group(1));
        }
    }

    @Test
    void contentTypeOnlyForKnownExtensions() {
        assertEquals("text/javascript;charset=utf-8", ConsoleResourceServlet.contentType("a/b.c.js"));
        assertEquals(null, ConsoleResourceServlet.contentType("chart"));
        assertEquals(null, ConsoleResourceServlet.contentType("x.class"));
    }

    @Test
    void headIsAnsweredWithoutBody() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.uri("/echarge/app.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().isEmpty());
        assertTrue(Long.parseLong(response.headers().firstValue("Content-Length").orElseThrow()) > 1000);
    }
}
