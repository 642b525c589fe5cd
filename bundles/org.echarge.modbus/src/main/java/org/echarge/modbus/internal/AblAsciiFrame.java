package org.echarge.modbus.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Frames of ABL's Modbus ASCII dialect (eMH1, eMH2, SENEC Wallbox pro). A request is standard
 * Modbus ASCII: ':', then address, PDU and LRC as pairs of upper-case hex digits, then CR LF. The
 * answer is framed the same way but starts with '>' (evcc issue #526, jrv/esphome-abl-emh1,
 * goingelectric.de traces). Address, function codes, exception answers (function + 0x80 and one
 * code byte) and the LRC (two's complement of the byte sum of address and PDU) are the standard's;
 * only the answer's start character differs. Pure functions; {@link AblAsciiTransport} puts the
 * frames on the line.
 */
final class AblAsciiFrame {

    static final byte REQUEST_START = ':';
    static final byte ANSWER_START = '>';
    /** Start character, at most 256 bytes as hex digits, CR LF (Modbus over serial line V1.02, 2.5.2.1). */
    static final int MAX_LENGTH = 513;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private AblAsciiFrame() {
    }

    /** The request frame of address and PDU ({@code adu}). */
    static byte[] request(byte[] adu) {
        StringBuilder frame = new StringBuilder(2 * adu.length + 5).append((char) REQUEST_START);
        HEX.formatHex(frame, adu);
        HEX.toHexDigits(frame, lrc(adu, adu.length));
        return frame.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Address and PDU of an answer frame, from '>' to LF inclusive.
     *
     * @throws IOException saying what is wrong: start character, end, a character that is no hex
     *     digit, an odd number of digits, too short, LRC
     */
    static byte[] answer(byte[] frame) throws IOException {
        int length = frame.length;
        if (length == 0 || frame[0] != ANSWER_START) {
            throw new IOException("answer starts with " + (length == 0 ? "nothing" : printable(frame[0]))
                    + " instead of '>'");
        }
        if (length < 3 || frame[length - 2] != '\r' || frame[length - 1] != '\n') {
            throw new IOException("answer does not end with CR LF");
        }
        int digits = length - 3;
        if (digits % 2 != 0) {
            throw new IOException("answer has an odd number of hex digits (" + digits + ")");
        }
        if (digits < 6) {
            throw new IOException("answer of " + digits / 2 + " bytes has no room for address, function and LRC");
        }
        byte[] bytes = new byte[digits / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (digit(frame, 1 + 2 * i) << 4 | digit(frame, 2 + 2 * i));
        }
        byte[] adu = Arrays.copyOf(bytes, bytes.length - 1);
        byte expected = lrc(adu, adu.length);
        if (bytes[bytes.length - 1] != expected) {
            throw new IOException("LRC error: the answer says " + HEX.toHexDigits(bytes[bytes.length - 1])
                    + ", its bytes give " + HEX.toHexDigits(expected));
        }
        return adu;
    }

    /** Longitudinal redundancy check of the first {@code count} bytes. */
    static byte lrc(byte[] bytes, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (byte) -sum;
    }

    private static int digit(byte[] frame, int index) throws IOException {
        int c = frame[index];
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f') {
            return (c & 0x0F) + 9;
        }
        throw new IOException(printable(frame[index]) + " at position " + index + " is not a hex digit");
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : "byte 0x" + HEX.toHexDigits(b);
    }
}
