package org.echarge.system.internal;

/** The console's logging modes (spec section 9): the level of the gateway's own loggers. */
enum LoggingMode {
    /** INFO for {@code org.echarge}. */
    SIMPLE("INFO"),
    /** DEBUG for {@code org.echarge}. */
    EXTENDED("DEBUG");

    private final String level;

    LoggingMode(String level) {
        this.level = level;
    }

    String level() {
        return level;
    }

    static LoggingMode ofLevel(Object level) {
        String name = level == null ? "" : level.toString().strip().toUpperCase(java.util.Locale.ROOT);
        return name.equals("DEBUG") || name.equals("TRACE") || name.equals("ALL") ? EXTENDED : SIMPLE;
    }
}
