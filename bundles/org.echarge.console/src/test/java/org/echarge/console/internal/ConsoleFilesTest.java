package org.echarge.console.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.point.PointState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The console's files as shipped: texts complete in both languages, pages fit for a strict CSP. */
class ConsoleFilesTest {

    private static final List<String> PAGES = List.of("index.html", "licenses.html");
    private static final List<String> MODULES = List.of("app.js", "api.js", "i18n.js", "live.js", "status-view.js",
            "history-chart.js");

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

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        for (Matcher matcher = pattern.matcher(text); matcher.find();) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }
}
