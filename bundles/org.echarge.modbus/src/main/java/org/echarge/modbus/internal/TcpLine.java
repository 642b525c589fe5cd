package org.echarge.modbus.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;

/**
 * One TCP connection to host:port, shared by every unit id behind it and never opened twice
 * (some chargers accept only one master). Requests are serialised; after a failed connect the
 * next attempt waits for the back-off, and a connection the device closed while idle is
 * re-opened transparently once.
 */
final class TcpLine implements ModbusLine {

    private static final Logger LOG = LoggerFactory.getLogger(TcpLine.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Backoff backoff;
    private TCPMasterConnection connection;
    private Instant lastRequestEnd = Instant.MIN;
    private boolean closed;

    TcpLine(String host, int port, Clock clock) {
        this.host = host;
        this.port = port;
        this.clock = clock;
        this.backoff = new Backoff(clock, MAX_BACKOFF);
    }

    @Override
    public String name() {
        return host + ":" + port;
    }

    @Override
    public ModbusResponse execute(ModbusRequest request, ModbusOptions options) throws ModbusException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.timeoutOr(DEFAULT_TIMEOUT).toMillis());
        acquire(timeoutMillis);
        try {
            if (closed) {
                throw new ModbusException(Kind.NOT_REACHABLE, name() + ": connection closed");
            }
            keepInterval(options.minRequestInterval());
            try {
                return attempt(request, timeoutMillis, true);
            } finally {
                lastRequestEnd = clock.instant();
            }
        } finally {
            lock.unlock();
        }
    }

    private ModbusResponse attempt(ModbusRequest request, int timeoutMillis, boolean mayRetry) throws ModbusException {
        TCPMasterConnection open = connect(timeoutMillis);
        ModbusTCPTransaction transaction = new ModbusTCPTransaction(open);
        transaction.setRequest(request);
        transaction.setRetries(1); // j2mod: the number of attempts; our back-off handles the rest
        try {
            transaction.execute();
            return transaction.getResponse();
        } catch (ModbusSlaveException e) {
            throw new ModbusException(Kind.COMMUNICATION,
                    name() + " unit " + request.getUnitID() + ": exception response " + e.getType() + " ("
                            + e.getMessage() + ")",
                    e.getType());
        } catch (ModbusIOException e) {
            disconnect();
            if (mayRetry && droppedByPeer(e)) {
                LOG.debug("{} closed the connection; reconnecting", name());
                return attempt(request, timeoutMillis, false);
            }
            throw new ModbusException(timedOut(e) ? Kind.NOT_REACHABLE : Kind.COMMUNICATION,
                    name() + " unit " + request.getUnitID() + ": " + e.getMessage());
        } catch (com.ghgande.j2mod.modbus.ModbusException e) {
            disconnect();
            throw new ModbusException(Kind.COMMUNICATION, name() + " unit " + request.getUnitID() + ": " + e.getMessage());
        }
    }

    private TCPMasterConnection connect(int timeoutMillis) throws ModbusException {
        if (connection != null && connection.isConnected()) {
            return connection;
        }
        Duration wait = backoff.remaining();
        if (!wait.isZero()) {
            throw new ModbusException(Kind.NOT_REACHABLE,
                    name() + ": not reachable, next connection attempt in " + Math.max(1, wait.toSeconds()) + " s");
        }
        try {
            TCPMasterConnection fresh = new TCPMasterConnection(InetAddress.getByName(host));
            fresh.setPort(port);
            fresh.setTimeout(timeoutMillis);
            fresh.connect();
            connection = fresh;
            backoff.succeeded();
            LOG.debug("connected to {}", name());
            return fresh;
        } catch (UnknownHostException e) {
            backoff.failed();
            throw new ModbusException(Kind.NOT_REACHABLE, name() + ": unknown host");
        } catch (Exception e) { // j2mod declares connect() throws Exception
            backoff.failed();
            throw new ModbusException(Kind.NOT_REACHABLE, name() + ": connect failed (" + e.getMessage() + ")");
        }
    }

    /** j2mod reports a peer that closed the socket as a truncated stream or a socket exception. */
    private static boolean droppedByPeer(ModbusIOException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return e.isEOF() || text.contains("end of stream") || text.contains("end of file")
                || text.contains("socket exception") || text.contains("broken pipe") || text.contains("reset");
    }

    private static boolean timedOut(ModbusIOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")
                || droppedByPeer(e);
    }

    private void acquire(int timeoutMillis) throws ModbusException {
        try {
            if (!lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new ModbusException(Kind.NOT_REACHABLE, name() + ": line busy for longer than the timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModbusException(Kind.NOT_REACHABLE, name() + ": interrupted");
        }
    }

    private void keepInterval(Duration minInterval) {
        if (minInterval.isZero() || lastRequestEnd.equals(Instant.MIN)) {
            return;
        }
        long waitMillis = Duration.between(clock.instant(), lastRequestEnd.plus(minInterval)).toMillis();
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            disconnect();
        } finally {
            lock.unlock();
        }
    }
}
