package org.echarge.modbus;

/** Numeric register types and their decoding from 16-bit words. */
public enum RegisterType {
    U16(1), S16(1), U32(2), S32(2), U64(4), S64(4), F32(2), F64(4);

    private final int count;

    RegisterType(int count) {
        this.count = count;
    }

    /** Number of 16-bit registers the value occupies. */
    public int count() {
        return count;
    }

    /**
     * Decodes the value at {@code offset}. Unsigned 64-bit values above {@link Long#MAX_VALUE}
     * lose precision in the conversion to double; floats keep NaN and infinities for the caller
     * to judge as implausible.
     */
    public double decode(int[] words, int offset, WordOrder order) {
        long bits = join(words, offset, order);
        return switch (this) {
            case U16, U32 -> bits;
            case S16 -> (short) bits;
            case S32 -> (int) bits;
            case S64 -> bits;
            case U64 -> bits >= 0 ? bits : (double) (bits >>> 1) * 2.0 + (bits & 1);
            case F32 -> Float.intBitsToFloat((int) bits);
            case F64 -> Double.longBitsToDouble(bits);
        };
    }

    /** Encodes a value into registers; integers are rounded, and refused when out of range. */
    public int[] encode(double value, WordOrder order) {
        long bits = switch (this) {
            case F32 -> Float.floatToIntBits((float) value) & 0xFFFF_FFFFL;
            case F64 -> Double.doubleToLongBits(value);
            default -> integerBits(value);
        };
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int shift = 16 * (count - 1 - i);
            int index = order == WordOrder.HIGH_FIRST ? i : count - 1 - i;
            words[index] = (int) ((bits >>> shift) & 0xFFFF);
        }
        return words;
    }

    private long join(int[] words, int offset, WordOrder order) {
        if (offset < 0 || offset + count > words.length) {
            throw new IndexOutOfBoundsException(this + " at " + offset + " needs " + count + " of " + words.length + " registers");
        }
        long bits = 0;
        for (int i = 0; i < count; i++) {
            int word = order == WordOrder.HIGH_FIRST ? words[offset + i] : words[offset + count - 1 - i];
            bits = (bits << 16) | (word & 0xFFFF);
        }
        return bits;
    }

    private long integerBits(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(this + " cannot hold " + value);
        }
        long rounded = Math.round(value);
        long min = switch (this) {
            case S16 -> Short.MIN_VALUE;
            case S32 -> Integer.MIN_VALUE;
            case S64 -> Long.MIN_VALUE;
            default -> 0;
        };
        long max = switch (this) {
            case U16 -> 0xFFFFL;
            case S16 -> Short.MAX_VALUE;
            case U32 -> 0xFFFF_FFFFL;
            case S32 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        if (rounded < min || rounded > max) {
            throw new IllegalArgumentException(this + " cannot hold " + value);
        }
        return rounded;
    }
}
