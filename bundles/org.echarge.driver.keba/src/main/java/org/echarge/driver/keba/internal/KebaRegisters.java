package org.echarge.driver.keba.internal;

import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the KEBA KeContact P30 c-/x-series, from KEBA "KeContact P30 Modbus TCP Programmers
 * Guide" V1.02 (written down in the project's charger fact sheet, section 1). Reads are function 3 of
 * exactly one u32 (two registers, high word first) per request: a read across two values fails.
 * Writes are function 6 of one u16. Scale converts the raw value into the gateway's unit (A, W, Wh, s).
 */
enum KebaRegisters {
    CHARGING_STATE(1000, Access.READ, 1, "enum", "0 start-up, 1 not ready, 2 ready, 3 charging, 4 error, 5 interrupted"),
    CABLE_STATE(1004, Access.READ, 1, "bits", "0 no cable, 1 at station, 3 + locked, 5 at station and EV, 7 + locked"),
    ERROR_CODE(1006, Access.READ, 1, "code", "0 = none; shown as hex"),
    CURRENT_L1(1008, Access.READ, 0.001, "mA", "current L1"),
    CURRENT_L2(1010, Access.READ, 0.001, "mA", "current L2"),
    CURRENT_L3(1012, Access.READ, 0.001, "mA", "current L3"),
    SERIAL_NUMBER(1014, Access.READ, 1, "-", "serial number, decimal"),
    PRODUCT_TYPE(1016, Access.READ, 1, "digits", "product code: type, cable, current, series, meter, RFID"),
    FIRMWARE(1018, Access.READ, 1, "bytes", "firmware, bytes major / minor / patch"),
    ACTIVE_POWER(1020, Access.READ, 0.001, "mW", "active power"),
    TOTAL_ENERGY(1036, Access.READ, 0.1, "0.1 Wh", "total energy"),
    VOLTAGE_L1(1040, Access.READ, 1, "V", "voltage L1, non-zero only while charging"),
    VOLTAGE_L2(1042, Access.READ, 1, "V", "voltage L2"),
    VOLTAGE_L3(1044, Access.READ, 1, "V", "voltage L3"),
    POWER_FACTOR(1046, Access.READ, 0.1, "0.1 %", "power factor"),
    MAX_CURRENT_EFFECTIVE(1100, Access.READ, 0.001, "mA", "max charging current in force"),
    MAX_CURRENT_SUPPORTED(1110, Access.READ, 0.001, "mA", "max current of hardware and cable"),
    RFID_TAG(1500, Access.READ, 1, "bytes", "RFID card, 4 bytes; 0 = none"),
    SESSION_ENERGY(1502, Access.READ, 0.1, "0.1 Wh", "energy of the current or last KEBA session"),
    PHASE_SWITCH_SOURCE(1550, Access.READ, 1, "enum", "phase switch source, 3 = Modbus"),
    PHASE_SWITCH_STATE(1552, Access.READ, 1, "enum", "phase switch state, 0 = 1-phase"),
    FAILSAFE_CURRENT_SETTING(1600, Access.READ, 0.001, "mA", "failsafe current"),
    FAILSAFE_TIMEOUT_SETTING(1602, Access.READ, 1, "s", "failsafe timeout, 0 = off"),

    SET_CURRENT(5004, Access.WRITE, 0.001, "mA", "charging current, 6000..63000"),
    SET_ENERGY_LIMIT(5010, Access.WRITE, 10, "10 Wh", "energy limit of the session"),
    UNLOCK_PLUG(5012, Access.WRITE, 1, "-", "unlock the plug, only while suspended"),
    ENABLE(5014, Access.WRITE, 1, "0/1", "0 disables (stops charging), 1 enables the station"),
    SET_FAILSAFE_CURRENT(5016, Access.WRITE, 0.001, "mA", "failsafe current, read back at 1600"),
    SET_FAILSAFE_TIMEOUT(5018, Access.WRITE, 1, "s", "failsafe timeout, read back at 1602; rewriting it is the heartbeat"),
    PERSIST_FAILSAFE(5020, Access.WRITE, 1, "0/1", "persist the failsafe settings"),
    SET_PHASE_SWITCH_SOURCE(5050, Access.WRITE, 1, "enum", "phase switch source, 3 = Modbus (c-series)"),
    TRIGGER_PHASE_SWITCH(5052, Access.WRITE, 1, "0/1", "0 switches to 1 phase, 1 to 3 phases (needs KeContact S10)");

    enum Access {
        /** Function code 3, one u32. */
        READ(RegisterType.U32),
        /** Function code 6, one u16. */
        WRITE(RegisterType.U16);

        final RegisterType type;

        Access(RegisterType type) {
            this.type = type;
        }
    }

    static final WordOrder WORD_ORDER = WordOrder.HIGH_FIRST;

    private final int address;
    private final Access access;
    private final double scale;
    private final String unit;
    private final String meaning;

    KebaRegisters(int address, Access access, double scale, String unit, String meaning) {
        this.address = address;
        this.access = access;
        this.scale = scale;
        this.unit = unit;
        this.meaning = meaning;
    }

    int address() {
        return address;
    }

    Access access() {
        return access;
    }

    RegisterType type() {
        return access.type;
    }

    /** The raw unit as KEBA documents it, e.g. {@code mA} or {@code 0.1 Wh}. */
    String unit() {
        return unit;
    }

    String meaning() {
        return meaning;
    }

    /** The raw register value of the words one read of this register returned. */
    long raw(int[] words) {
        return (long) type().decode(words, 0, WORD_ORDER);
    }

    /** A raw value in the gateway's unit (A, W, Wh, s). */
    double scaled(long raw) {
        return raw * scale;
    }

    /** The u16 to write for a value in the gateway's unit; refuses values the register cannot hold. */
    int toRaw(double value) {
        if (access != Access.WRITE) {
            throw new IllegalStateException(this + " is read-only");
        }
        return type().encode(value / scale, WORD_ORDER)[0];
    }

    @Override
    public String toString() {
        return address + " (" + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    }
}
