package org.echarge.driver.bender.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HEMS current limit the gateway set, held against everything that could take it away. The fact
 * sheet knows no watchdog for 1000 [?]; the family's other EMS interface (SEMP) wants an update at least
 * every minute, and the controller has a safe current (131). So the limit is written again from every
 * poll that finds it {@link #REFRESH} old, and at once when the register reads back another value: the
 * controller restarted, fell back to its safe current, or another Modbus master wrote it. Decides from
 * each poll's read-back; the charger does the writing.
 */
final class BenderKeepAlive {

    /**
     * Half the SEMP minute: should the firmware supervise 1000 like SEMP, five polls in a row may fail
     * before it falls back.
     */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(BenderKeepAlive.class);

    private Integer raw;
    private Instant lastWrite;
    private boolean mismatchLogged;

    /** The limit register was written successfully with this raw value. */
    void written(int rawValue, Instant at) {
        raw = rawValue;
        lastWrite = at;
    }

    /**
     * The raw value to write again now, or empty. Nothing is due before the gateway set a limit: the
     * controller holds whatever it holds.
     *
     * @param readBack the limit register as this poll read it
     * @param name the controller and register, for the log
     */
    OptionalInt due(long readBack, Instant now, String name) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        if (readBack != raw) {
            if (!mismatchLogged) {
                LOG.warn("{} reads {}, not the {} written {} s ago: the controller restarted, fell back to its safe"
                        + " current, or another Modbus master wrote it; writing {} again", name, readBack, raw,
                        Duration.between(lastWrite, now).toSeconds(), raw);
                mismatchLogged = true;
            }
            return OptionalInt.of(raw);
        }
        mismatchLogged = false;
        return Duration.between(lastWrite, now).compareTo(REFRESH) >= 0 ? OptionalInt.of(raw) : OptionalInt.empty();
    }

    /** Less in force than the gateway asked for (a read-back of 0 while the gateway asked 0 is no reduction). */
    boolean below(long readBack) {
        return raw != null && readBack < raw;
    }
}
