package org.echarge.meter.internal;

import java.util.Locale;
import java.util.Objects;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.meter.internal.Quantity.Group;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * One value of a meter's register table.
 *
 * @param address first register, 0-based as on the wire
 * @param scale multiplies the raw value into the gateway's unit (A, W, Wh); not applied to the fault register
 * @param notAvailableMarker the all-ones pattern (unsigned) or the largest positive value (signed) means
 *        "not available" (ABB): read as not measured instead of as a number
 * @param reference where the entry comes from, e.g. the vendor document
 */
record MeterRegister(Quantity quantity, int address, RegisterType type, WordOrder wordOrder, double scale,
        boolean notAvailableMarker, String reference) {

    MeterRegister {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wordOrder, "wordOrder");
        Objects.requireNonNull(reference, "reference");
        if (address < 0 || address + type.count() > 0x10000) {
            throw new IllegalArgumentException(quantity.label() + ": registers " + address + ".."
                    + (address + type.count() - 1) + " are outside 0..65535");
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException(quantity.label() + ": scale must be finite and not 0, not " + scale);
        }
        if (notAvailableMarker && isFloat(type)) {
            throw new IllegalArgumentException(quantity.label() + ": a float has no not-available marker");
        }
        if (quantity == Quantity.FAULT && isFloat(type)) {
            throw new IllegalArgumentException("the fault register is an integer, not " + type);
        }
    }

    /** A register of a vendor table: no not-available marker. */
    static MeterRegister of(Quantity quantity, int address, RegisterType type, WordOrder wordOrder, double scale,
            String reference) {
        return new MeterRegister(quantity, address, type, wordOrder, scale, false, reference);
    }

    /** The register after the last one of this value. */
    int end() {
        return address + type.count();
    }

    /**
     * The value in the gateway's unit from the words of a read that starts {@code offset} words before
     * this register; NaN for a not-available marker.
     *
     * @throws DeviceException COMMUNICATION for implausible values: NaN or infinite floats, negative energy
     */
    double decode(int[] words, int offset) throws DeviceException {
        if (notAvailableMarker && isMarker(words, offset)) {
            return Double.NaN;
        }
        double raw = type.decode(words, offset, wordOrder);
        if (!Double.isFinite(raw)) {
            throw new DeviceException(Kind.COMMUNICATION, "implausible " + raw + " as " + this);
        }
        if (quantity == Quantity.FAULT) {
            return raw;
        }
        double value = raw * scale;
        if (quantity.group() == Group.ENERGY && value < 0) {
            throw new DeviceException(Kind.COMMUNICATION, "implausible negative energy " + value + " Wh as " + this);
        }
        return value;
    }

    /** "energy total at register 72 (0x0048)". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at register %d (0x%04X)", quantity.label(), address, address);
    }

    private boolean isMarker(int[] words, int offset) {
        int count = type.count();
        for (int i = 0; i < count; i++) {
            int word = words[offset + (wordOrder == WordOrder.HIGH_FIRST ? i : count - 1 - i)] & 0xFFFF;
            int expected = i == 0 && isSigned(type) ? 0x7FFF : 0xFFFF;
            if (word != expected) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFloat(RegisterType type) {
        return type == RegisterType.F32 || type == RegisterType.F64;
    }

    private static boolean isSigned(RegisterType type) {
        return type == RegisterType.S16 || type == RegisterType.S32 || type == RegisterType.S64;
    }
}
