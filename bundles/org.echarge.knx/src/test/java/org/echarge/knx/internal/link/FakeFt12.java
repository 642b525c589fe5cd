package org.echarge.knx.internal.link;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A BCU2 behind an FT1.2 line (EN 60870-5-2 frames, as KNX serial interfaces such as the Siemens
 * 5WG1 148 speak them): acknowledges the host's reset and data frames with E5, records the EMI2
 * messages the host sends, confirms each L_Data.req with an L_Data.con, and puts L_Data.ind
 * messages from the "bus" on the line with the frame count bit toggling as the standard asks.
 * Written from the FT1.2 frame format (start 68h, length twice, control, data, sum, end 16h;
 * fixed frames start with 10h), not from Calimero.
 */
final class FakeFt12 implements AutoCloseable {

    private static final int ACK = 0xe5;
    private static final int START = 0x68;
    private static final int START_FIXED = 0x10;
    private static final int END = 0x16;
    /** Control field of a BAU frame: direction from BAU, initiator, frame count valid, user data. */
    private static final int FROM_BAU = 0xd3;
    private static final int FRAME_COUNT = 0x20;
    private static final int EMI2_LDATA_REQ = 0x11;
    private static final int EMI2_LDATA_CON = 0x2e;

    private final PtyPeer line;
    /** Each EMI2 message the host sent in a data frame, as hex. */
    final Recorder<String> sent = new Recorder<>();
    /** Fixed frames: "reset" for each reset the host sent. */
    final Recorder<String> resets = new Recorder<>();
    private int frameCount = FRAME_COUNT;

    FakeFt12(Path dir) throws IOException, InterruptedException {
        line = new PtyPeer(dir);
        line.serve("fake FT1.2 BCU", this::serve);
    }

    Path hostPort() {
        return line.hostPort();
    }

    /** Sends an EMI2 message (an L_Data.ind from the bus, say) to the host in a data frame. */
    synchronized void toHost(byte... emi) throws IOException {
        byte[] frame = new byte[emi.length + 7];
        frame[0] = START;
        frame[1] = (byte) (emi.length + 1);
        frame[2] = (byte) (emi.length + 1);
        frame[3] = START;
        frame[4] = (byte) (FROM_BAU | frameCount);
        System.arraycopy(emi, 0, frame, 5, emi.length);
        int sum = frame[4];
        for (byte b : emi) {
            sum += b;
        }
        frame[frame.length - 2] = (byte) sum;
        frame[frame.length - 1] = END;
        frameCount ^= FRAME_COUNT;
        line.write(frame);
    }

    private void serve(InputStream fromHost) {
        try {
            while (true) {
                int start = fromHost.read();
                if (start < 0) {
                    return;
                }
                if (start == START_FIXED) {
                    byte[] rest = read(fromHost, 3); // control, checksum (= control), end
                    if ((rest[0] & 0x0f) == 0 && rest[2] == END) {
                        synchronized (this) {
                            frameCount = FRAME_COUNT;
                        }
                        line.write(new byte[] { (byte) ACK });
                        resets.accept("reset");
                    }
                } else if (start == START) {
                    dataFrame(fromHost);
                }
                // E5 (the host acknowledging our frames) and anything else: nothing to answer
            }
        } catch (IOException e) {
            // the pty closed
        }
    }

    private void dataFrame(InputStream fromHost) throws IOException {
        byte[] header = read(fromHost, 3);
        int length = header[0] & 0xff;
        byte[] body = read(fromHost, length + 2); // control + data, checksum, end
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += body[i];
        }
        if (header[0] != header[1] || (header[2] & 0xff) != START || body[length + 1] != END
                || (byte) sum != body[length]) {
            return; // a broken frame is not acknowledged: the host repeats it
        }
        line.write(new byte[] { (byte) ACK });
        byte[] emi = Arrays.copyOfRange(body, 1, length);
        sent.accept(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(emi));
        if ((emi[0] & 0xff) == EMI2_LDATA_REQ) {
            byte[] confirmation = emi.clone();
            confirmation[0] = (byte) EMI2_LDATA_CON;
            toHost(confirmation);
        }
    }

    /** Byte by byte: InputStream.readNBytes waits for more than a pty delivers here. */
    private static byte[] read(InputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    @Override
    public void close() {
        line.close();
    }
}
