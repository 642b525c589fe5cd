package org.echarge.driver.amtron.internal;

import static org.echarge.driver.amtron.internal.AmtronLayout.V1_0_0;
import static org.echarge.driver.amtron.internal.AmtronLayout.V1_0_1;
import static org.echarge.driver.amtron.internal.AmtronLayout.V1_0_2;

import java.util.Locale;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the AMTRON Compact 2.0s (also AMTRON 4You 300, Kostal Enector), from MENNEKES "AMTRON Compact
 * 2.0s / AMTRON Start 2.0s Modbus RTU Specification", document revision 1.2 of 2023-02-27, sections 3 to 11 (the
 * document evcc's {@code charger/mennekes-compact.go} is written from, linked in evcc issue 9520; the project's
 * fact sheet, section 5b, lists the registers evcc uses). Every register of the document is here, with its section
 * and the layout it is "available at". All are read with function 3; one-register values are written with function
 * 6 and two-register values with function 16 (the document allows 6 "only if data size = 1 register"), as evcc does.
 * Two-register values are high word first (see {@link #WORD_ORDER}), text two characters per register, high byte
 * first. Scale converts the raw value into the gateway's unit (A, V, W, Wh, degrees Celsius, s).
 */
enum AmtronRegisters {
    // 3. Version information
    MODBUS_VERSION(0x0000, 3, Format.U16, Access.READ, 1, "hex", V1_0_0, "register layout version, 0x0100 = 1.0.0"),
    FIRMWARE_VERSION(0x0001, 3, Format.TEXT_16, Access.READ, 1, "ascii", V1_0_0, "firmware version, 16 characters"),
    SERIAL_NUMBER(0x0013, 3, Format.TEXT_16, Access.READ, 1, "ascii", V1_0_2, "serial number, 16 characters"),
    // 4. Status
    EVSE_STATE(0x0100, 4, Format.U16, Access.READ, 1, "enum",
            V1_0_0, "0 not initialised, 1 idle (A1), 2 EV connected (B1), 3 preconditions valid, not charging yet,"
                    + " 4 ready to charge (B2), 5 charging (C2), 6 error, 7 service mode"),
    AUTHORIZATION_STATUS(0x0101, 4, Format.U16, Access.READ, 1, "enum", V1_0_0,
            "RFID and energy manager: 0 not used (idle), 1 authorised (released), 2 not authorised"),
    DOWNGRADE(0x0102, 4, Format.U16, Access.READ, 1, "enum", V1_0_0,
            "downgrade input: 0 not relevant (no EV), 1 current not downgraded, 2 current downgraded"),
    PHASE_ROTATION(0x0103, 4, Format.U16, Access.READ, 1, "enum", V1_0_0,
            "order of the connected phases: 0 L1-L2-L3, 1 L2-L3-L1, 2 L3-L1-L2"),
    CP_STATE(0x0108, 4, Format.U16, Access.READ, 1, "enum", V1_0_2,
            "CP state: 0 init, 10 A1, 11 B1, 12 C1, 13 D1, 14 E, 15 F, 26 A2, 27 B2, 28 C2, 29 D2"),
    // 5. Configuration
    DOWNGRADE_CURRENT(0x0300, 5, Format.F32, Access.READ, 1, "A", V1_0_0,
            "current limit while the downgrade input is active"),
    EM_CHARGING_CURRENT(0x0302, 5, Format.F32, Access.READ_WRITE, 1, "A", V1_0_0,
            "charging current limit by the energy manager, 6..x A"),
    MAX_CURRENT_HOUSE(0x0304, 5, Format.F32, Access.READ, 1, "A", V1_0_0,
            "installation current set with the DIP switches"),
    MAX_CURRENT_EVSE(0x0306, 5, Format.F32, Access.READ, 1, "A", V1_0_0,
            "maximum current of the EVSE as configured at installation"),
    PHASE_SWITCHING_MODE(0x030A, 5, Format.U16, Access.READ, 1, "enum", V1_0_0,
            "solar phase usage: 0 one phase, 1 three phases, 2 dynamic"),
    PHASE_OPTIONS_HW(0x030C, 5, Format.U16, Access.READ, 1, "enum", V1_0_1,
            "hardware: 0 one phase only, 1 three phases only, 2 one or three phases"),
    CABLE_LOCK_SETTING(0x030D, 5, Format.U16, Access.READ, 1, "0/1", V1_0_2, "permanent cable lock enabled"),
    MASTER_LOST_FALLBACK_CURRENT(0x030E, 5, Format.U16, Access.READ, 1, "A", V1_0_2,
            "without heartbeat: 0 charging continues as before, 1 pause (0 A), 6..32 continue with this current"),
    GRID_IMBALANCE(0x030F, 5, Format.U16, Access.READ, 1, "0/1", V1_0_2, "grid imbalance limitation enabled"),
    GRID_IMBALANCE_THRESHOLD(0x0310, 5, Format.U16, Access.READ, 1, "A", V1_0_2, "grid imbalance threshold, 10..30"),
    GRID_PHASES_CONNECTED(0x0311, 5, Format.U16, Access.READ, 1, "enum", V1_0_2,
            "grid phases connected: 1 L1, 2 L1, L2 and L3"),
    AUTHORIZATION(0x0312, 5, Format.U16, Access.READ, 1, "0/1", V1_0_2, "authorisation (RFID) enabled"),
    SUNSHINE_PLUS_CURRENT(0x0313, 5, Format.U16, Access.READ, 1, "A", V1_0_2,
            "minimum charging current in Sunshine+ mode"),
    PHASE_SWITCHING_PAUSE(0x0314, 5, Format.U16, Access.READ, 1, "s", V1_0_2,
            "pause during a dynamic phase switch, 0..1200"),
    // 6. Output measurements (AC)
    CURRENT_L1(0x0500, 6, Format.F32, Access.READ, 1, "A", V1_0_0, "RMS output current L1"),
    CURRENT_L2(0x0502, 6, Format.F32, Access.READ, 1, "A", V1_0_0, "RMS output current L2"),
    CURRENT_L3(0x0504, 6, Format.F32, Access.READ, 1, "A", V1_0_0, "RMS output current L3"),
    VOLTAGE_L1(0x0506, 6, Format.F32, Access.READ, 1, "V", V1_0_0, "RMS output voltage L1"),
    VOLTAGE_L2(0x0508, 6, Format.F32, Access.READ, 1, "V", V1_0_0, "RMS output voltage L2"),
    VOLTAGE_L3(0x050A, 6, Format.F32, Access.READ, 1, "V", V1_0_0, "RMS output voltage L3"),
    POWER_L1(0x050C, 6, Format.F32, Access.READ, 1, "W", V1_0_0, "power L1"),
    POWER_L2(0x050E, 6, Format.F32, Access.READ, 1, "W", V1_0_0, "power L2"),
    POWER_L3(0x0510, 6, Format.F32, Access.READ, 1, "W", V1_0_0, "power L3"),
    POWER_TOTAL(0x0512, 6, Format.F32, Access.READ, 1, "W", V1_0_0, "overall power of all phases"),
    // 7. Input measurements
    TEMPERATURE(0x0900, 7, Format.F32, Access.READ, 1, "°C", V1_0_2, "temperature inside the EVSE"),
    // 8. Charging session
    MAX_CURRENT_SESSION(0x0B00, 8, Format.F32, Access.READ, 1, "A", V1_0_0,
            "maximum current of the session from the static limits (installation, cable)"),
    SESSION_ENERGY(0x0B02, 8, Format.F32, Access.READ, 1000, "kWh", V1_0_0, "energy of the current session"),
    SESSION_DURATION(0x0B04, 8, Format.U32, Access.READ, 1, "s", V1_0_0, "duration of the current session"),
    DETECTED_EV_PHASES(0x0B06, 8, Format.U16, Access.READ, 1, "-", V1_0_2, "phases the EV used, 0 = not known"),
    // 9. Functions
    HEARTBEAT(0x0D00, 9, Format.U16, Access.WRITE, 1, "-", V1_0_0,
            "master heartbeat: 0x55AA at least every 10 s keeps the communication valid"),
    CABLE_LOCK(0x0D02, 9, Format.U16, Access.READ, 1, "enum", V1_0_0,
            "0 unknown, 1 unlocked, 2 locked, 3 EVSE with fixed cable"),
    SOLAR_CHARGING_MODE(0x0D03, 9, Format.U16, Access.READ_WRITE, 1, "enum", V1_0_0,
            "0 not active, 1 standard, 2 Sunshine, 3 Sunshine+"),
    REQUESTED_PHASES(0x0D04, 9, Format.U16, Access.READ_WRITE, 1, "enum", V1_0_0,
            "0 all available phases, 1 one phase only"),
    CHARGING_RELEASE(0x0D05, 9, Format.U16, Access.READ_WRITE, 1, "0/1", V1_0_0,
            "charging release by the energy manager: 0 not allowed, 1 allowed"),
    LOCK_EVSE(0x0D06, 9, Format.U16, Access.READ_WRITE, 1, "0/1", V1_0_0, "1 = charging station locked"),
    // 10. Diagnostic
    ACTIVE_ERROR_CODE(0x0E00, 10, Format.U16, Access.READ, 1, "code", V1_0_0, "active error, 0 = none"),
    MASTER_LOST_FALLBACK_STATE(0x0E01, 10, Format.U16, Access.READ, 1, "0/1", V1_0_2,
            "1 = fallback active (energy manager unavailable)"),
    SWITCHED_PHASES(0x0E02, 10, Format.U16, Access.READ, 1, "enum", V1_0_2,
            "0 all available phases, 1 one phase"),
    // 11. Statistic
    ENERGY_TOTAL(0x1000, 11, Format.F32, Access.READ, 1000, "kWh", V1_0_2,
            "energy of all time on the AC port, not for billing"),
    CHARGING_SESSIONS_TOTAL(0x1002, 11, Format.U32, Access.READ, 1, "-", V1_0_2, "number of sessions");

    /** How a value occupies its registers. */
    enum Format {
        U16(RegisterType.U16, 1), U32(RegisterType.U32, 2), F32(RegisterType.F32, 2),
        /** 16 ASCII characters, two per register, high byte first. */
        TEXT_16(null, 8);

        final RegisterType type;
        final int count;

        Format(RegisterType type, int count) {
            this.type = type;
            this.count = count;
        }
    }

    enum Access {
        /** Function 3. */
        READ,
        /** Function 3; written with function 6 (one register) or 16 (two registers). */
        READ_WRITE,
        /** Written with function 6 only; reads are refused. */
        WRITE
    }

    /**
     * The document says "Register Word order: LowWord / HighWord", but the box sends the high word first: evcc reads
     * and writes floats high word first in the field, and the total energy of evcc issue 11068 (read there as the
     * u32 1161664184, "obviously wrong", at most about 15000 kWh expected) is 3033.4 kWh as a float high word first
     * and no plausible number low word first. The fact sheet, section 5b: "floats BE".
     */
    static final WordOrder WORD_ORDER = WordOrder.HIGH_FIRST;

    /** The value 0x0D00 takes as a heartbeat. */
    static final int HEARTBEAT_TOKEN = 0x55AA;

    private final int address;
    private final int section;
    private final Format format;
    private final Access access;
    private final double scale;
    private final String unit;
    private final AmtronLayout since;
    private final String meaning;

    AmtronRegisters(int address, int section, Format format, Access access, double scale, String unit,
            AmtronLayout since, String meaning) {
        this.address = address;
        this.section = section;
        this.format = format;
        this.access = access;
        this.scale = scale;
        this.unit = unit;
        this.since = since;
        this.meaning = meaning;
    }

    int address() {
        return address;
    }

    /** The section of the Mennekes document that lists the register. */
    int section() {
        return section;
    }

    Format format() {
        return format;
    }

    Access access() {
        return access;
    }

    /** Number of registers the value occupies. */
    int count() {
        return format.count;
    }

    /** The raw unit as Mennekes documents it, e.g. {@code A} or {@code kWh}. */
    String unit() {
        return unit;
    }

    /** The first layout that has this register ("available at"). */
    AmtronLayout since() {
        return since;
    }

    String meaning() {
        return meaning;
    }

    boolean existsIn(AmtronLayout layout) {
        return layout.atLeast(since);
    }

    boolean readable() {
        return access != Access.WRITE;
    }

    /** The words to write for a value in the gateway's unit; refuses read-only registers and impossible values. */
    int[] encode(double value) {
        if (access == Access.READ || format == Format.TEXT_16) {
            throw new IllegalStateException(this + " is not writable");
        }
        return format.type.encode(value / scale, WORD_ORDER);
    }

    /** Number of registers from the first of {@code first} to the last of {@code last}, both included. */
    static int span(AmtronRegisters first, AmtronRegisters last) {
        return last.address + last.count() - first.address;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "0x%04X (%s)", address, name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** Registers read in one request, starting at {@code start}. */
    record Block(int start, int[] words) {

        /** The raw number, e.g. a state code or a float in the document's unit. */
        double raw(AmtronRegisters register) {
            return register.format.type.decode(words, offset(register), WORD_ORDER);
        }

        /** The value in the gateway's unit. */
        double value(AmtronRegisters register) {
            return raw(register) * register.scale;
        }

        /** A state code or setting; a float register is refused. */
        int code(AmtronRegisters register) {
            if (register.format != Format.U16) {
                throw new IllegalArgumentException(register + " is not a u16");
            }
            return (int) raw(register);
        }

        /** Text up to the first NUL, trimmed; null when empty. */
        String text(AmtronRegisters register) {
            String text = RegisterText.decode(words, offset(register), register.count(),
                    RegisterText.ByteOrder.HIGH_FIRST);
            return text.isEmpty() ? null : text;
        }

        private int offset(AmtronRegisters register) {
            int offset = register.address - start;
            if (offset < 0 || offset + register.count() > words.length) {
                throw new IndexOutOfBoundsException(register + " is not in the block read from " + start);
            }
            return offset;
        }
    }
}
