package org.echarge.knx.internal.link;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A TP-UART-IC on the far end of a socat pty pair: answers reset and state requests, takes the
 * host's U_L_Data services apart (recording each TP1 frame and confirming it) and puts frames from
 * the "bus" on the line. Written from the TP-UART-IC data sheet's service codes, not from Calimero.
 */
final class FakeTpuart implements AutoCloseable {

    private static final int RESET_REQ = 0x01;
    private static final int STATE_REQ = 0x02;
    private static final int RESET_IND = 0x03;
    private static final int STATE_IND_OK = 0x07;
    private static final int LDATA_CON_POSITIVE = 0x8b;

    private final Process socat;
    private final Path hostPort;
    private final InputStream fromHost;
    private final OutputStream toHost;
    private final Thread reader;
    /** Each TP1 frame the host sent, as hex with its checksum. */
    final Recorder<String> sent = new Recorder<>();

    private FakeTpuart(Process socat, Path hostPort, Path busPort) throws IOException {
        this.socat = socat;
        this.hostPort = hostPort;
        this.fromHost = new FileInputStream(busPort.toFile());
        this.toHost = new FileOutputStream(busPort.toFile());
        reader = new Thread(this::serve, "fake TP-UART");
        reader.setDaemon(true);
        reader.start();
    }

    static FakeTpuart start(Path dir) throws IOException, InterruptedException {
        Path host = dir.resolve("ttyKNX");
        Path bus = dir.resolve("ttyBUS");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + bus)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!(Files.exists(host) && Files.exists(bus))) {
            if (!socat.isAlive() || System.nanoTime() > end) {
                socat.destroy();
                throw new IllegalStateException("socat did not create the pty pair: "
                        + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(10);
        }
        return new FakeTpuart(socat, host, bus);
    }

    /** The port the gateway opens. */
    Path hostPort() {
        return hostPort;
    }

    /** Puts a standard TP1 frame (without checksum) on the line to the host. */
    void frameFromBus(byte... frame) throws IOException {
        byte[] withChecksum = Arrays.copyOf(frame, frame.length + 1);
        withChecksum[frame.length] = checksum(frame);
        write(withChecksum);
    }

    static byte checksum(byte[] frame) {
        int xor = 0;
        for (byte b : frame) {
            xor ^= b;
        }
        return (byte) ~xor;
    }

    private void serve() {
        byte[] frame = new byte[64];
        try {
            while (true) {
                int service = fromHost.read();
                if (service < 0) {
                    return;
                }
                if (service == RESET_REQ) {
                    write(RESET_IND);
                } else if (service == STATE_REQ) {
                    write(STATE_IND_OK);
                } else if ((service & 0xc0) == 0x80) { // U_L_DataStart / Continue + index
                    frame[service & 0x3f] = (byte) fromHost.read();
                } else if ((service & 0xc0) == 0x40) { // U_L_DataEnd + index of the checksum
                    int last = service & 0x3f;
                    frame[last] = (byte) fromHost.read();
                    sent.accept(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame, 0, last + 1));
                    write(LDATA_CON_POSITIVE);
                }
                // U_AckInformation (0x10-0x17) and anything else: nothing to answer
            }
        } catch (IOException e) {
            // the pty closed
        }
    }

    private synchronized void write(int... bytes) throws IOException {
        for (int b : bytes) {
            toHost.write(b);
        }
        toHost.flush();
    }

    private synchronized void write(byte[] bytes) throws IOException {
        toHost.write(bytes);
        toHost.flush();
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            fromHost.close();
            toHost.close();
        } catch (IOException ignored) {
            // already gone with socat
        }
    }
}
