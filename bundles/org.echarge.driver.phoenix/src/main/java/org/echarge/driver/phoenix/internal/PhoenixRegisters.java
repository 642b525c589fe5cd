package org.echarge.driver.phoenix.internal;

import static org.echarge.modbus.RegisterType.S32;
import static org.echarge.modbus.RegisterType.U16;
import static org.echarge.modbus.RegisterType.U32;
import static org.echarge.modbus.RegisterType.U64;

import java.util.Locale;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterText.ByteOrder;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the Phoenix Contact EV-CC-AC1-M3-...-ETH charge controllers ("EV-ETH", also in Wallbe,
 * Compleo and Scapo stations), as the project's charger fact sheet writes it down (section 7a: evcc
 * {@code charger/phoenix-ev-eth.go} and its templates, dlm.energy's Phoenix-compatible set), plus the
 * registers only nymea's PhoenixConnect plugin names ({@code phoenixconnect/phoenixconnect-registers.json}).
 * Phoenix's own EV-ETH register document was not available; each entry names where it comes from.
 *
 * <p>Unit id 255. 32- and 64-bit values are LSW-first (a trace: energy {@code 06 25 00 00} = 1573 Wh);
 * text is ASCII, two characters per register. Coils (function 1 / 5) are listed for completeness: the
 * gateway's Modbus transport offers functions 3, 4, 6 and 16 only, so the driver cannot use them.
 */
enum PhoenixRegisters {
    // input registers, function 4
    CP_STATUS(Table.INPUT, 100, U16, "ASCII", Source.EVCC, "control pilot state: low byte 'A'..'F', high byte 0"),
    PROXIMITY_CURRENT(Table.INPUT, 101, U16, "A", Source.FACT_SHEET, "current capacity of the cable (PP): 13, 20, 32 or 63"),
    CHARGING_TIME(Table.INPUT, 102, U32, "s", Source.EVCC, "charging time; evcc dropped it as broken (#9694)"),
    DIP_SWITCHES(Table.INPUT, 104, U16, "bits", Source.NYMEA, "DIP switch configuration; may read wrong during start-up"),
    FIRMWARE(Table.INPUT, 105, 2, ByteOrder.LOW_FIRST, Source.EVCC, "firmware version (Phoenix firmware), bytes swapped"),
    ERROR_CODE(Table.INPUT, 107, U16, "code", Source.NYMEA,
            "error code, 0 none; 1..15 cable rejected, PP, CP, unavailable, locking, overload, meter, vehicle,"
                    + " contactor, CP diode, DC residual current"),
    VOLTAGE_L1(Table.INPUT, 108, S32, "V", Source.EVCC, "voltage L1; 0 without meter"),
    VOLTAGE_L2(Table.INPUT, 110, S32, "V", Source.EVCC, "voltage L2"),
    VOLTAGE_L3(Table.INPUT, 112, S32, "V", Source.EVCC, "voltage L3"),
    CURRENT_L1(Table.INPUT, 114, S32, "A", Source.EVCC, "current L1 (A per evcc and nymea; Bender's Phoenix emulation says mA)"),
    CURRENT_L2(Table.INPUT, 116, S32, "A", Source.EVCC, "current L2"),
    CURRENT_L3(Table.INPUT, 118, S32, "A", Source.EVCC, "current L3"),
    ACTIVE_POWER(Table.INPUT, 120, S32, "W", Source.EVCC, "active power, total; a few W below 0 at idle (nymea)"),
    METER_ENERGY(Table.INPUT, 128, U32, "Wh", Source.EVCC, "meter energy; the total of Phoenix firmware <= 1.11 (evcc)"),
    CHARGED_ENERGY(Table.INPUT, 132, U32, "Wh", Source.EVCC, "charged energy of the session"),
    WALLBE_FIRMWARE(Table.INPUT, 149, 6, ByteOrder.LOW_FIRST, Source.EVCC, "firmware version (Wallbe firmware), bytes swapped"),

    // coils, function 1 / 5
    ENABLE_CHARGING(Table.COIL, 400, Source.EVCC, "charging enabled: PWM on when all conditions hold; needs DIP switch 10 ON"),
    CARD_READER_ENABLED(Table.COIL, 419, Source.EVCC, "card reader enabled"),
    CHARGING_ALLOWED(Table.COIL, 436, Source.NYMEA, "charging allowed (read only)"),
    CHARGING_PAUSED(Table.COIL, 468, Source.NYMEA, "charging paused (Wallbe firmware)"),

    // holding registers, function 3 / 6
    SIGNALLED_CURRENT(Table.HOLDING, 300, U16, "0.1 A", Source.NYMEA, "charging current (read only); the EM-CP-PP-ETH's setpoint"),
    SERIAL_NUMBER(Table.HOLDING, 304, 6, ByteOrder.HIGH_FIRST, Source.NYMEA, "serial number"),
    DEVICE_NAME(Table.HOLDING, 310, 5, ByteOrder.HIGH_FIRST, Source.NYMEA, "device name"),
    MAX_CURRENT(Table.HOLDING, 528, U16, "A / 0.1 A", Source.EVCC,
            "max charging current (the setpoint): A with Phoenix firmware, 0.1 A with Wallbe firmware"),
    RFID_UID(Table.HOLDING, 606, 16, ByteOrder.HIGH_FIRST, Source.EVCC, "UID of the RFID card, may start with NULs"),
    TOTAL_ENERGY(Table.HOLDING, 904, U32, "Wh", Source.EVCC, "total energy (Phoenix firmware); u16 with Wallbe firmware"),
    TOTAL_ENERGY_WALLBE(Table.HOLDING, 2980, U64, "Wh", Source.EVCC, "total energy (Wallbe firmware)"),
    CHARGED_ENERGY_EXTENDED(Table.HOLDING, 3376, U64, "Wh", Source.EVCC, "charged energy, extended");

    /** The register table and its function codes. */
    enum Table {
        INPUT("4"), HOLDING("3 / 6"), COIL("1 / 5");

        private final String functionCodes;

        Table(String functionCodes) {
            this.functionCodes = functionCodes;
        }

        String functionCodes() {
            return functionCodes;
        }
    }

    /** Where an entry comes from. */
    enum Source {
        EVCC("fact sheet 7a; evcc charger/phoenix-ev-eth.go"),
        FACT_SHEET("fact sheet 7a"),
        NYMEA("nymea-plugins-modbus phoenixconnect/phoenixconnect-registers.json");

        private final String document;

        Source(String document) {
            this.document = document;
        }

        String document() {
            return document;
        }
    }

    static final WordOrder WORD_ORDER = WordOrder.LOW_FIRST;

    private final Table table;
    private final int address;
    private final RegisterType type;
    private final int count;
    private final ByteOrder textOrder;
    private final String unit;
    private final Source source;
    private final String meaning;

    PhoenixRegisters(Table table, int address, RegisterType type, String unit, Source source, String meaning) {
        this(table, address, type, type.count(), null, unit, source, meaning);
    }

    PhoenixRegisters(Table table, int address, int registers, ByteOrder textOrder, Source source, String meaning) {
        this(table, address, null, registers, textOrder, "text", source, meaning);
    }

    PhoenixRegisters(Table table, int address, Source source, String meaning) {
        this(table, address, null, 1, null, "bit", source, meaning);
    }

    private PhoenixRegisters(Table table, int address, RegisterType type, int count, ByteOrder textOrder, String unit,
            Source source, String meaning) {
        this.table = table;
        this.address = address;
        this.type = type;
        this.count = count;
        this.textOrder = textOrder;
        this.unit = unit;
        this.source = source;
        this.meaning = meaning;
    }

    Table table() {
        return table;
    }

    int address() {
        return address;
    }

    /** Registers (or coils) the value occupies. */
    int count() {
        return count;
    }

    boolean text() {
        return textOrder != null;
    }

    /** Only the setpoint and the coils take writes. */
    boolean writable() {
        return this == MAX_CURRENT || table == Table.COIL;
    }

    String unit() {
        return unit;
    }

    Source source() {
        return source;
    }

    String meaning() {
        return meaning;
    }

    /** The value at {@code offset} of words read from a range that holds this register. */
    double number(int[] words, int offset) {
        if (type == null) {
            throw new IllegalStateException(this + " is no number");
        }
        return type.decode(words, offset, WORD_ORDER);
    }

    /** An unsigned value (u16, u32) as read. */
    long raw(int[] words, int offset) {
        return (long) number(words, offset);
    }

    /**
     * The text at {@code offset}. NUL bytes in front are skipped (evcc: the card UID), the text ends at
     * the next NUL; non-printable characters come out as '?'.
     */
    String text(int[] words, int offset) {
        if (textOrder == null) {
            throw new IllegalStateException(this + " is no text");
        }
        byte[] bytes = new byte[2 * count];
        for (int i = 0; i < count; i++) {
            int word = words[offset + i];
            int first = textOrder == ByteOrder.HIGH_FIRST ? word >>> 8 : word;
            int second = textOrder == ByteOrder.HIGH_FIRST ? word : word >>> 8;
            bytes[2 * i] = (byte) first;
            bytes[2 * i + 1] = (byte) second;
        }
        int start = 0;
        while (start < bytes.length && bytes[start] == 0) {
            start++;
        }
        int[] shifted = new int[count];
        for (int i = start, word = 0; i < bytes.length; i += 2, word++) {
            int second = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
            shifted[word] = (bytes[i] & 0xFF) << 8 | second;
        }
        return RegisterText.decode(shifted, 0, count, ByteOrder.HIGH_FIRST);
    }

    /** The word to write with function 6; refuses read-only registers and values a u16 cannot hold. */
    int encode(long value) {
        if (this != MAX_CURRENT) {
            throw new IllegalStateException(this + " is not written with function 6");
        }
        return type.encode(value, WORD_ORDER)[0];
    }

    @Override
    public String toString() {
        return address + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
