package org.echarge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.echarge.api.point.FinishedSession;
import org.echarge.api.point.SessionHistory;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The session history API in Jetty, behind the console's security, over a fake history. */
class SessionsServletTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    Path home;

    private final FakeHistory history = new FakeHistory();
    private final MutableClock clock = MutableClock.startingAt("2026-11-29T21:30:05Z");
    private ApiServer server;
    private ApiServer.Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(home, clock, List.of(new ApiServer.Mount(new SessionsServlet(history, clock),
                "/echarge/api/sessions", "/echarge/api/sessions.csv")));
        browser = server.browser();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void listsTheSessionsTheFiltersSelect() throws Exception {
        JsonNode all = server.body(server.get("/echarge/api/sessions", browser)).get("sessions");
        assertEquals(2, all.size());
        JsonNode newest = all.get(0);
        assertEquals(2, newest.get("point").asInt());
        assertEquals("2026-11-29T09:00:00Z", newest.get("start").asText());
        assertEquals("2026-11-29T10:30:00Z", newest.get("end").asText());
        assertEquals(5400, newest.get("durationSeconds").asLong());
        assertEquals(12_345.5, newest.get("energyWattHour").asDouble());
        assertEquals("04A2B1C3", newest.get("rfid").asText());
        assertTrue(all.get(1).get("rfid").isNull());
        assertEquals(SessionHistory.Filter.ALL, history.filters.get(0));

        server.get("/echarge/api/sessions?from=2026-11-29T08:30:00Z&to=" + encode("2026-11-29T12:00:00+01:00")
                + "&point=2", browser);
        assertEquals(new SessionHistory.Filter(T0.plusSeconds(1800), T0.plusSeconds(3 * 3600), 2),
                history.filters.get(1));
        assertEquals(1, server.body(server.get("/echarge/api/sessions?point=2", browser)).get("sessions").size());
        assertEquals(401, server.get("/echarge/api/sessions", null).statusCode());
    }

    @Test
    void refusesABadFilter() throws Exception {
        for (String query : List.of("from=yesterday", "from=2026-11-29", "to=2026-11-29T08:00:00",
                "point=0", "point=one", "point=1&point=2", "pointt=1", "from=2026-11-29T09:00:00Z&to=2026-11-29T08:00:00Z")) {
            var response = server.get("/echarge/api/sessions?" + query, browser);
            assertEquals("bad-request", server.error(400, response), query);
            assertEquals("bad-request", server.error(400, server.get("/echarge/api/sessions.csv?" + query, browser)));
        }
        assertTrue(server.message(server.get("/echarge/api/sessions?from=yesterday", browser)).contains("'from'"));
        assertEquals(List.of(), history.filters);
        assertEquals("method-not-allowed", server.error(405, server.post("/echarge/api/sessions", browser, "{}")));
    }

    @Test
    void exportsCsvAsAnAttachment() throws Exception {
        var csv = server.get("/echarge/api/sessions.csv?point=1", browser);

        assertEquals(200, csv.statusCode());
        assertEquals(Optional.of("text/csv;charset=utf-8"),
                csv.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase()));
        assertEquals(Optional.of("attachment; filename=\"echarge-sessions-20261129T213005Z.csv\""),
                csv.headers().firstValue("Content-Disposition"));
        assertEquals("csv of 1\n", csv.body());
        assertEquals(new SessionHistory.Filter(null, null, 1), history.filters.get(0));
    }

    @Test
    void saysSoWhenTheHistoryIsMissingOrUnreadable() throws Exception {
        history.broken = true;
        assertEquals("history-unreadable", server.error(500, server.get("/echarge/api/sessions", browser)));
        try (ApiServer without = new ApiServer(home.resolve("other"), clock, List.of(new ApiServer.Mount(
                new SessionsServlet(null, clock), "/echarge/api/sessions")))) {
            assertEquals("not-available", without.error(503, without.get("/echarge/api/sessions", without.browser())));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Two sessions; records the filters it was asked with. */
    private static final class FakeHistory implements SessionHistory {

        final List<Filter> filters = new ArrayList<>();
        volatile boolean broken;

        @Override
        public List<FinishedSession> sessions(Filter filter) throws IOException {
            if (broken) {
                throw new IOException("disk on fire");
            }
            filters.add(filter);
            return List.of(new FinishedSession(2, T0.plusSeconds(3600), T0.plusSeconds(9000), 12_345.5, "04A2B1C3"),
                    new FinishedSession(1, T0, T0.plusSeconds(600), 800, null)).stream().filter(filter::test).toList();
        }

        @Override
        public void exportCsv(Filter filter, Writer out) throws IOException {
            filters.add(filter);
            out.write("csv of " + sessions(filter).size() + "\n");
            filters.remove(filters.size() - 1);
        }
    }
}
