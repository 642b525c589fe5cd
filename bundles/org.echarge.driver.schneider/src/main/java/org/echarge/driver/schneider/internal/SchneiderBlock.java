package org.echarge.driver.schneider.internal;

import static org.echarge.driver.schneider.internal.SchneiderRegisters.*;

import java.util.Locale;

import org.echarge.modbus.RegisterText;

/**
 * The ranges the driver reads, one function-3 request each. Outside the reserved blocks (2999..3222,
 * 4000..4079) the station answers only its listed registers, so 1, 150, 1150 and 1212..1214 are separate
 * requests; inside them a range may span unmapped registers (they read 0xFFFF).
 */
enum SchneiderBlock {
    /** 1: IEC 61851 state. Every poll; at connect for the identity. */
    EV_STATE(SchneiderRegisters.EV_STATE, SchneiderRegisters.EV_STATE),
    /** 150: OCPP connector status. Every poll. */
    OCPP(OCPP_STATUS, OCPP_STATUS),
    /** 1150: vehicle present. Every poll. */
    PRESENCE(EV_PRESENCE, EV_PRESENCE),
    /** 1212..1214: firmware. At connect. */
    FIRMWARE(FIRMWARE_MAJOR, FIRMWARE_BUILD),
    /** 2999..3060: currents, voltages, active powers. Every poll. */
    MEASUREMENTS(CURRENT_L1, ACTIVE_POWER_TOTAL),
    /** 3203..3206: the energy counter. Every poll. */
    ENERGY(ACTIVE_ENERGY_TOTAL, ACTIVE_ENERGY_TOTAL),
    /** 4000..4023: life bit, command, setpoint, degraded setpoints, times, stop cause, session energy, errors. */
    CONTROL(LIFE_BIT, ERROR_CODE),
    /** 4040..4069: model and commercial reference. At connect (identity). */
    IDENTIFICATION(MODEL, COMMERCIAL_REFERENCE);

    /** Words of one read of a block, decoded register by register. */
    record Values(SchneiderBlock block, int[] words) {

        /** The raw value of a numeric register. */
        double raw(SchneiderRegisters register) {
            return register.raw(words, offset(register));
        }

        /** The value of an unsigned integer register (u16, u32, u64). */
        long integer(SchneiderRegisters register) {
            return (long) raw(register);
        }

        /** A measurement in the gateway's unit, NaN where the station marks it unavailable. */
        double measured(SchneiderRegisters register) {
            return unavailable(register) ? Double.NaN : register.scaled(words, offset(register));
        }

        String text(SchneiderRegisters register, RegisterText.ByteOrder order) {
            return register.text(words, offset(register), order);
        }

        boolean unavailable(SchneiderRegisters register) {
            return register.unavailable(words, offset(register));
        }

        private int offset(SchneiderRegisters register) {
            if (!block.contains(register)) {
                throw new IllegalArgumentException(register + " is not in block " + block);
            }
            return register.address() - block.address();
        }
    }

    private final SchneiderRegisters first;
    private final SchneiderRegisters last;

    SchneiderBlock(SchneiderRegisters first, SchneiderRegisters last) {
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

    boolean contains(SchneiderRegisters register) {
        return register.address() >= address() && register.address() + register.count() <= address() + count();
    }

    @Override
    public String toString() {
        String range = count() == 1 ? Integer.toString(address()) : address() + ".." + (address() + count() - 1);
        return name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + range;
    }
}
