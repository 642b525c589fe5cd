package org.echarge.driver.schneider.internal;

import static org.echarge.modbus.RegisterType.F32;
import static org.echarge.modbus.RegisterType.U16;
import static org.echarge.modbus.RegisterType.U32;
import static org.echarge.modbus.RegisterType.U64;

import java.util.Locale;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the Schneider Electric EVlink Pro AC, from Schneider's technical guide GEX1969300-04
 * ("EVlink Pro AC Modbus interface"), as written down in the project's charger fact sheet, section 9
 * (with evcc {@code charger/schneider-v3.go}, the my-gekko device profile and star.ke.st's transcription).
 * Unit id 255. Reads are function 3, writes function 6 (evcc, proven; other integrators read with 4 [?]).
 * Floats and 64-bit counters are low word first (evcc trace: {@code FE C6 41 2E} at 3059 = 10.937 kW); the
 * sources show no 32-bit integer, the driver takes them in the same order [?]. Outside the reserved blocks
 * 2999..3222 and 4000..4079 only the listed registers exist (exception 2 elsewhere); inside them an unmapped
 * register reads 0xFFFF. Scale converts into the gateway's unit (A, V, W, Wh, s).
 */
enum SchneiderRegisters {
    EV_STATE(1, U16, Access.READ, 1, "enum", "0 0 V, 1 not available, 2 available not ready, 3 EV connected not ready,"
            + " 4 charging stopped by the EVSE, 5 same with ventilation, 6 available ready, 7 EV connected (B),"
            + " 8 charging, 9 charging with ventilation, 10 control pilot invalid, 11 control pilot symmetric fault"),
    OCPP_STATUS(150, U16, Access.READ, 1, "enum", "0 init, 1 available, 2 preparing, 3 charging, 4 suspendedEV,"
            + " 5 suspendedEVSE, 6 finishing, 7 reserved, 8 unavailable, 9 faulted"),
    EV_PRESENCE(1150, U16, Access.READ, 1, "0/1", "1 = vehicle present"),
    FIRMWARE_MAJOR(1212, U16, Access.READ, 1, "-", "firmware major version"),
    FIRMWARE_MINOR(1213, U16, Access.READ, 1, "-", "firmware minor version"),
    FIRMWARE_BUILD(1214, U16, Access.READ, 1, "-", "firmware build"),
    CURRENT_L1(2999, F32, Access.READ, 1, "A", "current L1"),
    CURRENT_L2(3001, F32, Access.READ, 1, "A", "current L2"),
    CURRENT_L3(3003, F32, Access.READ, 1, "A", "current L3"),
    CURRENT_AVERAGE(3009, F32, Access.READ, 1, "A", "average current"),
    VOLTAGE_L1(3027, F32, Access.READ, 1, "V", "voltage L1"),
    VOLTAGE_L2(3029, F32, Access.READ, 1, "V", "voltage L2"),
    VOLTAGE_L3(3031, F32, Access.READ, 1, "V", "voltage L3"),
    ACTIVE_POWER_L1(3053, F32, Access.READ, 1000, "kW", "active power L1"),
    ACTIVE_POWER_L2(3055, F32, Access.READ, 1000, "kW", "active power L2"),
    ACTIVE_POWER_L3(3057, F32, Access.READ, 1000, "kW", "active power L3"),
    ACTIVE_POWER_TOTAL(3059, F32, Access.READ, 1000, "kW", "active power total"),
    ACTIVE_ENERGY_TOTAL(3203, U64, Access.READ, 1, "Wh", "active energy total (the lifetime counter)"),
    LIFE_BIT(4000, U16, Access.READ_WRITE, 1, "-", "master writes 1, the station resets it to 0;"
            + " 2 = life bit deactivated"),
    COMMAND(4001, U16, Access.READ_WRITE, 1, "cmd", "3 stop, 7 suspend, 8 restart, 9 reboot, 40 set available,"
            + " 41 set unavailable"),
    COMMAND_STATUS(4002, U32, Access.READ, 1, "-", "status of the last command"),
    SETPOINT(4004, U16, Access.READ_WRITE, 1, "A", "remote setpoint 0..32, 0 = no charge; reads 99 while no charge is"
            + " in progress"),
    DEGRADED_SETPOINT_1_PHASE(4005, U16, Access.READ, 1, "A", "degraded (failsafe) setpoint of a 1-phase station"),
    DEGRADED_SETPOINT_3_PHASE(4006, U16, Access.READ, 1, "A", "degraded (failsafe) setpoint of a 3-phase station"),
    CONTACTOR_CHARGING_TIME(4007, U32, Access.READ, 1, "s", "time since the contactor closed"),
    SESSION_CHARGING_TIME(4009, U32, Access.READ, 1, "s", "time since the session started"),
    LAST_STOP_CAUSE(4011, U16, Access.READ, 1, "enum", "0 none, 1 emergency stop, 2 EV disconnected, 3 hard reset,"
            + " 4 local, 5 other, 6 power loss, 7 reboot, 8 remote"),
    SESSION_ENERGY(4012, U32, Access.READ, 1, "Wh", "energy of the session"),
    ERROR_GROUP(4020, U32, Access.READ, 1, "bits", "error group bitfield"),
    ERROR_CODE(4022, U32, Access.READ, 1, "bits", "error code bitfield"),
    /** The sources name the register but not its encoding. */
    MODEL(4040, U16, Access.READ, 1, "-", "model [?]"),
    COMMERCIAL_REFERENCE(4060, 10, "EVSE commercial reference, e.g. EVB3S22N4");

    enum Access {
        /** Function code 3. */
        READ,
        /** Read with function code 3, written with function code 6. */
        READ_WRITE
    }

    static final WordOrder WORD_ORDER = WordOrder.LOW_FIRST;
    /** Highest current 4004 takes; anything above it that reads back is a marker (99: no charge in progress). */
    static final int SETPOINT_MAX_AMPERE = 32;

    private final int address;
    private final RegisterType type;
    private final int count;
    private final Access access;
    private final double scale;
    private final String unit;
    private final String meaning;

    /** A number. */
    SchneiderRegisters(int address, RegisterType type, Access access, double scale, String unit, String meaning) {
        this.address = address;
        this.type = type;
        this.count = type.count();
        this.access = access;
        this.scale = scale;
        this.unit = unit;
        this.meaning = meaning;
    }

    /** Read-only text of {@code registers} registers, two ASCII characters each. */
    SchneiderRegisters(int address, int registers, String meaning) {
        this.address = address;
        this.type = null;
        this.count = registers;
        this.access = Access.READ;
        this.scale = 1;
        this.unit = "text";
        this.meaning = meaning;
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

    /** The unit as the sources give it, e.g. {@code kW}; {@code text} for text. */
    String unit() {
        return unit;
    }

    String meaning() {
        return meaning;
    }

    /** The raw value at {@code offset} of words read from a range that holds this register. */
    double raw(int[] words, int offset) {
        return type().decode(words, offset, WORD_ORDER);
    }

    /** The value in the gateway's unit (W for kW). */
    double scaled(int[] words, int offset) {
        return raw(words, offset) * scale;
    }

    /** The text at {@code offset}, with the given character order. */
    String text(int[] words, int offset, RegisterText.ByteOrder order) {
        if (type != null) {
            throw new IllegalStateException(this + " is a number");
        }
        return RegisterText.decode(words, offset, count, order);
    }

    /** An unmapped or unavailable register: 0xFFFF in every word (a NaN for floats). */
    boolean unavailable(int[] words, int offset) {
        if (type == F32) {
            return Double.isNaN(raw(words, offset));
        }
        for (int i = 0; i < count; i++) {
            if (words[offset + i] != 0xFFFF) {
                return false;
            }
        }
        return true;
    }

    /** The one word to write with function 6; refuses read-only registers and values a u16 cannot hold. */
    int encode(long value) {
        if (access != Access.READ_WRITE) {
            throw new IllegalStateException(this + " is read-only");
        }
        return type().encode(value, WORD_ORDER)[0];
    }

    @Override
    public String toString() {
        return address + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
