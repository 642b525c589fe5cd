package org.echarge.knx;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The KNX datapoint types of the gateway's group objects (group-objects.csv). Values on the gateway
 * side are in A, W, Wh, °C and s whatever unit the type has on the bus: the gateway value is the
 * bus value with the decimal point moved {@link #decimalShift()} places to the right.
 */
public enum KnxDatapoint {
    SWITCH("1.001", Kind.BOOLEAN, "", 0),
    BOOL("1.002", Kind.BOOLEAN, "", 0),
    START("1.010", Kind.BOOLEAN, "", 0),
    STATE("1.011", Kind.BOOLEAN, "", 0),
    TRIGGER("1.017", Kind.BOOLEAN, "", 0),
    /** Charging point state code (object 50). */
    UNSIGNED_COUNT("5.010", Kind.INTEGER, "", 0),
    /** 2-byte unsigned mA. */
    CURRENT_MILLIAMPERE_U16("7.012", Kind.QUANTITY, "A", -3),
    /** 2-byte float °C. */
    TEMPERATURE_F16("9.001", Kind.QUANTITY, "°C", 0),
    /** 2-byte float mA. */
    CURRENT_MILLIAMPERE_F16("9.021", Kind.QUANTITY, "A", -3),
    /** 2-byte float kW. */
    POWER_KILOWATT_F16("9.024", Kind.QUANTITY, "W", 3),
    /** Hour, minute, second; sent without day of week. */
    TIME_OF_DAY("10.001", Kind.TIME_OF_DAY, "", 0),
    /** 4-byte signed Wh. */
    ENERGY_WATT_HOUR_S32("13.010", Kind.QUANTITY, "Wh", 0),
    /** 4-byte signed kWh. */
    ENERGY_KILOWATT_HOUR_S32("13.013", Kind.QUANTITY, "Wh", 3),
    /** 4-byte signed s. */
    DURATION_SECONDS_S32("13.100", Kind.INTEGER, "s", 0),
    /** 4-byte IEEE float A. */
    CURRENT_AMPERE_F32("14.019", Kind.QUANTITY, "A", 0),
    /** 4-byte IEEE float W. */
    POWER_WATT_F32("14.056", Kind.QUANTITY, "W", 0),
    /** ISO 8859-1 text of at most 14 characters, padded with NUL. */
    TEXT_LATIN1("16.001", Kind.TEXT, "", 0);

    /** How a type's values look on the gateway side, and the Java type that carries them. */
    public enum Kind {
        BOOLEAN(Boolean.class),
        /** Whole numbers ({@link Long}; encoding also takes Integer, Short, Byte). */
        INTEGER(Long.class),
        /** Measurements ({@link Double}; encoding takes any Number), rounded to the bus resolution. */
        QUANTITY(Double.class),
        TIME_OF_DAY(LocalTime.class),
        TEXT(String.class);

        private final Class<?> javaType;

        Kind(Class<?> javaType) {
            this.javaType = javaType;
        }

        public Class<?> javaType() {
            return javaType;
        }
    }

    private final String id;
    private final Kind kind;
    private final String unit;
    private final int decimalShift;

    KnxDatapoint(String id, Kind kind, String unit, int decimalShift) {
        this.id = id;
        this.kind = kind;
        this.unit = unit;
        this.decimalShift = decimalShift;
    }

    /** The datapoint type ID, e.g. {@code "9.021"}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The gateway-side unit of the values ("" for none). */
    public String unit() {
        return unit;
    }

    /** Gateway value = bus value × 10^decimalShift (e.g. -3 for mA on the bus and A in the gateway). */
    public int decimalShift() {
        return decimalShift;
    }

    /** The type with this ID, e.g. for the IDs in configurations. */
    public static Optional<KnxDatapoint> ofId(String id) {
        return Arrays.stream(values()).filter(dp -> dp.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return "DPT " + id;
    }
}
