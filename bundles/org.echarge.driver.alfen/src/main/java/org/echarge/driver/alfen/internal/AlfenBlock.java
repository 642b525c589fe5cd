package org.echarge.driver.alfen.internal;

import static org.echarge.driver.alfen.internal.AlfenRegisters.*;

/**
 * The contiguous ranges the driver reads, one function-3 request each (Alfen: "It is possible to request
 * multiple contiguous registers in a single Modbus request"). Each starts at its first register and
 * ends with the last register's last word.
 */
enum AlfenBlock {
    /** Unit 200, 117..167: manufacturer, table version, firmware, platform, serial number. At connect. */
    IDENTITY(MANUFACTURER, SERIAL_NUMBER),
    /** Unit 200, 1100..1105: station max current, temperature, OCPP state, number of sockets. */
    STATION_STATUS(STATION_MAX_CURRENT, NUMBER_OF_SOCKETS),
    /** Socket unit, 1200..1215: availability, mode 3 state, current in force, validity, setpoint, safe current. */
    SOCKET_STATUS(AVAILABILITY, CHARGE_PHASES),
    /** Socket unit, 300..377: meter state, voltages, currents, powers, energy delivered. */
    METER(METER_STATE, ENERGY_DELIVERED_SUM);

    /** Words of one read of a block, decoded register by register. */
    record Values(AlfenBlock block, int[] words) {

        double number(AlfenRegisters register) {
            return register.number(words, offset(register));
        }

        /** The value of an unsigned integer register (u16, u32). */
        long raw(AlfenRegisters register) {
            return (long) number(register);
        }

        String text(AlfenRegisters register) {
            return register.text(words, offset(register));
        }

        boolean unavailable(AlfenRegisters register) {
            return register.unavailable(words, offset(register));
        }

        private int offset(AlfenRegisters register) {
            if (!block.contains(register)) {
                throw new IllegalArgumentException(register + " is not in block " + block);
            }
            return register.address() - block.address();
        }
    }

    private final AlfenRegisters first;
    private final AlfenRegisters last;

    AlfenBlock(AlfenRegisters first, AlfenRegisters last) {
        if (first.slave() != last.slave() || last.address() < first.address()) {
            throw new IllegalArgumentException(first + ".." + last + " is no block");
        }
        this.first = first;
        this.last = last;
    }

    AlfenRegisters.Slave slave() {
        return first.slave();
    }

    int address() {
        return first.address();
    }

    int count() {
        return last.address() + last.count() - first.address();
    }

    boolean contains(AlfenRegisters register) {
        return register.slave() == slave() && register.address() >= address()
                && register.address() + register.count() <= address() + count();
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + address() + ".."
                + (address() + count() - 1);
    }
}
