package org.echarge.modbus.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import com.ghgande.j2mod.modbus.io.AbstractModbusTransport;
import com.ghgande.j2mod.modbus.io.ModbusASCIITransport;
import com.ghgande.j2mod.modbus.io.ModbusRTUTransport;
import com.ghgande.j2mod.modbus.io.ModbusSerialTransport;
import com.ghgande.j2mod.modbus.net.AbstractSerialConnection;

/**
 * The serial port under j2mod's RTU, ASCII or ABL ASCII transport, on jSerialComm. Unlike j2mod's own
 * {@code SerialConnection} it opens the configured path (ptys and by-id links, which port
 * enumeration does not list), checks that the port took the line settings, bounds every answer
 * by one deadline (j2mod reads a frame in several reads, each with the full timeout), counts
 * the bytes received (no byte = no answer, some bytes = garbled answer) and notes when the
 * operating system reports the port broken (USB adapter unplugged). Used under the line's lock only.
 */
final class SerialPortConnection extends AbstractSerialConnection {

    /** The port's own read timeout (the shortest jSerialComm has); the deadline is enforced above it. */
    private static final int READ_SLICE_MILLIS = 100;
    private static final long READ_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(READ_SLICE_MILLIS);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SerialLineSettings settings;
    private final ModbusSerialTransport transport;
    private SerialPort port;
    private long answerNanos;
    private long deadline;
    private int received;
    private String failure;
    private int timeoutMillis;

    SerialPortConnection(SerialLineSettings settings) {
        this.settings = settings;
        this.transport = switch (settings.framing()) {
            case RTU -> new ModbusRTUTransport();
            case ASCII -> new ModbusASCIITransport();
            case ABL_ASCII -> new AblAsciiTransport();
        };
        try {
            transport.setCommPort(this);
        } catch (IOException e) { // declared by j2mod, not thrown for a port that is not open yet
            throw new UncheckedIOException(e);
        }
    }

    SerialLineSettings settings() {
        return settings;
    }

    ModbusSerialTransport transport() {
        return transport;
    }

    /** Opens the port; the message of the exception says why it cannot be used. */
    @Override
    public void open() throws IOException {
        if (port != null) {
            return;
        }
        String path = settings.portPath();
        if (!Files.exists(Path.of(path))) {
            throw new IOException(path + " does not exist (adapter unplugged?)");
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(path + " does not exist (adapter unplugged?)", e);
        }
        candidate.setComPortParameters(settings.baudRate(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, getParity());
        candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_SLICE_MILLIS, 0);
        if (!candidate.openPort()) {
            throw new IOException(path + " cannot be opened (" + openError(candidate.getLastErrorCode()) + ")");
        }
        Optional<String> refused;
        try {
            refused = PortSettingsCheck.check(path, settings);
        } catch (RuntimeException e) {
            candidate.closePort();
            throw e;
        }
        if (refused.isPresent()) {
            candidate.closePort();
            throw new IOException(path + " did not take the line settings: " + refused.get());
        }
        port = candidate;
        failure = null;
    }

    private static String openError(int errno) {
        return switch (errno) {
            case 13 -> "permission denied: the gateway's user needs to be in the dialout group";
            case 11, 16 -> "in use by another program";
            case 2 -> "gone, or already open in this gateway";
            default -> "error " + errno;
        };
    }

    /** Starts a request: discards anything left on the line and arms the answer timeout. */
    void beginRequest(long timeoutNanos) {
        answerNanos = timeoutNanos;
        int stale = bytesAvailable();
        if (stale > 0) {
            port.readBytes(new byte[stale], stale);
        }
        received = 0;
    }

    /** Reads and drops whatever arrives until the line has been quiet for {@code quietNanos}. */
    void drainUntilQuiet(long quietNanos, long maxNanos) {
        long end = System.nanoTime() + maxNanos;
        long quietSince = System.nanoTime();
        byte[] sink = new byte[256];
        while (port != null && failure == null && System.nanoTime() < end && System.nanoTime() - quietSince < quietNanos
                && !Thread.currentThread().isInterrupted()) {
            int available = bytesAvailable();
            if (available > 0) {
                port.readBytes(sink, Math.min(available, sink.length));
                quietSince = System.nanoTime();
            } else {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    /** Bytes received since the request was sent, or since {@link #forgetReceived()}. */
    int received() {
        return received;
    }

    void forgetReceived() {
        received = 0;
    }

    /** Why the operating system gave up on the port, if it did. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Reads until {@code count} bytes have arrived or the answer deadline has passed. */
    @Override
    public int readBytes(byte[] buffer, int count) {
        int total = 0;
        while (total < count && port != null && failure == null) {
            int available = port.bytesAvailable();
            long left = deadline - System.nanoTime();
            if (available < 0) {
                failure = "the port is gone (error " + port.getLastErrorCode() + ")";
            } else if (available > 0 || left >= READ_SLICE_NANOS) {
                int read = port.readBytes(buffer, count - total, total); // returns at once when data is there
                if (read < 0) {
                    failure = "reading failed (error " + port.getLastErrorCode() + ")";
                } else {
                    total += read;
                }
            } else if (left > 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(Math.min(left, POLL_NANOS));
            } else {
                break;
            }
        }
        received += total;
        return total;
    }

    @Override
    public int writeBytes(byte[] buffer, int count) {
        if (port == null || failure != null) {
            return -1;
        }
        int written = port.writeBytes(buffer, count);
        if (written != count) {
            failure = "writing failed (error " + port.getLastErrorCode() + ")";
        }
        deadline = System.nanoTime() + answerNanos;
        return written;
    }

    @Override
    public int bytesAvailable() {
        return port == null ? 0 : Math.max(0, port.bytesAvailable());
    }

    @Override
    public void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public boolean isOpen() {
        return port != null && port.isOpen();
    }

    @Override
    public AbstractModbusTransport getModbusTransport() {
        return transport;
    }

    @Override
    public int getBaudRate() {
        return settings.baudRate();
    }

    @Override
    public int getNumDataBits() {
        return settings.dataBits();
    }

    /** The count (j2mod computes character times from it), not jSerialComm's constant. */
    @Override
    public int getNumStopBits() {
        return settings.stopBits();
    }

    @Override
    public int getParity() {
        return switch (settings.parity()) {
            case NONE -> NO_PARITY;
            case EVEN -> EVEN_PARITY;
            case ODD -> ODD_PARITY;
        };
    }

    @Override
    public String getPortName() {
        return settings.portPath();
    }

    @Override
    public String getDescriptivePortName() {
        return settings.portPath();
    }

    /** j2mod asks for blocking reads with its timeout; this connection keeps its own deadline instead. */
    @Override
    public void setComPortTimeouts(int mode, int readTimeout, int writeTimeout) {
        // deliberately ignored, see readBytes
    }

    @Override
    public int getTimeout() {
        return timeoutMillis;
    }

    @Override
    public void setTimeout(int timeout) {
        this.timeoutMillis = timeout;
    }

    @Override
    public Set<String> getCommPorts() {
        return Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath).collect(Collectors.toSet());
    }
}
