package org.echarge.modbus.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.io.ModbusSerialTransport;
import com.ghgande.j2mod.modbus.msg.ExceptionResponse;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;

/**
 * The gateway's one RS485 line, shared by every Modbus RTU or ASCII device.
 * <ul>
 * <li>One request at a time, in arrival order (fair lock). A request holds the line for at most
 * its own timeout, so a dead device delays the others by one timeout per request of its own.
 * <li>A device's minimum request interval is kept by waiting <em>before</em> queueing, so the
 * line serves other devices meanwhile; frames are separated by the 3.5-character gap.
 * <li>The port is opened by the first request and reopened with back-off when it is missing or
 * the operating system reports it broken (USB adapter unplugged).
 * <li>Errors: port missing, unusable or broken, no answer: NOT_REACHABLE. Exception response,
 * CRC/LRC error, truncated, malformed or implausible answer: COMMUNICATION.
 * </ul>
 */
final class SerialLine {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLine.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * Added to a request's timeout in the queue's time budget: sending the request, the gaps,
     * clearing a garbled answer. Only a request that overruns its budget (a stuck driver) can
     * make the ones behind it give up waiting.
     */
    private static final long OVERHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long MIN_DRAIN_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private record State(SerialLineSettings settings, String unavailable) {
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Time budgets of the requests holding or waiting for the line. */
    private final AtomicLong queuedNanos = new AtomicLong();
    /** Per unit id: System.nanoTime() at the end of its last request. */
    private final Map<Integer, Long> unitDone = new ConcurrentHashMap<>();
    private volatile State state = new State(null, "no RS485 line is configured (org.echarge.modbus.rs485, portPath)");
    private volatile boolean closed;

    // guarded by lock
    private SerialPortConnection connection;
    private SerialLineSettings backoffFor;
    private Backoff backoff;
    private String openError;
    private long quietUntil;

    SerialLine(Clock clock) {
        this.clock = clock;
    }

    /** New settings take effect with the next request; the port is reopened for them. */
    void configure(SerialLineSettings settings) {
        state = new State(settings, null);
    }

    /** No line from now on; requests fail with the reason. */
    void unconfigure(String reason) {
        state = new State(null, reason);
    }

    Optional<SerialLineSettings> settings() {
        return Optional.ofNullable(state.settings());
    }

    String name() {
        SerialLineSettings settings = state.settings();
        return "RS485" + (settings == null ? "" : " " + settings.portPath());
    }

    /** The line as seen by devices that speak {@code framing}. */
    ModbusLine as(Transport framing) {
        return new ModbusLine() {
            @Override
            public String name() {
                return SerialLine.this.name();
            }

            @Override
            public ModbusResponse execute(ModbusRequest request, ModbusOptions options) throws ModbusException {
                return SerialLine.this.execute(framing, request, options);
            }
        };
    }

    ModbusResponse execute(Transport framing, ModbusRequest request, ModbusOptions options) throws ModbusException {
        int unit = request.getUnitID();
        long timeout = options.timeoutOr(usable(framing, unit).timeout()).toNanos();
        long interval = options.minRequestInterval().toNanos();
        long budget = timeout + OVERHEAD_NANOS;
        long ahead = queuedNanos.getAndAdd(budget);
        try {
            acquire(unit, interval, System.nanoTime() + interval + ahead + OVERHEAD_NANOS);
            try {
                return transact(usable(framing, unit), request, timeout);
            } finally {
                unitDone.put(unit, System.nanoTime());
                lock.unlock();
            }
        } finally {
            queuedNanos.addAndGet(-budget);
        }
    }

    /** Takes the line once the unit's pause is over; waits for the pause without holding the line. */
    private void acquire(int unit, long interval, long deadline) throws ModbusException {
        try {
            while (true) {
                TimeUnit.NANOSECONDS.sleep(pauseLeft(unit, interval));
                if (!lock.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new ModbusException(Kind.NOT_REACHABLE, name() + " unit " + unit
                            + ": the line stayed busy beyond the timeouts of the requests ahead");
                }
                if (pauseLeft(unit, interval) == 0) {
                    return;
                }
                lock.unlock(); // another request of this unit went first: its pause starts again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModbusException(Kind.NOT_REACHABLE, name() + " unit " + unit + ": interrupted");
        }
    }

    private long pauseLeft(int unit, long interval) {
        Long done = unitDone.get(unit);
        return done == null || interval == 0 ? 0 : Math.max(0, done + interval - System.nanoTime());
    }

    private ModbusResponse transact(SerialLineSettings settings, ModbusRequest request, long timeout)
            throws ModbusException {
        SerialPortConnection port = open(settings);
        keepGap();
        port.beginRequest(timeout);
        try {
            ModbusSerialTransport transport = port.transport();
            transport.writeRequest(request);
            ModbusResponse response = transport.readResponse();
            while (response.getUnitID() != request.getUnitID()) {
                // the late answer of a unit whose request timed out before: the answer may follow
                LOG.debug("{}: skipped an answer of unit {} while waiting for unit {}", name(), response.getUnitID(),
                        request.getUnitID());
                port.forgetReceived();
                response = transport.readResponse();
            }
            if (response instanceof ExceptionResponse exception) {
                throw new ModbusException(Kind.COMMUNICATION, name() + " unit " + request.getUnitID()
                        + ": exception response " + exception.getExceptionCode(), exception.getExceptionCode());
            }
            if (response.getFunctionCode() != request.getFunctionCode()) {
                throw new ModbusException(Kind.COMMUNICATION, name() + " unit " + request.getUnitID()
                        + ": answer with function " + response.getFunctionCode() + " to function "
                        + request.getFunctionCode());
            }
            return response;
        } catch (ModbusIOException | RuntimeException e) { // j2mod may trip over garbage with a runtime exception
            throw failed(port, settings, request.getUnitID(), timeout, e);
        } finally {
            quietUntil = System.nanoTime() + settings.interFrameGapNanos();
        }
    }

    private ModbusException failed(SerialPortConnection port, SerialLineSettings settings, int unit, long timeout,
            Exception e) {
        Optional<String> broken = port.failure();
        if (broken.isPresent()) {
            closePortLocked();
            backoff.failed();
            openError = broken.get();
            LOG.warn("{}: {}; reopening it with back-off", name(), broken.get());
            return new ModbusException(Kind.NOT_REACHABLE, name() + " unit " + unit + ": " + broken.get()
                    + " (adapter unplugged?)");
        }
        if (port.received() == 0) {
            return new ModbusException(Kind.NOT_REACHABLE,
                    name() + " unit " + unit + ": no answer within " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms");
        }
        int received = port.received();
        port.drainUntilQuiet(Math.max(MIN_DRAIN_QUIET_NANOS, settings.interFrameGapNanos()), timeout);
        return new ModbusException(Kind.COMMUNICATION,
                name() + " unit " + unit + ": garbled answer (" + received + " bytes; " + e.getMessage() + ")");
    }

    private SerialPortConnection open(SerialLineSettings settings) throws ModbusException {
        if (connection != null && connection.settings().equals(settings) && connection.isOpen()) {
            return connection;
        }
        closePortLocked();
        if (!settings.equals(backoffFor)) {
            backoffFor = settings;
            backoff = new Backoff(clock, MAX_BACKOFF);
            openError = null;
        }
        Duration wait = backoff.remaining();
        if (!wait.isZero()) {
            throw new ModbusException(Kind.NOT_REACHABLE,
                    name() + ": " + openError + "; next attempt in " + Math.max(1, wait.toSeconds()) + " s");
        }
        SerialPortConnection fresh = new SerialPortConnection(settings);
        try {
            fresh.open();
        } catch (IOException | RuntimeException e) {
            backoff.failed();
            if (!String.valueOf(e.getMessage()).equals(openError)) {
                LOG.warn("RS485 line {} not available: {}", settings.describe(), e.getMessage());
            }
            openError = e.getMessage();
            throw new ModbusException(Kind.NOT_REACHABLE, name() + ": " + e.getMessage());
        }
        backoff.succeeded();
        openError = null;
        connection = fresh;
        LOG.info("RS485 line open: {}", settings.describe());
        return fresh;
    }

    /** Frames are separated by at least 3.5 characters of silence. */
    private void keepGap() {
        long left = quietUntil - System.nanoTime();
        if (left > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private ModbusException notUsable(int unit, String why) {
        return new ModbusException(Kind.NOT_REACHABLE, name() + " unit " + unit + ": " + why);
    }

    private SerialLineSettings usable(Transport framing, int unit) throws ModbusException {
        State now = state;
        if (closed) {
            throw notUsable(unit, "the Modbus transport is stopped");
        }
        if (now.settings() == null) {
            throw notUsable(unit, now.unavailable());
        }
        if (now.settings().framing().transport() != framing) {
            throw notUsable(unit, "the device is configured for " + framing + " but the line for "
                    + now.settings().framing() + " framing");
        }
        return now.settings();
    }

    /** Closes the port (the next request reopens it); the settings stay. */
    void closePort() {
        lock.lock();
        try {
            closePortLocked();
        } finally {
            lock.unlock();
        }
    }

    private void closePortLocked() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    void close() {
        closed = true;
        closePort();
    }
}
