package org.echarge.point.internal.sessions;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.echarge.api.point.FinishedSession;

/**
 * Sessions as CSV (RFC 4180, LF line ends): one line per session, fields quoted where they hold
 * a comma, quote or line break. The RFID tag is the one free-text field, read from the charger:
 * one that starts with {@code = + - @}, tab or carriage return is prefixed with {@code '}, so a
 * spreadsheet never evaluates it as a formula (CSV injection).
 */
final class SessionCsv {

    static final String HEADER = "point,start,end,duration_s,energy_wh,rfid\n";

    private SessionCsv() {
    }

    static void write(List<FinishedSession> sessions, Writer out) throws IOException {
        out.write(HEADER);
        for (FinishedSession s : sessions) {
            out.write(String.format(Locale.ROOT, "%d,%s,%s,%d,%.0f,%s\n", s.point(), s.start(), s.end(),
                    s.duration().toSeconds(), s.energyWattHour(), text(s.rfidTag())));
        }
    }

    /** A text field, defused and quoted as needed. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
