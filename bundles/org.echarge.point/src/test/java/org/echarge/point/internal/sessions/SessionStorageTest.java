package org.echarge.point.internal.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.echarge.api.point.FinishedSession;
import org.echarge.api.point.SessionHistory.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStorageTest {

    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @TempDir
    Path directory;
    private SessionStorage storage;

    @BeforeEach
    void fill() throws IOException {
        storage = new SessionStorage(directory);
        // appended in the order the sessions ended; point 2's started first but ended last
        storage.store().append(new ChargingSession(1, T0.plusSeconds(3600), T0.plusSeconds(5400), 11_000.4, "04A2B1C3"));
        storage.store().append(new ChargingSession(3, T0.plusSeconds(7200), T0.plusSeconds(7260), 250, null));
        storage.store().append(new ChargingSession(2, T0, T0.plusSeconds(9000), 30_000, "=HYPERLINK(\"x\",\"y\")"));
    }

    @Test
    void listsNewestFirstAndFilters() throws IOException {
        assertEquals(List.of(3, 1, 2), points(Filter.ALL));
        assertEquals(List.of(3, 1), points(new Filter(T0.plusSeconds(3600), null, null)));
        assertEquals(List.of(1, 2), points(new Filter(null, T0.plusSeconds(7200), null)));
        assertEquals(List.of(1), points(new Filter(T0.plusSeconds(1), T0.plusSeconds(7199), 1)));
        assertEquals(List.of(), points(new Filter(null, null, 4)));
        FinishedSession first = storage.sessions(new Filter(null, null, 1)).get(0);
        assertEquals(new FinishedSession(1, T0.plusSeconds(3600), T0.plusSeconds(5400), 11_000.4, "04A2B1C3"), first);
        assertEquals(1800, first.duration().toSeconds());
        assertThrows(IllegalArgumentException.class, () -> new Filter(T0, T0, null));
    }

    @Test
    void exportsCsvThatNoSpreadsheetTakesForAFormula() throws IOException {
        StringWriter csv = new StringWriter();
        storage.exportCsv(Filter.ALL, csv);
        assertEquals("""
                point,start,end,duration_s,energy_wh,rfid
                3,2026-01-01T10:00:00Z,2026-01-01T10:01:00Z,60,250,
                1,2026-01-01T09:00:00Z,2026-01-01T09:30:00Z,1800,11000,04A2B1C3
                2,2026-01-01T08:00:00Z,2026-01-01T10:30:00Z,9000,30000,"'=HYPERLINK(""x"",""y"")"
                """, csv.toString());
        StringWriter one = new StringWriter();
        storage.exportCsv(new Filter(null, null, 3), one);
        assertEquals(2, one.toString().lines().count());
    }

    @Test
    void defusesEveryFormulaStartAndQuotesSeparators() {
        assertEquals("'+1", SessionCsv.text("+1"));
        assertEquals("'-2+3", SessionCsv.text("-2+3"));
        assertEquals("'@SUM(A1)", SessionCsv.text("@SUM(A1)"));
        assertEquals("'\tx", SessionCsv.text("\tx"));
        assertEquals("\"'\rx\"", SessionCsv.text("\rx"));
        assertEquals("\"a,b\"", SessionCsv.text("a,b"));
        assertEquals("A=1", SessionCsv.text("A=1"));
        assertEquals("", SessionCsv.text(null));
    }

    private List<Integer> points(Filter filter) throws IOException {
        return storage.sessions(filter).stream().map(FinishedSession::point).toList();
    }
}
