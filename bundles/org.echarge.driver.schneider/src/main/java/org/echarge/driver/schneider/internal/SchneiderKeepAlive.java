package org.echarge.driver.schneider.internal;

import static org.echarge.driver.schneider.internal.SchneiderRegisters.SETPOINT_MAX_AMPERE;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life bit (4000) and the setpoint (4004) the gateway set, held against the station's supervision of its
 * remote controller: the master writes 1, the station resets it to 0, and when no 1 arrives for a while it
 * falls back to its degraded setpoint (4005 on a 1-phase, 4006 on a 3-phase station) [?: the sources give no
 * time; evcc writes 1 every 2 s]. 2 in 4000 means the life bit is deactivated: the station does not supervise
 * and gets no life bit (evcc does the same). Decides from each poll whether to beat and whether to write the
 * setpoint again; the charger does the writing.
 */
final class SchneiderKeepAlive {

    /** 4000 = 2: life bit deactivated. */
    static final long DEACTIVATED = 2;

    /**
     * After a silence longer than this the setpoint is written again with the next life bit: the station may
     * have fallen back in the meantime, and whether it takes the remote setpoint up again by itself is not
     * documented. Three polls; evcc's 2 s period plus the station's 1 s refresh.
     */
    static final Duration LAPSE = Duration.ofSeconds(3);

    /**
     * The station refreshes its Modbus data once per second: a read-back of 4004 sooner than this after a
     * write may still show the value before it.
     */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SchneiderKeepAlive.class);

    private Integer ampere;
    private Instant lastWrite;
    private Instant lastBeat;
    private boolean supervised = true;
    private boolean retried;
    private boolean keptLogged;

    /** 4000 as read: 2 switches the life bit off, 0 or 1 on. */
    void lifeBitRead(long value, String name) {
        boolean now = value != DEACTIVATED;
        if (now != supervised) {
            if (now) {
                LOG.info("{}: life bit active again (4000 = {}); the gateway writes it at every poll", name, value);
            } else {
                LOG.warn("{}: life bit deactivated (4000 = 2): the station does not supervise the gateway and keeps"
                        + " the last setpoint if the gateway stops, instead of its degraded setpoint", name);
            }
        }
        supervised = now;
    }

    /** Whether the station expects the life bit. */
    boolean supervised() {
        return supervised;
    }

    /**
     * The life bit went out now. Returns the setpoint to write again after it when the silence before was
     * longer than {@link #LAPSE}; nothing before the gateway set a setpoint.
     */
    OptionalInt beaten(Instant now, String name) {
        Duration silence = lastBeat == null ? Duration.ZERO : Duration.between(lastBeat, now);
        lastBeat = now;
        if (ampere == null || silence.compareTo(LAPSE) <= 0) {
            return OptionalInt.empty();
        }
        LOG.warn("{}: no life bit for {} s, the station may run on its degraded setpoint; writing {} A again", name,
                silence.toSeconds(), ampere);
        return OptionalInt.of(ampere);
    }

    /** 4004 was written successfully. */
    void written(int setpointAmpere, Instant at) {
        if (ampere == null || ampere != setpointAmpere) {
            retried = false;
            keptLogged = false;
        }
        ampere = setpointAmpere;
        lastWrite = at;
    }

    /**
     * The setpoint to write again now, or empty. While a charge is in progress 4004 reads the setpoint; when
     * it reads another value than written (a restart, the degraded setpoint, another Modbus master) it is
     * written again, once: a station that keeps another value (its own limit) is left alone and shows as
     * reduced. 99 (no charge in progress) and other values above 32 say nothing.
     */
    OptionalInt due(long readBack, Instant now, String name) {
        if (ampere == null || readBack > SETPOINT_MAX_AMPERE || readBack == ampere) {
            retried = false;
            keptLogged = false;
            return OptionalInt.empty();
        }
        if (lastWrite != null && now.isBefore(lastWrite.plus(SETTLE))) {
            return OptionalInt.empty();
        }
        if (!retried) {
            retried = true;
            LOG.info("{}: 4004 reads {} A, not the {} A written (degraded setpoint, restarted station, or another"
                    + " Modbus master); writing it again", name, readBack, ampere);
            return OptionalInt.of(ampere);
        }
        if (!keptLogged) {
            keptLogged = true;
            LOG.warn("{}: the station keeps {} A instead of the {} A written", name, readBack, ampere);
        }
        return OptionalInt.empty();
    }

    /** Less current in force (4004 read back) than the gateway asked for. */
    boolean below(long readBack) {
        return ampere != null && readBack <= SETPOINT_MAX_AMPERE && readBack < ampere;
    }
}
