package org.echarge.driver.abb.internal;

import static org.echarge.modbus.RegisterType.U16;
import static org.echarge.modbus.RegisterType.U32;
import static org.echarge.modbus.RegisterType.U64;

import java.util.Locale;

import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the ABB Terra AC wallbox (TACW) as a Modbus secondary, from ABB "TACWB Modbus Communication"
 * (doc 10M1003, 2021-09-03), as written down in the project's charger fact sheet (section 10); three registers
 * that ABB documented later come from ABB "TAC Modbus Communication" v1.11 (2025-03) and are marked so. The
 * same map answers over Modbus TCP and RTU. Only function 3 reads (holding registers); a 32-bit value is written
 * with function 16 in one request, a 16-bit value with function 6. Everything is big-endian, high word first.
 * Scale converts the raw value into the gateway's unit (A, V, W, Wh, s).
 */
enum AbbRegisters {
    SERIAL_NUMBER(0x4000, Access.READ, U64, 1, "bytes", "connector type, rated power, plant, spare, week, year, number (BCD)"),
    FIRMWARE_VERSION(0x4004, Access.READ, U32, 1, "bytes", "major, minor, patch (BCD), reserved"),
    MAX_RATED_CURRENT(0x4006, Access.READ, U32, 0.001, "mA", "user settable max current: what the hardware allows, set in TerraConfig"),
    ERROR_CODE(0x4008, Access.READ, U32, 1, "code", "0 = no error; see the troubleshooting section of the Terra AC user manual"),
    SOCKET_LOCK_STATE(0x400A, Access.READ, U32, 1, "bits", "0x0001 cable at the station, 0x0010 locked, 0x0100 cable at the vehicle"),
    CHARGING_STATE(0x400C, Access.READ, U32, 1, "bits", "bits 8-14 state: 0 A, 1 B1, 2 B2, 3 C1, 4 C2, 5 other; bit 15 below the 4100h value; bits 0-7 availability"),
    CURRENT_LIMIT(0x400E, Access.READ, U32, 0.001, "mA", "charging current limit in force: 4100h and the box's own load management"),
    CURRENT_L1(0x4010, Access.READ, U32, 0.001, "mA", "charging current L1"),
    CURRENT_L2(0x4012, Access.READ, U32, 0.001, "mA", "charging current L2"),
    CURRENT_L3(0x4014, Access.READ, U32, 0.001, "mA", "charging current L3"),
    VOLTAGE_L1(0x4016, Access.READ, U32, 0.1, "0.1 V", "voltage L1 (L-N or L-L, as the grid type is set in TerraConfig)"),
    VOLTAGE_L2(0x4018, Access.READ, U32, 0.1, "0.1 V", "voltage L2"),
    VOLTAGE_L3(0x401A, Access.READ, U32, 0.1, "0.1 V", "voltage L3"),
    ACTIVE_POWER(0x401C, Access.READ, U32, 1, "W", "active power L1 + L2 + L3"),
    SESSION_ENERGY(0x401E, Access.READ, U32, 1, "Wh", "energy delivered in the current charging session"),
    COMMUNICATION_TIMEOUT(0x4020, Access.READ, U16, 1, "s", "communication timeout, read-back of 4106h"),
    MODBUS_CURRENT_LIMIT(0x4022, Access.READ, U32, 0.001, "mA", Source.V1_11, "read-back of 4100h (doc v1.8, 2023)"),
    FALLBACK_LIMIT(0x4024, Access.READ, U16, 1, "A", Source.V1_11, "fallback limit, read-back of 4109h (doc v1.9, 2024)"),

    SET_CURRENT_LIMIT(0x4100, Access.WRITE_MULTIPLE, U32, 0.001, "mA", "charging current limit; below 6 A pauses, 6 A and more resumes"),
    SET_PHASES(0x4102, Access.WRITE_SINGLE, U16, 1, "-", "charging phases: documented, not supported by the box (evcc)"),
    LOCK_SOCKET_CABLE(0x4103, Access.WRITE_SINGLE, U16, 1, "0/1", "socket versions: 0 unlock, 1 lock until unlock or power cycle"),
    START_STOP_SESSION(0x4105, Access.WRITE_SINGLE, U16, 1, "0/1", "0 start, 1 stop the charging session"),
    SET_COMMUNICATION_TIMEOUT(0x4106, Access.WRITE_SINGLE, U16, 1, "s", "no read within this time: lost communication (error, charging stops)"),
    SET_FALLBACK_LIMIT(0x4109, Access.WRITE_SINGLE, U16, 1, "A", Source.V1_11, "current after the communication timeout instead of the error; 0xFF = none (doc v1.9)");

    /** Where ABB documents the register. */
    enum Source {
        /** The fact sheet's source: ABB "TACWB Modbus Communication", doc 10M1003, 2021-09-03. */
        TACWB_2021("ABB TACWB Modbus Communication, 10M1003 (2021-09-03)"),
        /** Registers ABB added later: "TAC Modbus Communication" v1.11 (2025-03), revisions 1.8 and 1.9. */
        V1_11("ABB TAC Modbus Communication v1.11 (2025-03)");

        final String document;

        Source(String document) {
            this.document = document;
        }
    }

    enum Access {
        /** Function code 3. */
        READ,
        /** Function code 16, both registers of the u32 in one request. */
        WRITE_MULTIPLE,
        /** Function code 6. */
        WRITE_SINGLE
    }

    static final WordOrder WORD_ORDER = WordOrder.HIGH_FIRST;

    /** Read at connect in one request: serial number, firmware, max rated current (4000h..4007h). */
    static final Range IDENTITY = new Range(SERIAL_NUMBER, MAX_RATED_CURRENT);
    /** Read by every poll in one request: error code to session energy (4008h..401Fh). */
    static final Range STATUS = new Range(ERROR_CODE, SESSION_ENERGY);

    private final int address;
    private final Access access;
    private final RegisterType type;
    private final double scale;
    private final String unit;
    private final Source source;
    private final String meaning;

    AbbRegisters(int address, Access access, RegisterType type, double scale, String unit, String meaning) {
        this(address, access, type, scale, unit, Source.TACWB_2021, meaning);
    }

    AbbRegisters(int address, Access access, RegisterType type, double scale, String unit, Source source,
            String meaning) {
        this.address = address;
        this.access = access;
        this.type = type;
        this.scale = scale;
        this.unit = unit;
        this.source = source;
        this.meaning = meaning;
    }

    int address() {
        return address;
    }

    Access access() {
        return access;
    }

    RegisterType type() {
        return type;
    }

    /** Number of registers the value occupies. */
    int count() {
        return type.count();
    }

    /** The raw unit as ABB documents it, e.g. {@code mA} or {@code 0.1 V}. */
    String unit() {
        return unit;
    }

    Source source() {
        return source;
    }

    String meaning() {
        return meaning;
    }

    /** A raw value in the gateway's unit. */
    double scaled(long raw) {
        return raw * scale;
    }

    /** The words of one write of a value in the gateway's unit; refuses values the register cannot hold. */
    int[] encode(double value) {
        if (access == Access.READ) {
            throw new IllegalStateException(this + " is read-only");
        }
        return type.encode(value / scale, WORD_ORDER);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04Xh (%s)", address, name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** Registers read in one function-3 request, from the first register's address to the last one's end. */
    record Range(AbbRegisters first, AbbRegisters last) {

        int address() {
            return first.address;
        }

        int count() {
            return last.address + last.count() - first.address;
        }

        @Override
        public String toString() {
            return first == last ? first.toString()
                    : String.format(Locale.ROOT, "%04Xh..%04Xh", address(), address() + count() - 1);
        }
    }

    /** The words one read returned, starting at {@code start}. */
    record Block(int start, int[] words) {

        /** An unsigned value of up to 32 bits (a u64 would lose digits in the decoder's double). */
        long raw(AbbRegisters register) {
            if (register.type == U64) {
                throw new IllegalArgumentException(register + " is read as words");
            }
            return (long) register.type.decode(words, offset(register), WORD_ORDER);
        }

        /** The register's own words, e.g. the eight bytes of the serial number. */
        int[] words(AbbRegisters register) {
            int offset = offset(register);
            return java.util.Arrays.copyOfRange(words, offset, offset + register.count());
        }

        double value(AbbRegisters register) {
            return register.scaled(raw(register));
        }

        private int offset(AbbRegisters register) {
            int offset = register.address - start;
            if (offset < 0 || offset + register.count() > words.length) {
                throw new IllegalArgumentException(register + " is not in the block read from "
                        + String.format(Locale.ROOT, "%04Xh", start));
            }
            return offset;
        }
    }
}
