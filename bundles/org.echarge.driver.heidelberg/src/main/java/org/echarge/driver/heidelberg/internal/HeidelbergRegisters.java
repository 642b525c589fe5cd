package org.echarge.driver.heidelberg.internal;

import static org.echarge.driver.heidelberg.internal.HeidelbergLayout.V1_0_0;
import static org.echarge.driver.heidelberg.internal.HeidelbergLayout.V1_0_3;
import static org.echarge.driver.heidelberg.internal.HeidelbergLayout.V1_0_4;
import static org.echarge.driver.heidelberg.internal.HeidelbergLayout.V1_0_5;
import static org.echarge.driver.heidelberg.internal.HeidelbergLayout.V1_0_7;

import java.util.List;
import java.util.Locale;

import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the Heidelberg Energy Control, from Amperfied "ModBus-Register-Tabelle" of 2021-02-22 (linked and
 * written down in the project's charger fact sheet, section 3). Input registers are read with function 4, holding
 * registers with function 3 and written with function 16 (as evcc does); 32-bit values high word first. A register
 * exists from the layout version named ({@link HeidelbergLayout}). Scale converts the raw value into the gateway's
 * unit (A, W, Wh, degrees Celsius, s).
 */
enum HeidelbergRegisters {
    LAYOUT_VERSION(4, Table.INPUT, 1, 1, "hex", V1_0_0, "register-layout version, 0x0100 = 1.0.0"),
    CHARGING_STATE(5, Table.INPUT, 1, 1, "enum", V1_0_0, "2 A1, 3 A2, 4 B1, 5 B2, 6 C1, 7 C2, 8 derating, 9 E, 10 F, 11 error"),
    CURRENT_L1(6, Table.INPUT, 1, 0.1, "0.1 A", V1_0_0, "RMS current L1"),
    CURRENT_L2(7, Table.INPUT, 1, 0.1, "0.1 A", V1_0_0, "RMS current L2"),
    CURRENT_L3(8, Table.INPUT, 1, 0.1, "0.1 A", V1_0_0, "RMS current L3"),
    PCB_TEMPERATURE(9, Table.INPUT, RegisterType.S16, 0.1, "0.1 °C", V1_0_0, "PCB temperature, signed"),
    VOLTAGE_L1(10, Table.INPUT, 1, 1, "V", V1_0_0, "voltage L1 - N"),
    VOLTAGE_L2(11, Table.INPUT, 1, 1, "V", V1_0_0, "voltage L2 - N"),
    VOLTAGE_L3(12, Table.INPUT, 1, 1, "V", V1_0_0, "voltage L3 - N"),
    EXTERNAL_LOCK(13, Table.INPUT, 1, 1, "0/1", V1_0_0, "external lock input: 0 locked, 1 unlocked"),
    POWER(14, Table.INPUT, 1, 1, "VA", V1_0_4, "power L1 + L2 + L3 (VA, taken as W)"),
    ENERGY_SINCE_POWER_ON(15, Table.INPUT, RegisterType.U32, 1, "VAh", V1_0_4, "energy since power-on"),
    ENERGY_TOTAL(17, Table.INPUT, RegisterType.U32, 1, "VAh", V1_0_7, "energy since installation (VAh, taken as Wh)"),
    HARDWARE_MAX_CURRENT(100, Table.INPUT, 1, 1, "A", V1_0_0, "maximum current set with the DIP switches"),
    HARDWARE_MIN_CURRENT(101, Table.INPUT, 1, 1, "A", V1_0_0, "minimum current"),
    LOGISTIC_STRING(102, Table.INPUT, 32, 1, "text", V1_0_0, "logistic string (serial and part number), 2 chars per register"),
    HARDWARE_VARIANT(200, Table.INPUT, 1, 1, "-", V1_0_3, "hardware variant"),
    SOFTWARE_VERSION(203, Table.INPUT, 1, 1, "-", V1_0_5, "application software version"),

    WATCHDOG_TIMEOUT(257, Table.HOLDING, 1, 0.001, "ms", V1_0_0, "Modbus watchdog timeout; factory 15000, 0 = off"),
    STANDBY_CONTROL(258, Table.HOLDING, 1, 1, "enum", V1_0_0, "standby function; 4 = standby off"),
    REMOTE_LOCK(259, Table.HOLDING, 1, 1, "0/1", V1_0_0, "remote lock: 0 locked (state F), 1 unlocked"),
    MAX_CURRENT(261, Table.HOLDING, 1, 0.1, "0.1 A", V1_0_0, "maximum charging current: 0 (stop) or 60..160"),
    FAILSAFE_CURRENT(262, Table.HOLDING, 1, 0.1, "0.1 A", V1_0_0, "failsafe current");

    enum Table {
        /** Read with function 4; read-only. */
        INPUT,
        /** Read with function 3, written with function 16. */
        HOLDING
    }

    static final WordOrder WORD_ORDER = WordOrder.HIGH_FIRST;

    /** Read by every poll in one request, from 5 up to the last of them the box's layout has. */
    static final List<HeidelbergRegisters> POLLED = List.of(CHARGING_STATE, CURRENT_L1, CURRENT_L2, CURRENT_L3,
            PCB_TEMPERATURE, VOLTAGE_L1, VOLTAGE_L2, VOLTAGE_L3, EXTERNAL_LOCK, POWER, ENERGY_SINCE_POWER_ON,
            ENERGY_TOTAL);

    private final int address;
    private final Table table;
    private final RegisterType type;
    private final int count;
    private final double scale;
    private final String unit;
    private final HeidelbergLayout since;
    private final String meaning;

    /** A u16 value, or {@code count} registers of text. */
    HeidelbergRegisters(int address, Table table, int count, double scale, String unit, HeidelbergLayout since,
            String meaning) {
        this(address, table, RegisterType.U16, count, scale, unit, since, meaning);
    }

    HeidelbergRegisters(int address, Table table, RegisterType type, double scale, String unit,
            HeidelbergLayout since, String meaning) {
        this(address, table, type, type.count(), scale, unit, since, meaning);
    }

    HeidelbergRegisters(int address, Table table, RegisterType type, int count, double scale, String unit,
            HeidelbergLayout since, String meaning) {
        this.address = address;
        this.table = table;
        this.type = type;
        this.count = count;
        this.scale = scale;
        this.unit = unit;
        this.since = since;
        this.meaning = meaning;
    }

    int address() {
        return address;
    }

    Table table() {
        return table;
    }

    RegisterType type() {
        return type;
    }

    /** Number of registers the value occupies. */
    int count() {
        return count;
    }

    /** The raw unit as Amperfied documents it, e.g. {@code 0.1 A} or {@code VAh}. */
    String unit() {
        return unit;
    }

    /** The first layout that has this register. */
    HeidelbergLayout since() {
        return since;
    }

    String meaning() {
        return meaning;
    }

    boolean existsIn(HeidelbergLayout layout) {
        return layout.atLeast(since);
    }

    /** A raw value in the gateway's unit. */
    double scaled(long raw) {
        return raw * scale;
    }

    /** The u16 to write for a value in the gateway's unit; refuses values the register cannot hold. */
    int toRaw(double value) {
        if (table != Table.HOLDING) {
            throw new IllegalStateException(this + " is read-only");
        }
        return type.encode(value / scale, WORD_ORDER)[0];
    }

    /** Number of registers a poll reads from {@link #CHARGING_STATE} on, for a box with this layout. */
    static int polledCount(HeidelbergLayout layout) {
        int end = POLLED.stream().filter(register -> register.existsIn(layout))
                .mapToInt(register -> register.address + register.count).max().orElseThrow();
        return end - CHARGING_STATE.address;
    }

    @Override
    public String toString() {
        return address + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    /** Registers read in one request, starting at {@code start}. */
    record Block(int start, int[] words) {

        long raw(HeidelbergRegisters register) {
            return (long) register.type.decode(words, register.address - start, WORD_ORDER);
        }

        double value(HeidelbergRegisters register) {
            return register.scaled(raw(register));
        }
    }
}
