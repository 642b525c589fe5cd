package org.echarge.driver.alfen.internal;

import static org.echarge.modbus.RegisterType.F32;
import static org.echarge.modbus.RegisterType.F64;
import static org.echarge.modbus.RegisterType.S16;
import static org.echarge.modbus.RegisterType.U16;
import static org.echarge.modbus.RegisterType.U32;
import static org.echarge.modbus.RegisterType.U64;

import java.util.Locale;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the Alfen NG9xx platform, from Alfen "Implementation of Modbus Slave TCP/IP for Alfen
 * NG9xx platform" v2.3 (2020-10-30), section 3 (written down in the project's charger fact sheet,
 * section 2). Station registers answer at unit id 200, socket registers at unit id 1 (left or only
 * socket) and 2 (right socket of an Eve Double). Everything is big-endian; text is two ASCII characters
 * per register, NUL-terminated; a reserved or unavailable register reads as 0xFFFF (NaN for floats).
 * Reads are function 3 of any contiguous range; a value that spans several registers must be written
 * in one request (function 16), or the station refuses it. Values are in the gateway's units already
 * (A, V, W, Wh, s, deg C): Alfen scales nothing.
 */
enum AlfenRegisters {
    // 3.1 product identification (unit 200)
    NAME(Section.PRODUCT_IDENTIFICATION, 100, 17, "station name, e.g. ALF_1000"),
    MANUFACTURER(Section.PRODUCT_IDENTIFICATION, 117, 5, "\"Alfen NV\""),
    MODBUS_TABLE_VERSION(Section.PRODUCT_IDENTIFICATION, 122, S16, Access.READ, "-", "Modbus table version, 1"),
    FIRMWARE_VERSION(Section.PRODUCT_IDENTIFICATION, 123, 17, "firmware, e.g. 3.4.0-2990"),
    PLATFORM_TYPE(Section.PRODUCT_IDENTIFICATION, 140, 17, "platform, e.g. NG910"),
    SERIAL_NUMBER(Section.PRODUCT_IDENTIFICATION, 157, 11, "station serial number"),
    DATE_YEAR(Section.PRODUCT_IDENTIFICATION, 168, S16, Access.READ, "yr", "station date: year"),
    DATE_MONTH(Section.PRODUCT_IDENTIFICATION, 169, S16, Access.READ, "mon", "month"),
    DATE_DAY(Section.PRODUCT_IDENTIFICATION, 170, S16, Access.READ, "d", "day"),
    TIME_HOUR(Section.PRODUCT_IDENTIFICATION, 171, S16, Access.READ, "hr", "station time: hour"),
    TIME_MINUTE(Section.PRODUCT_IDENTIFICATION, 172, S16, Access.READ, "min", "minute"),
    TIME_SECOND(Section.PRODUCT_IDENTIFICATION, 173, S16, Access.READ, "s", "second"),
    UPTIME(Section.PRODUCT_IDENTIFICATION, 174, U64, Access.READ, "ms", "uptime"),
    TIME_ZONE(Section.PRODUCT_IDENTIFICATION, 178, S16, Access.READ, "min", "time zone offset to UTC"),

    // 3.2 station status (unit 200)
    STATION_MAX_CURRENT(Section.STATION_STATUS, 1100, F32, Access.READ, "A", "station active max current"),
    TEMPERATURE(Section.STATION_STATUS, 1102, F32, Access.READ, "deg C", "board temperature, not ambient"),
    OCPP_STATE(Section.STATION_STATUS, 1104, U16, Access.READ, "-", "back office (OCPP) connection state"),
    NUMBER_OF_SOCKETS(Section.STATION_STATUS, 1105, U16, Access.READ, "-", "number of sockets: 1 Single, 2 Double"),

    // 3.3 smart charging network (unit 200); used in EMS mode "SCN", not by this driver
    SCN_NAME(Section.SCN, 1400, 4, "SCN name"),
    SCN_SOCKETS(Section.SCN, 1404, U16, Access.READ, "-", "number of configured sockets"),
    SCN_CONSUMPTION_L1(Section.SCN, 1405, F32, Access.READ, "A", "SCN total consumption L1"),
    SCN_CONSUMPTION_L2(Section.SCN, 1407, F32, Access.READ, "A", "SCN total consumption L2"),
    SCN_CONSUMPTION_L3(Section.SCN, 1409, F32, Access.READ, "A", "SCN total consumption L3"),
    SCN_ACTUAL_MAX_CURRENT_L1(Section.SCN, 1411, F32, Access.READ, "A", "SCN actual max current L1"),
    SCN_ACTUAL_MAX_CURRENT_L2(Section.SCN, 1413, F32, Access.READ, "A", "SCN actual max current L2"),
    SCN_ACTUAL_MAX_CURRENT_L3(Section.SCN, 1415, F32, Access.READ, "A", "SCN actual max current L3"),
    SCN_MAX_CURRENT_L1(Section.SCN, 1417, F32, Access.WRITE_MULTIPLE, "A", "SCN max current L1 (setpoint)"),
    SCN_MAX_CURRENT_L2(Section.SCN, 1419, F32, Access.WRITE_MULTIPLE, "A", "SCN max current L2 (setpoint)"),
    SCN_MAX_CURRENT_L3(Section.SCN, 1421, F32, Access.WRITE_MULTIPLE, "A", "SCN max current L3 (setpoint)"),
    SCN_VALIDITY_L1(Section.SCN, 1423, U32, Access.READ, "s", "remaining valid time of the L1 setpoint"),
    SCN_VALIDITY_L2(Section.SCN, 1425, U32, Access.READ, "s", "remaining valid time of the L2 setpoint"),
    SCN_VALIDITY_L3(Section.SCN, 1427, U32, Access.READ, "s", "remaining valid time of the L3 setpoint"),
    SCN_SAFE_CURRENT(Section.SCN, 1429, F32, Access.READ, "A", "configured SCN safe current"),
    SCN_MAX_CURRENT_ENABLE(Section.SCN, 1431, U16, Access.READ, "0/1", "SCN Modbus max current enabled"),

    // 3.4 socket measurements and control (unit 1 or 2)
    METER_STATE(Section.SOCKET, 300, U16, Access.READ, "bits", "meter state: 0x01 initialised, 0x02 updated, 0x04 warning, 0x08 error"),
    METER_VALUE_AGE(Section.SOCKET, 301, U64, Access.READ, "ms", "time since the last measurement"),
    METER_TYPE(Section.SOCKET, 305, U16, Access.READ, "enum", "0 RTU, 1 TCP/IP, 2 UDP, 3 P1, 4 other"),
    VOLTAGE_L1_N(Section.SOCKET, 306, F32, Access.READ, "V", "voltage L1-N"),
    VOLTAGE_L2_N(Section.SOCKET, 308, F32, Access.READ, "V", "voltage L2-N"),
    VOLTAGE_L3_N(Section.SOCKET, 310, F32, Access.READ, "V", "voltage L3-N"),
    VOLTAGE_L1_L2(Section.SOCKET, 312, F32, Access.READ, "V", "voltage L1-L2"),
    VOLTAGE_L2_L3(Section.SOCKET, 314, F32, Access.READ, "V", "voltage L2-L3"),
    VOLTAGE_L3_L1(Section.SOCKET, 316, F32, Access.READ, "V", "voltage L3-L1"),
    CURRENT_N(Section.SOCKET, 318, F32, Access.READ, "A", "current N"),
    CURRENT_L1(Section.SOCKET, 320, F32, Access.READ, "A", "current L1"),
    CURRENT_L2(Section.SOCKET, 322, F32, Access.READ, "A", "current L2"),
    CURRENT_L3(Section.SOCKET, 324, F32, Access.READ, "A", "current L3"),
    CURRENT_SUM(Section.SOCKET, 326, F32, Access.READ, "A", "current sum"),
    POWER_FACTOR_L1(Section.SOCKET, 328, F32, Access.READ, "-", "power factor L1"),
    POWER_FACTOR_L2(Section.SOCKET, 330, F32, Access.READ, "-", "power factor L2"),
    POWER_FACTOR_L3(Section.SOCKET, 332, F32, Access.READ, "-", "power factor L3"),
    POWER_FACTOR_SUM(Section.SOCKET, 334, F32, Access.READ, "-", "power factor sum"),
    FREQUENCY(Section.SOCKET, 336, F32, Access.READ, "Hz", "frequency"),
    REAL_POWER_L1(Section.SOCKET, 338, F32, Access.READ, "W", "real power L1"),
    REAL_POWER_L2(Section.SOCKET, 340, F32, Access.READ, "W", "real power L2"),
    REAL_POWER_L3(Section.SOCKET, 342, F32, Access.READ, "W", "real power L3"),
    REAL_POWER_SUM(Section.SOCKET, 344, F32, Access.READ, "W", "real power sum"),
    APPARENT_POWER_L1(Section.SOCKET, 346, F32, Access.READ, "VA", "apparent power L1"),
    APPARENT_POWER_L2(Section.SOCKET, 348, F32, Access.READ, "VA", "apparent power L2"),
    APPARENT_POWER_L3(Section.SOCKET, 350, F32, Access.READ, "VA", "apparent power L3"),
    APPARENT_POWER_SUM(Section.SOCKET, 352, F32, Access.READ, "VA", "apparent power sum"),
    REACTIVE_POWER_L1(Section.SOCKET, 354, F32, Access.READ, "var", "reactive power L1"),
    REACTIVE_POWER_L2(Section.SOCKET, 356, F32, Access.READ, "var", "reactive power L2"),
    REACTIVE_POWER_L3(Section.SOCKET, 358, F32, Access.READ, "var", "reactive power L3"),
    REACTIVE_POWER_SUM(Section.SOCKET, 360, F32, Access.READ, "var", "reactive power sum"),
    ENERGY_DELIVERED_L1(Section.SOCKET, 362, F64, Access.READ, "Wh", "real energy delivered L1"),
    ENERGY_DELIVERED_L2(Section.SOCKET, 366, F64, Access.READ, "Wh", "real energy delivered L2"),
    ENERGY_DELIVERED_L3(Section.SOCKET, 370, F64, Access.READ, "Wh", "real energy delivered L3"),
    ENERGY_DELIVERED_SUM(Section.SOCKET, 374, F64, Access.READ, "Wh", "real energy delivered, sum (the total counter)"),
    ENERGY_CONSUMED_L1(Section.SOCKET, 378, F64, Access.READ, "Wh", "real energy consumed L1"),
    ENERGY_CONSUMED_L2(Section.SOCKET, 382, F64, Access.READ, "Wh", "real energy consumed L2"),
    ENERGY_CONSUMED_L3(Section.SOCKET, 386, F64, Access.READ, "Wh", "real energy consumed L3"),
    ENERGY_CONSUMED_SUM(Section.SOCKET, 390, F64, Access.READ, "Wh", "real energy consumed, sum"),
    APPARENT_ENERGY_L1(Section.SOCKET, 394, F64, Access.READ, "VAh", "apparent energy L1"),
    APPARENT_ENERGY_L2(Section.SOCKET, 398, F64, Access.READ, "VAh", "apparent energy L2"),
    APPARENT_ENERGY_L3(Section.SOCKET, 402, F64, Access.READ, "VAh", "apparent energy L3"),
    APPARENT_ENERGY_SUM(Section.SOCKET, 406, F64, Access.READ, "VAh", "apparent energy sum"),
    REACTIVE_ENERGY_L1(Section.SOCKET, 410, F64, Access.READ, "varh", "reactive energy L1"),
    REACTIVE_ENERGY_L2(Section.SOCKET, 414, F64, Access.READ, "varh", "reactive energy L2"),
    REACTIVE_ENERGY_L3(Section.SOCKET, 418, F64, Access.READ, "varh", "reactive energy L3"),
    REACTIVE_ENERGY_SUM(Section.SOCKET, 422, F64, Access.READ, "varh", "reactive energy sum"),
    AVAILABILITY(Section.SOCKET, 1200, U16, Access.READ, "0/1", "1 operative, 0 inoperative"),
    MODE_3_STATE(Section.SOCKET, 1201, 5, "IEC 61851 state: A, B1, B2, C1, C2, D1, D2, E, F"),
    APPLIED_MAX_CURRENT(Section.SOCKET, 1206, F32, Access.READ, "A", "actually applied max current, all limits combined"),
    SETPOINT_VALIDITY(Section.SOCKET, 1208, U32, Access.READ, "s", "remaining time before the fall back to the safe current"),
    MODBUS_MAX_CURRENT(Section.SOCKET, 1210, F32, Access.WRITE_MULTIPLE, "A", "Modbus max current: the setpoint; 0 pauses"),
    SAFE_CURRENT(Section.SOCKET, 1212, F32, Access.READ, "A", "Active Load Balancing safe current"),
    SETPOINT_ACCOUNTED(Section.SOCKET, 1214, U16, Access.READ, "0/1", "the setpoint in 1210 determines 1206"),
    CHARGE_PHASES(Section.SOCKET, 1215, U16, Access.WRITE_SINGLE, "phases", "charge with 1 or 3 phases");

    /** Which unit id answers. */
    enum Slave {
        /** Unit id 200. */
        STATION,
        /** Unit id 1 or 2, the socket's number. */
        SOCKET
    }

    /** The section of Alfen's document that lists the register. */
    enum Section {
        PRODUCT_IDENTIFICATION("3.1", Slave.STATION),
        STATION_STATUS("3.2", Slave.STATION),
        SCN("3.3", Slave.STATION),
        SOCKET("3.4", Slave.SOCKET);

        final String number;
        final Slave slave;

        Section(String number, Slave slave) {
            this.number = number;
            this.slave = slave;
        }
    }

    enum Access {
        /** Function code 3. */
        READ,
        /** Read with function code 3, write with function code 16, all registers of the value in one request. */
        WRITE_MULTIPLE,
        /** Read with function code 3, write with function code 6. */
        WRITE_SINGLE
    }

    static final int STATION_UNIT_ID = 200;
    static final WordOrder WORD_ORDER = WordOrder.HIGH_FIRST;

    private final Section section;
    private final int address;
    private final RegisterType type;
    private final int count;
    private final Access access;
    private final String unit;
    private final String meaning;

    /** A number. */
    AlfenRegisters(Section section, int address, RegisterType type, Access access, String unit, String meaning) {
        this.section = section;
        this.address = address;
        this.type = type;
        this.count = type.count();
        this.access = access;
        this.unit = unit;
        this.meaning = meaning;
    }

    /** Read-only text of {@code registers} registers. */
    AlfenRegisters(Section section, int address, int registers, String meaning) {
        this.section = section;
        this.address = address;
        this.type = null;
        this.count = registers;
        this.access = Access.READ;
        this.unit = "text";
        this.meaning = meaning;
    }

    Section section() {
        return section;
    }

    Slave slave() {
        return section.slave;
    }

    int address() {
        return address;
    }

    /** Number of registers. */
    int count() {
        return count;
    }

    boolean text() {
        return type == null;
    }

    /** The numeric type; a text register has none. */
    RegisterType type() {
        if (type == null) {
            throw new IllegalStateException(this + " is text");
        }
        return type;
    }

    Access access() {
        return access;
    }

    /** The unit as Alfen documents it, e.g. {@code A} or {@code Wh}; {@code text} for text. */
    String unit() {
        return unit;
    }

    String meaning() {
        return meaning;
    }

    /** The value at {@code offset} of words read from a range that holds this register. */
    double number(int[] words, int offset) {
        return type().decode(words, offset, WORD_ORDER);
    }

    /** The text at {@code offset}; unavailable text (0xFFFF words) comes out as '?' characters. */
    String text(int[] words, int offset) {
        if (type != null) {
            throw new IllegalStateException(this + " is a number");
        }
        return RegisterText.decode(words, offset, count, RegisterText.ByteOrder.HIGH_FIRST);
    }

    /** "Reserved or unavailable" as Alfen marks it: 0xFFFF in every register (NaN for floats). */
    boolean unavailable(int[] words, int offset) {
        if (type == RegisterType.F32 || type == RegisterType.F64) {
            return Double.isNaN(number(words, offset));
        }
        for (int i = 0; i < count; i++) {
            if (words[offset + i] != 0xFFFF) {
                return false;
            }
        }
        return true;
    }

    /** The words of one write; refuses read-only registers and values the type cannot hold. */
    int[] encode(double value) {
        if (access == Access.READ) {
            throw new IllegalStateException(this + " is read-only");
        }
        return type().encode(value, WORD_ORDER);
    }

    @Override
    public String toString() {
        return address + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
