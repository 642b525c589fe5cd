package org.echarge.driver.vestel.internal;

import static org.echarge.driver.vestel.internal.VestelRegisters.Source.EVCC;
import static org.echarge.driver.vestel.internal.VestelRegisters.Source.OPENEMS;
import static org.echarge.driver.vestel.internal.VestelRegisters.Source.VESTEL_V1_12;
import static org.echarge.driver.vestel.internal.VestelRegisters.Source.VESTEL_V1_8;
import static org.echarge.driver.vestel.internal.VestelRegisters.Table.HOLDING;
import static org.echarge.driver.vestel.internal.VestelRegisters.Table.INPUT;
import static org.echarge.modbus.RegisterType.U16;
import static org.echarge.modbus.RegisterType.U32;

import java.util.Locale;

import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the Vestel EVC04 and its rebrands (Webasto Unite, Ampure Unite, Vestel Connect Plus, E.ON Drive
 * vBox), written down in the project's charger fact sheet (`chargers-and-meters.md`, section 6) from the sources
 * each entry names. Measurements and states are input registers (function 4, read-only); settings are holding
 * registers (read with function 3, written with function 6). Big-endian, 32-bit values high word first. Text holds
 * ONE character per register (evcc decodes it as UTF-16BE), not two. The box refuses a read that spans a gap
 * between registers (OpenEMS reads every register on its own), so the driver reads each value in its own request.
 * Scale converts the raw value into the gateway's unit (A, W, Wh, s).
 */
enum VestelRegisters {
    SERIAL_NUMBER(100, INPUT, 25, VESTEL_V1_8, "serial number"),
    CHARGE_POINT_ID(130, INPUT, 50, OPENEMS, "charge point id (OCPP)"),
    BRAND(190, INPUT, 10, EVCC, "brand"),
    MODEL(210, INPUT, 5, VESTEL_V1_8, "model"),
    FIRMWARE_VERSION(230, INPUT, 50, VESTEL_V1_8, "firmware version, e.g. v3.187.0-..."),
    DATE(290, INPUT, U32, 1, "yymmdd", VESTEL_V1_8, "date of the box"),
    TIME(294, INPUT, U32, 1, "hhmmss", VESTEL_V1_8, "time of the box"),
    RATED_POWER(400, INPUT, U32, 1, "W", VESTEL_V1_8, "charge point rated power"),
    NUMBER_OF_PHASES(404, INPUT, U16, 1, "0/1", VESTEL_V1_8,
            "phases installed: 0 = 1-phase, 1 = 3-phase (one report of a 22 kW unit reading 3, evcc PR #30143)"),
    PHASE_SWITCH(405, HOLDING, U16, 1, "0/1", VESTEL_V1_12,
            "charge with 0 = 1 phase, 1 = 3 phases (fw >= 3.187.0); back to 404 on power cycle, reset, TCP disconnect"),
    CHARGE_POINT_STATE(1000, INPUT, U16, 1, "enum", VESTEL_V1_8, "0 Available, 1 Preparing, 2 Charging,"
            + " 3 SuspendedEVSE, 4 SuspendedEV, 5 Finishing, 6 Reserved, 7 Unavailable, 8 Faulted"),
    CHARGING_STATE(1001, INPUT, U16, 1, "0/1", VESTEL_V1_8, "1 = charging (C2), 0 = anything else"),
    EQUIPMENT_STATE(1002, INPUT, U16, 1, "enum", VESTEL_V1_8, "equipment state; values not documented in the sources"),
    CABLE_STATE(1004, INPUT, U16, 1, "enum", VESTEL_V1_8,
            "0 no cable, 1 cable but no vehicle, 2 vehicle connected, 3 vehicle connected and cable locked"),
    FAULT_CODE(1006, INPUT, U32, 1, "code", VESTEL_V1_8, "EVSE fault code, 0 = none"),
    CURRENT_L1(1008, INPUT, U16, 0.001, "mA", VESTEL_V1_8, "current L1 (u16 at an even address, not a u32)"),
    CURRENT_L2(1010, INPUT, U16, 0.001, "mA", VESTEL_V1_8, "current L2"),
    CURRENT_L3(1012, INPUT, U16, 0.001, "mA", VESTEL_V1_8, "current L3"),
    VOLTAGE_L1(1014, INPUT, U16, 1, "V", VESTEL_V1_8, "voltage L1"),
    VOLTAGE_L2(1016, INPUT, U16, 1, "V", VESTEL_V1_8, "voltage L2"),
    VOLTAGE_L3(1018, INPUT, U16, 1, "V", VESTEL_V1_8, "voltage L3"),
    ACTIVE_POWER(1020, INPUT, U32, 1, "W", VESTEL_V1_8, "active power total"),
    ACTIVE_POWER_L1(1024, INPUT, U32, 1, "W", VESTEL_V1_8, "active power L1"),
    ACTIVE_POWER_L2(1028, INPUT, U32, 1, "W", VESTEL_V1_8, "active power L2"),
    ACTIVE_POWER_L3(1032, INPUT, U32, 1, "W", VESTEL_V1_8, "active power L3"),
    METER_READING(1036, INPUT, U32, 100, "0.1 kWh", VESTEL_V1_8, "meter reading, total energy"),
    SESSION_MAX_CURRENT(1100, INPUT, U16, 1, "A", VESTEL_V1_8, "session max current: what the box offers the vehicle"),
    EVSE_MIN_CURRENT(1102, INPUT, U16, 1, "A", VESTEL_V1_8, "EVSE min current"),
    EVSE_MAX_CURRENT(1104, INPUT, U16, 1, "A", VESTEL_V1_8, "EVSE max current"),
    CABLE_MAX_CURRENT(1106, INPUT, U16, 1, "A", VESTEL_V1_8, "cable max current"),
    SESSION_ENERGY(1502, INPUT, U32, 1, "Wh", VESTEL_V1_8, "session energy"),
    SESSION_START_TIME(1504, INPUT, U32, 1, "hhmmss", VESTEL_V1_8, "session start time"),
    SESSION_DURATION(1508, INPUT, U32, 1, "s", VESTEL_V1_8, "session duration"),
    SESSION_END_TIME(1512, INPUT, U32, 1, "hhmmss", VESTEL_V1_8, "session end time"),
    SESSION_RFID(1516, INPUT, 15, EVCC, "RFID card of the session (fw >= 3.156.0, evcc issue 21359)"),
    FAILSAFE_CURRENT(2000, HOLDING, U16, 1, "A", VESTEL_V1_8, "failsafe current"),
    FAILSAFE_TIMEOUT(2002, HOLDING, U16, 1, "s", VESTEL_V1_8, "failsafe timeout"),
    CHARGING_CURRENT(5004, HOLDING, U16, 1, "A", VESTEL_V1_8,
            "charging current setpoint, whole amps; 0 pauses; reads back the hardware minimum after 0"),
    ALIVE(6000, HOLDING, U16, 1, "0/1", VESTEL_V1_8,
            "alive register: the master writes 1, the box resets it to 0 every failsafe timeout / 2 (>= 3 s)");

    /** Where the register is documented. */
    enum Source {
        VESTEL_V1_8("Vestel Elektronik, EVC04 Modbus TCP/IP Specification V1.8"
                + " (transcribed at star.ke.st and in the my-gekko device DB)"),
        VESTEL_V1_12("Vestel EVC04 Modbus TCP/IP Specification v1.12, as quoted in evcc PR #30143"),
        OPENEMS("OpenEMS io.openems.edge.evcs.webasto.unite, EvcsWebastoUniteImpl.java"),
        EVCC("evcc charger/vestel.go");

        final String document;

        Source(String document) {
            this.document = document;
        }
    }

    enum Table {
        /** Function 4; read-only. */
        INPUT,
        /** Read with function 3, written with function 6. */
        HOLDING
    }

    static final WordOrder WORD_ORDER = WordOrder.HIGH_FIRST;

    private final int address;
    private final Table table;
    private final RegisterType type;
    private final int count;
    private final double scale;
    private final String unit;
    private final Source source;
    private final String meaning;

    /** A number. */
    VestelRegisters(int address, Table table, RegisterType type, double scale, String unit, Source source,
            String meaning) {
        this.address = address;
        this.table = table;
        this.type = type;
        this.count = type.count();
        this.scale = scale;
        this.unit = unit;
        this.source = source;
        this.meaning = meaning;
    }

    /** Read-only text of {@code registers} registers, one character each. */
    VestelRegisters(int address, Table table, int registers, Source source, String meaning) {
        this.address = address;
        this.table = table;
        this.type = null;
        this.count = registers;
        this.scale = 1;
        this.unit = "text";
        this.source = source;
        this.meaning = meaning;
    }

    int address() {
        return address;
    }

    Table table() {
        return table;
    }

    /** Number of registers. */
    int count() {
        return count;
    }

    boolean text() {
        return type == null;
    }

    /** The raw unit as the source documents it, e.g. {@code mA} or {@code 0.1 kWh}; {@code text} for text. */
    String unit() {
        return unit;
    }

    Source source() {
        return source;
    }

    String meaning() {
        return meaning;
    }

    /** The raw value of the words one read of this register returned. */
    long raw(int[] words) {
        if (type == null) {
            throw new IllegalStateException(this + " is text");
        }
        return (long) type.decode(words, 0, WORD_ORDER);
    }

    /** A raw value in the gateway's unit (A, W, Wh, s). */
    double scaled(long raw) {
        return raw * scale;
    }

    /** The value to write for a value in the gateway's unit; refuses input registers and what a u16 cannot hold. */
    int toRaw(double value) {
        if (table != HOLDING) {
            throw new IllegalStateException(this + " is read-only");
        }
        return type.encode(value / scale, WORD_ORDER)[0];
    }

    @Override
    public String toString() {
        return address + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
