package org.echarge.modbus;

import java.nio.charset.StandardCharsets;

/** ASCII text held in registers, two characters per register. */
public final class RegisterText {

    /** Which character of a register comes first. */
    public enum ByteOrder {
        /** High byte first (the usual order). */
        HIGH_FIRST,
        /** Low byte first (e.g. some Schneider and ABB registers). */
        LOW_FIRST
    }

    private RegisterText() {
    }

    /**
     * Decodes {@code count} registers at {@code offset}; stops at the first NUL and trims
     * surrounding blanks. Non-printable characters become '?', so a garbled register can never
     * put control characters into a KNX text object.
     */
    public static String decode(int[] words, int offset, int count, ByteOrder order) {
        byte[] bytes = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            int word = words[offset + i];
            byte high = (byte) (word >>> 8);
            byte low = (byte) word;
            bytes[2 * i] = order == ByteOrder.HIGH_FIRST ? high : low;
            bytes[2 * i + 1] = order == ByteOrder.HIGH_FIRST ? low : high;
        }
        int length = 0;
        while (length < bytes.length && bytes[length] != 0) {
            if (bytes[length] < 0x20 || bytes[length] > 0x7E) {
                bytes[length] = '?';
            }
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII).trim();
    }

    /** Encodes text into {@code count} registers, padded with NUL; longer text is cut. */
    public static int[] encode(String text, int count, ByteOrder order) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int first = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
            int second = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
            words[i] = order == ByteOrder.HIGH_FIRST ? (first << 8) | second : (second << 8) | first;
        }
        return words;
    }
}
