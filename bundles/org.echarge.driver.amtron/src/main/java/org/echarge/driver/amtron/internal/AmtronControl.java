package org.echarge.driver.amtron.internal;

import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway wrote into the box's two energy-manager registers, the current limit (0x0302) and the charging
 * release (0x0D05), and when to write them again: when the box reads back something else (it restarted, or another
 * master wrote them), and in EVSE state 6, which the box also shows after a restart until the energy manager writes
 * both again (evcc PR 20579 "Fix reboot" writes them on every poll in state 6). Nothing is due before the gateway
 * wrote: the box keeps its own values. The charger does the writing.
 */
final class AmtronControl {

    /** A float read back within this of the value written is the same limit. */
    static final double TOLERANCE_AMPERE = 0.05;

    private static final Logger LOG = LoggerFactory.getLogger(AmtronControl.class);

    private final String name;
    private Double limitAmpere;
    private Integer release;
    private boolean limitLogged;
    private boolean releaseLogged;
    private boolean errorLogged;

    AmtronControl(String name) {
        this.name = name;
    }

    void limitWritten(double ampere) {
        limitAmpere = ampere;
    }

    void releaseWritten(int value) {
        release = value;
    }

    /** The limit the gateway wrote, or empty. */
    OptionalDouble limit() {
        return limitAmpere == null ? OptionalDouble.empty() : OptionalDouble.of(limitAmpere);
    }

    /** The limit to write again after this poll's read-back, or empty. */
    OptionalDouble limitDue(double readBackAmpere, int evseState) {
        if (limitAmpere == null) {
            return OptionalDouble.empty();
        }
        boolean held = Math.abs(readBackAmpere - limitAmpere) <= TOLERANCE_AMPERE;
        if (!held && !limitLogged) {
            logMismatch("0x0302 reads " + readBackAmpere + " A instead of the " + limitAmpere + " A written");
        }
        limitLogged = !held;
        return held && evseState != AmtronStates.ERROR ? OptionalDouble.empty() : OptionalDouble.of(limitAmpere);
    }

    /** The release to write again after this poll's read-back, or empty. */
    OptionalInt releaseDue(int readBack, int evseState) {
        if (release == null) {
            return OptionalInt.empty();
        }
        boolean held = readBack == release;
        if (!held && !releaseLogged) {
            logMismatch("0x0D05 reads " + readBack + " instead of the " + release + " written");
        }
        releaseLogged = !held;
        return held && evseState != AmtronStates.ERROR ? OptionalInt.empty() : OptionalInt.of(release);
    }

    /** Called once per poll: logs state 6 once per episode. */
    void polled(int evseState) {
        if (evseState == AmtronStates.ERROR && !errorLogged && (limitAmpere != null || release != null)) {
            LOG.warn("{}: EVSE state 6 (error, or restarted); writing the limit {} A and release {} again, as evcc"
                    + " does, until it leaves the state", name, limitAmpere, release);
        }
        errorLogged = evseState == AmtronStates.ERROR;
    }

    private void logMismatch(String what) {
        LOG.warn("{}: {} (the box restarted, or another Modbus master wrote it); writing it again", name, what);
    }
}
