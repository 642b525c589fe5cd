package org.echarge.modbus.internal;

import org.echarge.testsupport.SocatPty;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import com.fazecast.jSerialComm.SerialPort;

/**
 * The peer end of a {@link SocatPty} driven byte by byte, for answers no real server would
 * send (bad CRC or LRC, truncated, wrong function, noise). Frames are built here from the
 * Modbus over serial line specification.
 */
final class RawSerialPeer implements AutoCloseable {

    private final SerialPort port;

    RawSerialPeer(Path path) {
        port = SerialPort.getCommPort(path.toString());
        port.setComPortParameters(19200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + path);
        }
    }

    /** The next request: waits up to 2 s for it, and takes it as complete after 20 ms of silence. */
    byte[] request() throws InterruptedException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        long end = System.nanoTime() + 2_000_000_000L;
        long lastByte = 0;
        while (System.nanoTime() < end && (frame.size() == 0 || System.nanoTime() - lastByte < 20_000_000L)) {
            int available = port.bytesAvailable();
            if (available > 0) {
                byte[] chunk = new byte[available];
                frame.write(chunk, 0, port.readBytes(chunk, available));
                lastByte = System.nanoTime();
            } else {
                Thread.sleep(1);
            }
        }
        return frame.toByteArray();
    }

    void send(byte[] bytes) {
        port.writeBytes(bytes, bytes.length);
    }

    @Override
    public void close() {
        port.closePort();
    }

    /** An RTU frame: the bytes (given in hex) and their CRC-16, low byte first. */
    static byte[] rtu(String hex) {
        byte[] body = HexFormat.of().parseHex(hex.replace(" ", ""));
        int crc = 0xFFFF;
        for (byte b : body) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
        frame[body.length] = (byte) crc;
        frame[body.length + 1] = (byte) (crc >>> 8);
        return frame;
    }

    /** An ASCII frame: ':', the bytes (given in hex) and their LRC in hex, CR LF. */
    static byte[] ascii(String hex) {
        byte[] body = HexFormat.of().parseHex(hex.replace(" ", ""));
        int sum = 0;
        for (byte b : body) {
            sum += b & 0xFF;
        }
        String lrc = HexFormat.of().withUpperCase().toHexDigits((byte) -sum);
        return (":" + HexFormat.of().withUpperCase().formatHex(body) + lrc + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
