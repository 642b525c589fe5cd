package org.echarge.driver.vestel.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's watchdog and the setpoint the gateway set, decided from each poll; the charger does the writing.
 *
 * <p>Vestel: the master writes 1 to the alive register (6000); the box checks it every failsafe timeout / 2 (never
 * more often than every 3 s) and resets it to 0. If it stays 0 until the failsafe timeout (2002) is over, the box
 * enters failsafe: it closes the TCP connection and charges with the failsafe current (2000). The heartbeat goes out
 * every timeout / 4 (as evcc), from the first poll at or after that less half a poll interval, so a poll that comes
 * a little early does not wait for the next; with the default 20 s that is every poll.
 */
final class VestelKeepAlive {

    /** The timeout assumed while 2002 reads 0: Vestel's default (evcc PR 5936), evcc's assumption too. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** What the poll has to write. */
    record Due(boolean heartbeat, OptionalInt setpointAmpere) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(VestelKeepAlive.class);

    private Duration timeout = DEFAULT_TIMEOUT;
    private Instant lastHeartbeat;
    private Integer setpointAmpere;
    private boolean reconnected;

    /** The identity was checked (again): the box's failsafe timeout; after an outage the setpoint goes out again. */
    void connected(Duration failsafeTimeout) {
        timeout = failsafeTimeout.isZero() ? DEFAULT_TIMEOUT : failsafeTimeout;
        reconnected = setpointAmpere != null;
    }

    Duration timeout() {
        return timeout;
    }

    /** 5004 was written. */
    void written(int ampere) {
        setpointAmpere = ampere;
        reconnected = false;
    }

    /** 6000 = 1 was written. */
    void heartbeat(Instant at) {
        lastHeartbeat = at;
    }

    /** The setpoint written last, 0 while paused; empty before the gateway set one. */
    OptionalInt setpointAmpere() {
        return setpointAmpere == null ? OptionalInt.empty() : OptionalInt.of(setpointAmpere);
    }

    /**
     * @param readBackAmpere 5004 as read this poll
     * @param drawing the vehicle draws current (1001 = 1)
     * @param name the box, for the log
     */
    Due due(Instant now, long readBackAmpere, boolean drawing, String name) {
        Duration every = timeout.dividedBy(4).minus(VestelChargerDriver.POLL_INTERVAL.dividedBy(2));
        boolean heartbeat = lastHeartbeat == null || !now.isBefore(lastHeartbeat.plus(every));
        return new Due(heartbeat, repair(now, readBackAmpere, drawing, name));
    }

    /** Less offered (1100) than the gateway asked for; the caller rules out what box and cable allow anyway. */
    boolean below(long offeredAmpere) {
        return setpointAmpere != null && setpointAmpere > 0 && offeredAmpere < setpointAmpere;
    }

    /**
     * The setpoint to write again: after a lapse (the box runs on its failsafe current), after an outage, when 5004
     * reads another value (a restart), and when the vehicle draws although the gateway paused. Nothing before the
     * gateway set a setpoint. A paused box reads back its hardware minimum, not 0 (evcc issue 10527), so a pause is
     * checked by the charging state instead.
     */
    private OptionalInt repair(Instant now, long readBackAmpere, boolean drawing, String name) {
        if (setpointAmpere == null) {
            return OptionalInt.empty();
        }
        Duration silence = lastHeartbeat == null ? Duration.ZERO : Duration.between(lastHeartbeat, now);
        if (silence.compareTo(timeout) >= 0) {
            LOG.warn("{}: no heartbeat for {} s (failsafe timeout {} s): the box closed the connection and fell back"
                    + " to its failsafe current; writing {} A again", name, silence.toSeconds(), timeout.toSeconds(),
                    setpointAmpere);
        } else if (reconnected) {
            LOG.info("{}: connected again; writing {} A again", name, setpointAmpere);
        } else if (setpointAmpere > 0 && readBackAmpere != setpointAmpere) {
            LOG.info("{}: 5004 reads {} A, not the {} A written (the box restarted); writing it again", name,
                    readBackAmpere, setpointAmpere);
        } else if (setpointAmpere == 0 && drawing) {
            LOG.warn("{}: the vehicle draws current although the gateway paused the box; writing 0 A again", name);
        } else {
            return OptionalInt.empty();
        }
        return OptionalInt.of(setpointAmpere);
    }
}
