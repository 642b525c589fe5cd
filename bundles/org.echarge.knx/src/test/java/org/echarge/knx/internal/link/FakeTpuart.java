package org.echarge.knx.internal.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

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

    private final PtyPeer line;
    /** Each TP1 frame the host sent, as hex with its checksum. */
    final Recorder<String> sent = new Recorder<>();

    private FakeTpuart(Path dir) throws IOException, InterruptedException {
        line = new PtyPeer(dir);
        line.serve("fake TP-UART", this::serve);
    }

    static FakeTpuart start(Path dir) throws IOException, InterruptedException {
        return new FakeTpuart(dir);
    }

    /** The port the gateway opens. */
    Path hostPort() {
        return line.hostPort();
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

    private void serve(InputStream fromHost) {
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

    private void write(int... bytes) throws IOException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        line.write(raw);
    }

    private void write(byte[] bytes) throws IOException {
        line.write(bytes);
    }

    @Override
    public void close() {
        line.close();
    }
}
