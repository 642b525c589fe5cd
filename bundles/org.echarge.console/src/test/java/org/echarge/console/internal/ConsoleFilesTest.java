package org.echarge.console.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.point.PointState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The console's files as shipped: texts complete in both languages, pages fit for a strict CSP. */
class ConsoleFilesTest {

    private static final List<String> PAGES = List.of("index.html", "licenses.html");
    private static final List<String> MODULES = List.of("app.js", "api.js", "i18n.js", "live.js", "status-view.js",
            "history-chart.js", "ui.js", "point-control.js", "settings-view.js", "network-card.js", "tls-card.js",
            "updates-card.js", "config-view.js", "config-form.js", "sessions-view.js", "licenses-view.js");

    /** The API paths the console may call: org.echarge.web, console, system, config, updater (contracts.md). */
    private static final List<Pattern> API_PATHS = List.of(
            Pattern.compile("api/(session|login|logout|password|status|health|events)"),
            Pattern.compile("api/system/(info|logs\\.zip|logging|restart|factory-reset|network)"),
            Pattern.compile("api/config(/(schema|validate|export|import))?"),
            Pattern.compile("api/knx(/(ets\\.csv|programming-mode))?"),
            Pattern.compile("api/points/?"), // api/points/${number}/setpoint
            Pattern.compile("api/sessions(\\.csv)?"),
            Pattern.compile("api/tls(/certificate)?"),
            Pattern.compile("api/updates(/(driver|firmware|server/check|server/install)?)?")); // api/updates/${kind}

    private static String read(String name) throws IOException {
        try (InputStream in = ConsoleFilesTest.class.getClassLoader()
                .getResourceAsStream(ConsoleResourceServlet.ROOT + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private static Map<String, String> texts(String language) throws IOException {
        JsonNode json = new ObjectMapper().readTree(read("i18n/" + language + ".json"));
        assertTrue(json.isObject(), language + ".json is one flat object");
        Map<String, String> texts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertTrue(entry.getValue().isTextual(), language + ": " + entry.getKey() + " is not a text");
            assertFalse(entry.getValue().asText().isBlank(), language + ": " + entry.getKey() + " is empty");
            texts.put(entry.getKey(), entry.getValue().asText());
        }
        return texts;
    }

    @Test
    void englishAndGermanHaveTheSameKeys() throws IOException {
        Set<String> english = texts("en").keySet();
        Set<String> german = texts("de").keySet();

        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(german);
        Set<String> onlyGerman = new TreeSet<>(german);
        onlyGerman.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "missing in de.json");
        assertEquals(Set.of(), onlyGerman, "missing in en.json");
    }

    @Test
    void placeholdersAgreeBetweenLanguages() throws IOException {
        Map<String, String> english = texts("en");
        Map<String, String> german = texts("de");
        Pattern placeholder = Pattern.compile("\\{\\w+}");
        for (String key : english.keySet()) {
            assertEquals(new TreeSet<>(matches(placeholder, english.get(key))),
                    new TreeSet<>(matches(placeholder, german.get(key))), key);
        }
    }

    @Test
    void everyKeyThePagesAndScriptsUseExists() throws IOException {
        Set<String> used = new TreeSet<>(matches(Pattern.compile("data-i18n=\"([^\"]+)\""), read("index.html")));
        for (String module : MODULES) {
            used.addAll(matches(Pattern.compile("\\bt\\('([\\w.]+)'"), read("js/" + module)));
        }
        // keys built at run time from values of the API and of live.js
        for (PointState state : PointState.values()) {
            used.add("state." + state.value());
        }
        for (org.echarge.api.indicator.Pattern pattern : org.echarge.api.indicator.Pattern.values()) {
            used.add("pattern." + pattern.name());
        }
        for (DlmStatus.Mode mode : DlmStatus.Mode.values()) {
            used.add("dlm.mode." + mode.name());
        }
        used.addAll(List.of("live.live", "live.reconnecting", "live.off"));
        // config-view.js state, logging modes (contract), the updater's outcomes
        for (String state : List.of("clean", "changed", "validating", "valid", "invalid")) {
            used.add("config.state." + state);
        }
        used.addAll(List.of("logging.SIMPLE", "logging.EXTENDED"));
        for (String outcome : List.of("UPDATED", "REFUSED", "FAILED", "ROLLED_BACK", "ROLLBACK_FAILED")) {
            used.add("updates.outcome." + outcome);
        }

        assertTrue(used.size() > 100, "found " + used.size() + " keys: the patterns still match the files");
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(texts("en").keySet());
        assertEquals(Set.of(), missing);
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandlerSoTheyRunUnderDefaultSrcSelf() throws IOException {
        for (String page : PAGES) {
            String html = read(page);
            assertEquals(List.of(), matches(Pattern.compile("(<script(?![^>]*\\bsrc=)[^>]*>)"), html), page);
            assertEquals(List.of(), matches(Pattern.compile("(<style\\b)"), html), page);
            assertEquals(List.of(), matches(Pattern.compile("\\s(style|on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE),
                    html), page);
            assertEquals(List.of(), matches(Pattern.compile("((?:src|href)=\"(?:https?:)?//[^\"]*)"), html),
                    page + " loads nothing from elsewhere");
        }
        for (String module : MODULES) {
            String js = read("js/" + module);
            assertFalse(js.contains("eval(") || js.contains("new Function") || js.contains("innerHTML"), module);
        }
    }

    @Test
    void elementIdsAreUnique() throws IOException {
        List<String> ids = matches(Pattern.compile("\\sid=\"([^\"]+)\""), read("index.html"));
        assertEquals(new TreeSet<>(ids).size(), ids.size(), ids.toString());
        assertTrue(ids.containsAll(List.of("login-user", "login-password", "login-submit", "password-old",
                "password-new", "password-repeat", "device-name", "led-app", "dlm-mode", "history-chart", "points")));
    }

    @Test
    void everyModuleInTheFolderIsChecked() throws Exception {
        Path folder = Path.of(ConsoleFilesTest.class.getClassLoader().getResource(ConsoleResourceServlet.ROOT + "js")
                .toURI());
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.forEach(file -> files.add(file.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(MODULES), files, "MODULES lists every script, so every one is checked here");
    }

    @Test
    void everyElementTheScriptsLookUpByIdIsInThePage() throws IOException {
        Set<String> ids = new TreeSet<>(matches(Pattern.compile("\\sid=\"([^\"]+)\""), read("index.html")));
        Set<String> missing = new TreeSet<>();
        for (String module : MODULES) {
            for (String id : matches(Pattern.compile("\\$\\('([\\w-]+)'\\)"), read("js/" + module))) {
                if (!ids.contains(id)) {
                    missing.add(module + ": " + id);
                }
            }
        }
        assertEquals(Set.of(), missing);
        // ids built from a name: the cards of loadCard(name) have -body, -unavailable, -message
        for (String module : MODULES) {
            for (String card : matches(Pattern.compile("loadCard\\('([\\w-]+)'"), read("js/" + module))) {
                for (String suffix : List.of("-body", "-unavailable", "-message")) {
                    assertTrue(ids.contains(card + suffix), module + ": " + card + suffix);
                }
            }
        }
    }

    @Test
    void theScriptsCallOnlyTheAgreedApiPaths() throws IOException {
        // the literal part, up to a query or a ${...} in a template string
        List<String> paths = new ArrayList<>();
        for (String module : MODULES) {
            paths.addAll(matches(Pattern.compile("['`](api/[^'`?$]*)"), read("js/" + module)));
        }
        assertTrue(paths.size() > 25, "found " + paths + ": the pattern still matches the files");
        List<String> unknown = paths.stream()
                .filter(path -> API_PATHS.stream().noneMatch(agreed -> agreed.matcher(path).matches())).toList();
        assertEquals(List.of(), unknown);
    }

    @Test
    void setpointControlAndNewViewsHaveTheirStableIds() throws IOException {
        String html = read("index.html");
        List<String> ids = matches(Pattern.compile("\\sid=\"([^\"]+)\""), html);
        assertTrue(ids.containsAll(List.of("view-settings", "view-config", "view-sessions", "view-licenses",
                "nav-settings", "nav-config", "nav-sessions", "logs-download", "logging-simple", "logging-extended",
                "restart", "restart-yes", "reset-confirm-text", "reset-submit", "programming-on", "programming-off",
                "network-mode", "tls-sha256", "firmware-progress", "driver-progress", "config-apply", "config-sections",
                "config-message", "config-import-file", "sessions-rows", "sessions-csv", "footer-version",
                "licenses-link")), ids.toString());
        String template = html.substring(html.indexOf("<template id=\"point-template\">"));
        for (String field : List.of("setpoint-form", "setpoint-input", "setpoint-apply", "setpoint-message",
                "setpoint-dlm")) {
            assertTrue(template.contains("data-field=\"" + field + "\""), field);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        for (Matcher matcher = pattern.matcher(text); matcher.find();) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }
}
