package org.echarge.api.point;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The finished charging sessions of every point (the newest 10 000), as the charging point
 * runtime stored them: for the web console's session list and its CSV export. One service,
 * registered by the charging point runtime.
 */
public interface SessionHistory {

    /**
     * Which sessions: those that started at or after {@code from} and before {@code to}, at
     * point {@code point}; a {@code null} bound or point does not filter.
     */
    record Filter(Instant from, Instant to, Integer point) {

        public static final Filter ALL = new Filter(null, null, null);

        public Filter {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
            }
        }

        public boolean test(FinishedSession session) {
            return (from == null || !session.start().isBefore(from)) && (to == null || session.start().isBefore(to))
                    && (point == null || session.point() == point);
        }
    }

    /** The sessions the filter selects, newest (latest start) first. */
    List<FinishedSession> sessions(Filter filter) throws IOException;

    /**
     * The same sessions as CSV (RFC 4180, UTF-8, header line
     * {@code point,start,end,duration_s,energy_wh,rfid}), newest first. Safe to open in a
     * spreadsheet: a text field that starts with {@code = + - @}, tab or carriage return is
     * prefixed with {@code '} so that it is never taken for a formula.
     */
    void exportCsv(Filter filter, Writer out) throws IOException;
}
