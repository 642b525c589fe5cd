package org.echarge.knx.internal.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.serial.spi.SerialCom;
import tuwien.auto.calimero.serial.spi.SerialConnectionProvider;

/**
 * Serial ports for Calimero's FT1.2 and TP-UART links, through jSerialComm. calimero-core 2.6 has no
 * serial provider of its own. bnd writes the {@code META-INF/services} entry; the SPI Fly extender is
 * not needed, {@link CalimeroLinkOpener} sets the context class loader.
 */
@ServiceProvider(value = SerialConnectionProvider.class, resolution = Resolution.OPTIONAL)
public final class JSerialCommProvider implements SerialConnectionProvider {

    @Override
    public SerialCom open(Settings settings) throws KNXException {
        String path = settings.portId();
        if (!Files.exists(Path.of(path))) {
            throw new KNXException("serial port " + path + " does not exist");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new KNXException("serial port " + path + ": " + e.getMessage(), e);
        }
        int stopBits = switch (settings.stopbits()) {
            case One -> SerialPort.ONE_STOP_BIT;
            case Two -> SerialPort.TWO_STOP_BITS;
        };
        int parity = switch (settings.parity()) {
            case None -> SerialPort.NO_PARITY;
            case Odd -> SerialPort.ODD_PARITY;
            case Even -> SerialPort.EVEN_PARITY;
            case Mark -> SerialPort.MARK_PARITY;
        };
        port.setComPortParameters(settings.baudrate(), settings.databits(), stopBits, parity);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Calimero polls with short receive timeouts and takes "no byte yet" as -1 (see SerialStream)
        int receiveMillis = (int) Math.max(1, settings.receiveTimeout().toMillis());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, receiveMillis, 0);
        if (!port.openPort()) {
            throw new KNXException("cannot open serial port " + path + " (error " + port.getLastErrorCode()
                    + (Files.isReadable(Path.of(path)) && Files.isWritable(Path.of(path)) ? ""
                            : ", no read/write permission") + ")");
        }
        return new PortCom(port);
    }

    @Override
    public Set<String> portIdentifiers() {
        return Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static final class PortCom implements SerialCom {
        private final SerialPort port;
        private final InputStream in;

        PortCom(SerialPort port) {
            this.port = port;
            this.in = new SerialStream(port);
        }

        @Override
        public int baudRate() {
            return port.getBaudRate();
        }

        @Override
        public InputStream inputStream() {
            return in;
        }

        @Override
        public OutputStream outputStream() {
            return port.getOutputStream();
        }

        @Override
        public void close() {
            port.closePort();
        }

        @Override
        public String toString() {
            return port.getSystemPortPath() + " " + port.getBaudRate() + " baud";
        }
    }

    /**
     * Reads as Calimero's connections expect: -1 when the receive timeout passes without a byte
     * (jSerialComm's own stream throws instead), an IOException when the port fails.
     */
    private static final class SerialStream extends InputStream {
        private final SerialPort port;

        SerialStream(SerialPort port) {
            this.port = port;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int read = port.readBytes(buffer, length, offset);
            if (read < 0) {
                throw new IOException("serial port " + port.getSystemPortPath() + " failed (error "
                        + port.getLastErrorCode() + ")");
            }
            return read == 0 ? -1 : read;
        }

        @Override
        public int available() {
            return Math.max(0, port.bytesAvailable());
        }
    }
}
