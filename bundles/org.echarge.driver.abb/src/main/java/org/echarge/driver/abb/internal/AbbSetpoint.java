package org.echarge.driver.abb.internal;

import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current limit the gateway wrote into 4100h, held against what the box does with it. Decides from each poll
 * whether to write it again; the charger does the writing. Nothing is due before the gateway wrote a limit.
 */
final class AbbSetpoint {

    /** 400Eh above the value written by more than this: the box does not hold it. */
    static final long TOLERANCE_MILLIAMPERE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(AbbSetpoint.class);

    private Long milliampere;
    private boolean lapseLogged;
    private boolean notHeldLogged;

    /** 4100h was written successfully. */
    void written(long value) {
        milliampere = value;
    }

    /** The value written last, or null. */
    Long milliampere() {
        return milliampere;
    }

    /**
     * The value to write again now, or empty:
     * <ul>
     * <li>after a lost communication ({@code lapse} says why): the box went into error and stopped charging, and
     * ABB does not say that it takes up the old limit again by itself;</li>
     * <li>when the limit in force (400Eh) is above the value written: 400Eh is the lowest of 4100h and the box's own
     * load management, so it can only be higher when 4100h no longer holds the gateway's value (the box restarted:
     * a user report has it coming back at 32 A, JernejHren/ABB-Terra-AC; or another Modbus master wrote it).</li>
     * </ul>
     *
     * @param lapse why the communication counts as lost, or null when it does not
     */
    OptionalLong due(long inForceMilliampere, String lapse, String name) {
        if (milliampere == null) {
            return OptionalLong.empty();
        }
        if (lapse != null) {
            if (!lapseLogged) {
                LOG.warn("{}: {}; the box stopped charging and counts the communication as lost: writing {} A again",
                        name, lapse, milliampere / 1000.0);
                lapseLogged = true;
            }
            return OptionalLong.of(milliampere);
        }
        lapseLogged = false;
        if (inForceMilliampere > milliampere + TOLERANCE_MILLIAMPERE) {
            if (!notHeldLogged) {
                LOG.warn("{}: the limit in force (400Eh) is {} A, above the {} A written (the box restarted, or"
                        + " another Modbus master wrote 4100h); writing it again", name, inForceMilliampere / 1000.0,
                        milliampere / 1000.0);
                notHeldLogged = true;
            }
            return OptionalLong.of(milliampere);
        }
        notHeldLogged = false;
        return OptionalLong.empty();
    }
}
