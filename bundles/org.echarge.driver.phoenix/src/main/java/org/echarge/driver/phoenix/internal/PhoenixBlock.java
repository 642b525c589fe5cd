package org.echarge.driver.phoenix.internal;

import static org.echarge.driver.phoenix.internal.PhoenixRegisters.*;

import java.util.Locale;

import org.echarge.driver.phoenix.internal.PhoenixRegisters.Table;

/**
 * The ranges the driver reads, one request each (function 4 for input, 3 for holding registers). The
 * meter block is the one nymea reads in one request; the status block holds only registers the fact sheet
 * or nymea name, without gaps.
 */
enum PhoenixBlock {
    /** 100..107: CP state, cable, charging time, DIP switches, firmware, error code. Every poll. */
    STATUS(CP_STATUS, ERROR_CODE),
    /** 108..121: voltages, currents, power. Every poll. */
    METER(VOLTAGE_L1, ACTIVE_POWER),
    /** 528: the setpoint in force. Every poll. */
    SETTING(MAX_CURRENT, MAX_CURRENT),
    /** 904..905: total energy, Phoenix firmware. Every poll with a meter. */
    ENERGY(TOTAL_ENERGY, TOTAL_ENERGY),
    /** 2980..2983: total energy, Wallbe firmware. Every poll with a meter. */
    ENERGY_WALLBE(TOTAL_ENERGY_WALLBE, TOTAL_ENERGY_WALLBE),
    /** 606..621: card UID. Every poll with a vehicle. */
    RFID(RFID_UID, RFID_UID),
    /** 304..314: serial number and device name. At connect. */
    NAMEPLATE(SERIAL_NUMBER, DEVICE_NAME),
    /** 149..154: Wallbe firmware version. At connect, Wallbe firmware only. */
    WALLBE_VERSION(WALLBE_FIRMWARE, WALLBE_FIRMWARE);

    /** Words of one read of a block, decoded register by register. */
    record Values(PhoenixBlock block, int[] words) {

        double number(PhoenixRegisters register) {
            return register.number(words, offset(register));
        }

        long raw(PhoenixRegisters register) {
            return register.raw(words, offset(register));
        }

        String text(PhoenixRegisters register) {
            return register.text(words, offset(register));
        }

        private int offset(PhoenixRegisters register) {
            if (!block.contains(register)) {
                throw new IllegalArgumentException(register + " is not in block " + block);
            }
            return register.address() - block.address();
        }
    }

    private final PhoenixRegisters first;
    private final PhoenixRegisters last;

    PhoenixBlock(PhoenixRegisters first, PhoenixRegisters last) {
        if (first.table() != last.table() || first.table() == Table.COIL || last.address() < first.address()) {
            throw new IllegalArgumentException(first + ".." + last + " is no block");
        }
        this.first = first;
        this.last = last;
    }

    Table table() {
        return first.table();
    }

    int address() {
        return first.address();
    }

    int count() {
        return last.address() + last.count() - first.address();
    }

    boolean contains(PhoenixRegisters register) {
        return register.table() == table() && register.address() >= address()
                && register.address() + register.count() <= address() + count();
    }

    @Override
    public String toString() {
        String name = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return count() == 1 ? first.toString() : name + " " + address() + ".." + (address() + count() - 1);
    }
}
