package org.echarge.sim.internal;

import java.nio.charset.StandardCharsets;

/**
 * A block of 16-bit register values filled field by field: multi-register values high word first,
 * ASCII two characters per register, high byte first, padded with NUL.
 */
final class RegisterWords {

    private final int[] words;

    RegisterWords(int count) {
        this.words = new int[count];
    }

    RegisterWords u16(int address, long value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("u16 at " + address + ": " + value);
        }
        words[address] = (int) value;
        return this;
    }

    RegisterWords s16(int address, long value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException("s16 at " + address + ": " + value);
        }
        words[address] = (int) value & 0xFFFF;
        return this;
    }

    RegisterWords u32(int address, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 at " + address + ": " + value);
        }
        words[address] = (int) (value >>> 16);
        words[address + 1] = (int) (value & 0xFFFF);
        return this;
    }

    RegisterWords ascii(int address, int count, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 2 * count) {
            throw new IllegalArgumentException("text at " + address + " longer than " + 2 * count + ": " + text);
        }
        for (int i = 0; i < count; i++) {
            int high = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
            int low = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
            words[address + i] = (high << 8) | low;
        }
        return this;
    }

    int[] toArray() {
        return words.clone();
    }
}
