package org.echarge.driver.phoenix.internal;

import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setpoint the gateway wrote to 528, held against what the controller reports there. The EV-ETH has
 * no watchdog and no failsafe current to fall back to, so nothing lapses; but a restarted controller
 * starts on its own setting, and another Modbus master may write 528. Decides from each poll's read-back
 * whether to write again; the charger does the writing.
 */
final class PhoenixSetpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PhoenixSetpoint.class);

    private Integer written;
    private boolean rewritten;
    private Long keptLower;
    private Long warnedFor;

    /** 528 was written successfully with this raw value. */
    void written(int raw) {
        written = raw;
        rewritten = false;
        keptLower = null;
        warnedFor = null;
    }

    /** The raw value the gateway wrote last, if any. */
    OptionalInt raw() {
        return written == null ? OptionalInt.empty() : OptionalInt.of(written);
    }

    /**
     * The raw value to write again now, or empty. Nothing is due before the gateway wrote a setpoint, nor
     * while 528 holds it. A higher value is always written again: the controller must never offer more
     * than the gateway allows. A lower value is written again once; if the controller keeps that lower
     * value right after the write (its DIP-switch maximum, perhaps), it stands until 528 changes again.
     *
     * @param readBack the value of 528 this poll
     * @param name the charger, for the log
     */
    OptionalInt due(long readBack, String name) {
        if (written == null || readBack == written) {
            rewritten = false;
            keptLower = null;
            warnedFor = null;
            return OptionalInt.empty();
        }
        if (readBack < written) {
            if (keptLower != null && keptLower == readBack) {
                return OptionalInt.empty();
            }
            if (rewritten) {
                keptLower = readBack;
                rewritten = false;
                LOG.warn("{}: 528 keeps {} after {} was written (the controller's DIP-switch maximum?); charging with"
                        + " the lower current", name, readBack, written);
                return OptionalInt.empty();
            }
        }
        if (warnedFor == null || warnedFor != readBack) {
            LOG.warn("{}: 528 reads {}, not the {} written (the controller restarted, or another Modbus master wrote"
                    + " it); writing it again", name, readBack, written);
            warnedFor = readBack;
        }
        rewritten = true;
        keptLower = null;
        return OptionalInt.of(written);
    }
}
