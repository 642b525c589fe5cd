package org.echarge.driver.alfen.internal;

import static org.echarge.driver.alfen.internal.AlfenRegisters.MODBUS_MAX_CURRENT;
import static org.echarge.driver.alfen.internal.AlfenRegisters.SAFE_CURRENT;
import static org.echarge.driver.alfen.internal.AlfenRegisters.SETPOINT_VALIDITY;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setpoint the gateway set on one socket, held against Alfen's validity time: unless 1210 is
 * written again within the validity time set in ACE (default 60 s), the socket falls back to its safe
 * current (1212); 1208 counts down what is left. Decides from each poll's socket status whether to
 * write again; the charger does the writing.
 */
final class AlfenKeepAlive {

    /**
     * The setpoint is written again once 1208 is down to this. With the default validity of 60 s that is
     * every 30 to 35 s (evcc: every 25 s), and six polls may fail or come late before the socket falls back.
     */
    static final Duration MARGIN = Duration.ofSeconds(30);

    /** A float32 read back within this of the value written is the same setpoint. */
    static final double TOLERANCE_AMPERE = 0.05;

    private static final Logger LOG = LoggerFactory.getLogger(AlfenKeepAlive.class);

    private Double ampere;
    private Instant lastWrite;
    private boolean validityLogged;
    private boolean lapseLogged;

    /** 1210 was written successfully. */
    void written(double setpointAmpere, Instant at) {
        ampere = setpointAmpere;
        lastWrite = at;
    }

    /**
     * The setpoint to write again now, or empty. Due once 1208 is down to {@link #MARGIN}, and at once
     * when it lapsed (0), is not available, or 1210 reads back another value: "the maximum current and
     * its remaining valid time are not saved during a reboot", and Alfen admits a second Modbus master.
     * Nothing is due before the gateway set a setpoint: the socket holds its safe current.
     *
     * @param status the socket status block of this poll
     * @param name the socket, for the log
     */
    OptionalDouble due(AlfenBlock.Values status, Instant now, String name) {
        if (ampere == null) {
            return OptionalDouble.empty();
        }
        boolean known = !status.unavailable(SETPOINT_VALIDITY);
        long remaining = status.raw(SETPOINT_VALIDITY);
        double readBack = status.number(MODBUS_MAX_CURRENT);
        boolean held = Math.abs(readBack - ampere) <= TOLERANCE_AMPERE;
        if (known && remaining > 0) {
            learnValidity(remaining, now, name);
            lapseLogged = false;
            if (held && remaining > MARGIN.toSeconds()) {
                return OptionalDouble.empty();
            }
        }
        if (known && remaining == 0) {
            reportLapse(status, now, held, name);
        } else if (!held) {
            LOG.info("{}: 1210 reads {} A, not the {} A written (the station restarted, or another Modbus master"
                    + " wrote it); writing it again", name, readBack, ampere);
        }
        return OptionalDouble.of(ampere);
    }

    /** Less current in force (1206) than the gateway asked for: safe current, derating, other limits. */
    boolean below(double appliedAmpere) {
        return ampere != null && ampere > 0 && appliedAmpere < ampere - TOLERANCE_AMPERE;
    }

    private void reportLapse(AlfenBlock.Values status, Instant now, boolean held, String name) {
        if (lapseLogged) {
            return;
        }
        lapseLogged = true;
        Duration silence = lastWrite == null ? Duration.ZERO : Duration.between(lastWrite, now);
        if (!held) {
            LOG.warn("{}: no setpoint in force (1208 = 0, 1210 reads {} A): the station restarted, or another Modbus"
                    + " master wrote it; writing {} A again", name, status.number(MODBUS_MAX_CURRENT), ampere);
        } else if (silence.compareTo(MARGIN) < 0) {
            LOG.warn("{}: the setpoint written {} s ago is not valid (1208 = 0); set in ACE: Active balancing with"
                    + " data source Energy Management System, TCP/IP EMS mode Socket, Allow writing maximum currents,"
                    + " validity time 60 s or more", name, silence.toSeconds());
        } else {
            LOG.warn("{}: the setpoint lapsed {} s after it was written and the socket runs on its safe current {} A;"
                    + " writing {} A again", name, silence.toSeconds(), status.number(SAFE_CURRENT), ampere);
        }
    }

    /** The validity time is set in ACE only; the first poll after a write shows it. */
    private void learnValidity(long remainingSeconds, Instant now, String name) {
        if (validityLogged || lastWrite == null) {
            return;
        }
        validityLogged = true;
        long validity = remainingSeconds + Duration.between(lastWrite, now).toSeconds();
        long twoPolls = 2 * AlfenChargerDriver.POLL_INTERVAL.toSeconds();
        if (validity < twoPolls) {
            LOG.warn("{}: setpoint validity time about {} s is shorter than two polls ({} s); the socket may fall back"
                    + " to its safe current between polls: set 60 s or more in ACE", name, validity, twoPolls);
        } else {
            LOG.debug("{}: setpoint validity time about {} s", name, validity);
        }
    }
}
