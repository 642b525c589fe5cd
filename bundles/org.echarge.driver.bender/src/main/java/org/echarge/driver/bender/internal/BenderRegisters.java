package org.echarge.driver.bender.internal;

import java.util.Locale;
import java.util.Optional;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the Bender CC612 / CC613 charge controllers with the register set "Ebee / Bender /
 * MENNEKES" (written down in the project's charger fact sheet, section 4). All registers are holding
 * registers read with function 3; the writable ones are written with function 16 (one register), as
 * evcc does. Big-endian throughout: high byte first, high word first; text is two ASCII characters per
 * register. Scale converts the raw value into the gateway's unit (A, W, Wh, V, s).
 */
enum BenderRegisters {
    FIRMWARE_VERSION(100, Kind.TEXT, 2, Access.READ, 1, "-", "firmware (application) version", Source.BENDER),
    OCPP_CP_STATUS(104, Kind.U16, Access.READ, 1, "enum", "OCPP status: 0 Available, 1 Occupied, 2 Reserved,"
            + " 3 Unavailable, 4 Faulted, 5 Preparing, 6 Charging, 7 SuspendedEVSE, 8 SuspendedEV, 9 Finishing", Source.BENDER),
    ERROR_BITS_111(111, Kind.U16, Access.READ, 1, "bits", "error bits: actuator, tilt, PIC24, USB stick, phases, power"
            + " (BenderErrorBits)", Source.BENDER),
    ERROR_BITS_112(112, Kind.U16, Access.READ, 1, "bits", "error bits: RCMB, state E, diode, MCB, RCD, contactor weld,"
            + " backend, locking, firmware update, tilt, wiring, overload (BenderErrorBits)", Source.BENDER),
    PROTOCOL_VERSION(120, Kind.TEXT, 2, Access.READ, 1, "-", "Modbus protocol version", Source.BENDER),
    VEHICLE_STATE(122, Kind.U16, Access.READ, 1, "enum", "control pilot state: 1 A, 2 B, 3 C, 4 D, 5 E", Source.BENDER),
    SAFE_CURRENT(131, Kind.U16, Access.READ, 1, "A", "safe current", Source.OPENEMS),
    RELAY_STATE(140, Kind.U16, Access.READ, 1, "enum", "relay: 0 off, 1 three phases, 5 one phase", Source.BENDER),
    CHARGE_POINT_MODEL(142, Kind.TEXT, 10, Access.READ, 1, "-", "charge point model, 20 characters; absent on legacy"
            + " firmware", Source.BENDER),
    SOFTWARE_VERSION_MAJOR(153, Kind.U16, Access.READ, 1, "-", "software version: major", Source.BENDER),
    SOFTWARE_VERSION_MINOR(154, Kind.U16, Access.READ, 1, "-", "software version: minor", Source.BENDER),
    SOFTWARE_VERSION_PATCH(155, Kind.U16, Access.READ, 1, "-", "software version: patch", Source.BENDER),
    ENERGY_L1(200, Kind.U32, Access.READ, 1, "Wh", "energy L1, primary meter; legacy firmware: total = sum", Source.BENDER),
    ENERGY_L2(202, Kind.U32, Access.READ, 1, "Wh", "energy L2", Source.BENDER),
    ENERGY_L3(204, Kind.U32, Access.READ, 1, "Wh", "energy L3", Source.BENDER),
    POWER_L1(206, Kind.U32, Access.READ, 1, "W", "active power L1", Source.BENDER),
    POWER_L2(208, Kind.U32, Access.READ, 1, "W", "active power L2", Source.BENDER),
    POWER_L3(210, Kind.U32, Access.READ, 1, "W", "active power L3", Source.BENDER),
    CURRENT_L1(212, Kind.U32, Access.READ, 0.001, "mA", "current L1", Source.BENDER),
    CURRENT_L2(214, Kind.U32, Access.READ, 0.001, "mA", "current L2", Source.BENDER),
    CURRENT_L3(216, Kind.U32, Access.READ, 0.001, "mA", "current L3", Source.BENDER),
    TOTAL_ENERGY(218, Kind.U32, Access.READ, 1, "Wh", "total energy; absent on legacy firmware", Source.BENDER),
    ACTIVE_POWER(220, Kind.U32, Access.READ, 1, "W", "active power total; 0xFFFFFFFF = no meter; absent on legacy"
            + " firmware", Source.BENDER),
    VOLTAGE_L1(222, Kind.U32, Access.READ, 1, "V", "voltage L1 (OCPP meter)", Source.BENDER),
    VOLTAGE_L2(224, Kind.U32, Access.READ, 1, "V", "voltage L2", Source.BENDER),
    VOLTAGE_L3(226, Kind.U32, Access.READ, 1, "V", "voltage L3", Source.BENDER),
    SESSION_ENERGY_LEGACY(705, Kind.U32, Access.READ, 1, "Wh", "session energy, legacy layout", Source.BENDER),
    SESSION_DURATION_LEGACY(709, Kind.U32, Access.READ, 1, "s", "session duration, legacy layout", Source.BENDER),
    EV_MIN_CURRENT(712, Kind.U16, Access.READ, 1, "A", "EV min current", Source.OPENEMS),
    EV_MAX_CURRENT(715, Kind.U16, Access.READ, 1, "A", "EV max current", Source.OPENEMS),
    SESSION_ENERGY(716, Kind.U32, Access.READ, 1, "Wh", "session energy", Source.BENDER),
    SESSION_DURATION(718, Kind.U32, Access.READ, 1, "s", "session duration", Source.BENDER),
    USER_ID(720, Kind.TEXT, 10, Access.READ, 1, "-", "user id (OCPP idTag, RFID card), 20 characters; needs"
            + " \"Allow UID disclose\"", Source.BENDER),
    EV_BATTERY_STATE(730, Kind.U16, Access.READ, 1, "%", "EV state of charge (ISO 15118 vehicles only)", Source.BENDER),
    SMART_VEHICLE(740, Kind.U16, Access.READ, 1, "0/1", "ISO 15118 vehicle detected", Source.BENDER),
    EVCCID(741, Kind.TEXT, 6, Access.READ, 1, "-", "EVCCID as hex text", Source.BENDER),
    HEMS_CURRENT_LIMIT(1000, Kind.U16, Access.READ_WRITE, 1, "A", "HEMS current limit: the setpoint; 0 pauses", Source.BENDER),
    HEMS_CURRENT_LIMIT_TENTH(1001, Kind.U16, Access.READ_WRITE, 0.1, "0.1 A", "HEMS current limit in 0.1 A, some"
            + " firmwares (e.g. newer MENNEKES) only", Source.EVCC),
    HEMS_POWER_LIMIT(1002, Kind.U16, Access.READ_WRITE, 1, "W", "HEMS power limit, MENNEKES AMTRON 4You / 4Business"
            + " only", Source.EVCC);

    /** How the words of a register are to be read. */
    enum Kind {
        U16(RegisterType.U16), U32(RegisterType.U32), TEXT(null);

        final RegisterType type;

        Kind(RegisterType type) {
            this.type = type;
        }
    }

    enum Access {
        /** Function code 3. */
        READ,
        /** Read with function code 3, written with function code 16 (one register). */
        READ_WRITE
    }

    /** The document the fact sheet names for a register. */
    enum Source {
        BENDER("Bender charge controller documentation 5.32, APIs / Modbus API"),
        OPENEMS("OpenEMS io.openems.edge.evse.chargepoint.bender, AbstractEvseChargePointBender.java"),
        EVCC("evcc charger/bender.go (availability by firmware)");

        final String document;

        Source(String document) {
            this.document = document;
        }
    }

    static final WordOrder WORD_ORDER = WordOrder.HIGH_FIRST;

    /** What a meter register without a meter holds (fact sheet: "metering absent"). */
    static final long NOT_MEASURED_U32 = 0xFFFF_FFFFL;

    private final int address;
    private final Kind kind;
    private final int count;
    private final Access access;
    private final double scale;
    private final String unit;
    private final String meaning;
    private final Source source;

    /** A number. */
    BenderRegisters(int address, Kind kind, Access access, double scale, String unit, String meaning, Source source) {
        this(address, kind, kind.type.count(), access, scale, unit, meaning, source);
    }

    BenderRegisters(int address, Kind kind, int count, Access access, double scale, String unit, String meaning,
            Source source) {
        this.address = address;
        this.kind = kind;
        this.count = count;
        this.access = access;
        this.scale = scale;
        this.unit = unit;
        this.meaning = meaning;
        this.source = source;
    }

    int address() {
        return address;
    }

    /** Number of registers. */
    int count() {
        return count;
    }

    Kind kind() {
        return kind;
    }

    Access access() {
        return access;
    }

    /** The raw unit as Bender documents it, e.g. {@code mA} or {@code Wh}. */
    String unit() {
        return unit;
    }

    String meaning() {
        return meaning;
    }

    Source source() {
        return source;
    }

    /** The raw (unsigned) value at {@code offset} of words read from a range that holds this register. */
    long raw(int[] words, int offset) {
        if (kind == Kind.TEXT) {
            throw new IllegalStateException(this + " is text");
        }
        return (long) kind.type.decode(words, offset, WORD_ORDER);
    }

    /** The value in the gateway's unit; a 32-bit 0xFFFFFFFF (no meter, no value) is {@code NaN}. */
    double scaled(int[] words, int offset) {
        long raw = raw(words, offset);
        return kind == Kind.U32 && raw == NOT_MEASURED_U32 ? Double.NaN : raw * scale;
    }

    /**
     * The text at {@code offset} when it is text: printable ASCII up to the first NUL (trailing blanks
     * trimmed). Empty when the registers hold nothing, or bytes that are no text (another device).
     */
    Optional<String> text(int[] words, int offset) {
        if (kind != Kind.TEXT) {
            throw new IllegalStateException(this + " is a number");
        }
        for (int i = 0; i < count * 2; i++) {
            int word = words[offset + i / 2];
            int character = i % 2 == 0 ? word >>> 8 & 0xFF : word & 0xFF;
            if (character == 0) {
                break;
            }
            if (character < 0x20 || character > 0x7E) {
                return Optional.empty();
            }
        }
        String text = RegisterText.decode(words, offset, count, RegisterText.ByteOrder.HIGH_FIRST);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * The raw value to write for a value in the gateway's unit, rounded down to the register's step
     * (16.75 A is 16 in 1000 and 167 in 1001: never more than asked); refuses read-only registers and
     * values the register cannot hold.
     */
    int rawAtMost(double value) {
        if (access != Access.READ_WRITE) {
            throw new IllegalStateException(this + " is read-only");
        }
        return kind.type.encode(Math.floor(value / scale + 1e-6), WORD_ORDER)[0];
    }

    /** A raw value of this register in the gateway's unit. */
    double scaled(long raw) {
        return raw * scale;
    }

    @Override
    public String toString() {
        return address + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
