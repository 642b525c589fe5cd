package org.echarge.driver.bender.internal;

import static org.echarge.driver.bender.internal.BenderRegisters.*;

import java.util.Optional;

/**
 * The contiguous ranges the driver reads with one function-3 request, each from its first register to
 * the last register's last word. They hold documented registers only: a read never spans an address
 * the fact sheet does not list, so a firmware that refuses such reads is served as well.
 */
enum BenderBlock {
    ERROR_BITS(ERROR_BITS_111, ERROR_BITS_112),
    SOFTWARE_VERSION(SOFTWARE_VERSION_MAJOR, SOFTWARE_VERSION_PATCH),
    /** 200..221: energies, powers and currents per phase, total energy and power. */
    METER(ENERGY_L1, ACTIVE_POWER),
    /** 200..217: legacy firmware has no total energy and power (218..221). */
    LEGACY_METER(ENERGY_L1, CURRENT_L3);

    /** Words read at an address, decoded register by register. */
    record Values(int address, int[] words) {

        /** The words of one read of a single register. */
        static Values of(BenderRegisters register, int[] words) {
            return new Values(register.address(), words);
        }

        long raw(BenderRegisters register) {
            return register.raw(words, offset(register));
        }

        double scaled(BenderRegisters register) {
            return register.scaled(words, offset(register));
        }

        Optional<String> text(BenderRegisters register) {
            return register.text(words, offset(register));
        }

        private int offset(BenderRegisters register) {
            int offset = register.address() - address;
            if (offset < 0 || offset + register.count() > words.length) {
                throw new IllegalArgumentException(register + " is not in the " + words.length + " words read at " + address);
            }
            return offset;
        }
    }

    private final BenderRegisters first;
    private final BenderRegisters last;

    BenderBlock(BenderRegisters first, BenderRegisters last) {
        if (last.address() < first.address()) {
            throw new IllegalArgumentException(first + ".." + last + " is no block");
        }
        this.first = first;
        this.last = last;
    }

    int address() {
        return first.address();
    }

    int count() {
        return last.address() + last.count() - first.address();
    }

    boolean contains(BenderRegisters register) {
        return register.address() >= address() && register.address() + register.count() <= address() + count();
    }

    /** "200..221 (meter)". */
    @Override
    public String toString() {
        return address() + ".." + (address() + count() - 1) + " (" + name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + ")";
    }
}
