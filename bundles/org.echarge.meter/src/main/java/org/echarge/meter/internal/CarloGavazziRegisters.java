package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;

import java.util.List;
import java.util.Optional;

import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Carlo Gavazzi EM340 (also ET340, EM330, ET330) and EM24 with RS485: input registers (function 4), s32
 * values with the low word first; 0.001 A, 0.1 W, 0.1 kWh. Fact sheet section 11.4. Both identify
 * themselves at register 0x000B, which must be read on its own.
 */
final class CarloGavazziRegisters {

    private static final String EM3X0 = "Carlo Gavazzi EM330_EM340_ET330_ET340_CP.pdf (via mbmd"
            + " meters/rs485/carlogavazzi-ex3x0.go)";
    private static final String EM24 = "Carlo Gavazzi em24_is_cp.pdf (via mbmd meters/rs485/carlogavazzi-em24.go)";
    /**
     * The fact sheet (after mbmd) has the EM24's total import at 0x0042, which is kWh(+) PARTIAL, a counter
     * the user can reset; kWh(+) TOT is 0x003E (evcc pull request 17173, Victron dbus-cgwacs).
     */
    private static final String EM24_TOTAL = "Carlo Gavazzi EM24 kWh(+) TOT 0x003E (evcc PR 17173, Victron dbus-cgwacs"
            + " ac_sensor_updater.cpp)";
    private static final String ID = "Carlo Gavazzi identification code 0x000B (EM21/EM24-DIN protocol table 2.6-1;"
            + " codes from Victron dbus-cgwacs ac_sensor.cpp and dbus-modbus-client carlo_gavazzi.py)";

    static final MeterDefinition EM340_METER = new MeterDefinition(
            new MeterModel("carlo-gavazzi-em340", "Carlo Gavazzi", "EM340 / ET340 / EM330",
                    MeterDefinition.RTU_OR_TCP_GATEWAY, MeterDefinition.DEFAULT_TCP_PORT),
            new RegisterMap(FunctionCode.READ_INPUT_REGISTERS, RegisterBlock.MODBUS_MAX_REGISTERS, List.of(
                    s32(CURRENT_L1, 0x000C, 0.001, EM3X0),
                    s32(CURRENT_L2, 0x000E, 0.001, EM3X0),
                    s32(CURRENT_L3, 0x0010, 0.001, EM3X0),
                    s32(POWER_L1, 0x0012, 0.1, EM3X0),
                    s32(POWER_L2, 0x0014, 0.1, EM3X0),
                    s32(POWER_L3, 0x0016, 0.1, EM3X0),
                    s32(POWER_TOTAL, 0x0028, 0.1, EM3X0),
                    s32(ENERGY_TOTAL, 0x0034, 100, EM3X0),   // kWh(+) TOT, 0.1 kWh
                    s32(ENERGY_L1, 0x0040, 100, EM3X0),
                    s32(ENERGY_L2, 0x0042, 100, EM3X0),
                    s32(ENERGY_L3, 0x0044, 100, EM3X0)),
                    Optional.of(identity("an EM/ET 330 or 340", 330, 348))),
            1);

    static final MeterDefinition EM24_METER = new MeterDefinition(
            new MeterModel("carlo-gavazzi-em24", "Carlo Gavazzi", "EM24 (RS485)", MeterDefinition.RTU_OR_TCP_GATEWAY,
                    MeterDefinition.DEFAULT_TCP_PORT),
            new RegisterMap(FunctionCode.READ_INPUT_REGISTERS, RegisterBlock.MODBUS_MAX_REGISTERS, List.of(
                    s32(CURRENT_L1, 0x000C, 0.001, EM24),
                    s32(CURRENT_L2, 0x000E, 0.001, EM24),
                    s32(CURRENT_L3, 0x0010, 0.001, EM24),
                    s32(POWER_L1, 0x0012, 0.1, EM24),
                    s32(POWER_L2, 0x0014, 0.1, EM24),
                    s32(POWER_L3, 0x0016, 0.1, EM24),
                    s32(POWER_TOTAL, 0x0028, 0.1, EM24),
                    s32(ENERGY_TOTAL, 0x003E, 100, EM24_TOTAL),
                    s32(ENERGY_L1, 0x0046, 100, EM24),
                    s32(ENERGY_L2, 0x0048, 100, EM24),
                    s32(ENERGY_L3, 0x004A, 100, EM24)),
                    Optional.of(identity("an EM24 with RS485", 71, 73))),
            1);

    private CarloGavazziRegisters() {
    }

    private static IdentityCheck identity(String expected, int first, int last) {
        return new IdentityCheck(0x000B, 1, "identification code", words -> {
            int code = words[0];
            return code >= first && code <= last ? Optional.empty()
                    : Optional.of("identification code " + code + " at register 0x000B is " + family(code) + ", not "
                            + expected + " (" + first + ".." + last + "; " + ID + ")");
        });
    }

    /** The Carlo Gavazzi families the sources name. */
    static String family(int code) {
        if (code >= 71 && code <= 73) {
            return "an EM24 with RS485";
        } else if (code >= 102 && code <= 121) {
            return "a single-phase EM/ET 1xx";
        } else if (code >= 330 && code <= 348) {
            return "an EM/ET 330 or 340";
        } else if (code >= 1648 && code <= 1653) {
            return "an EM24 with Ethernet (E1), whose register map is not the EM24 RS485 map";
        } else if (code >= 1744 && code <= 1763) {
            return "an EM530/EM540";
        }
        return "unknown";
    }

    private static MeterRegister s32(Quantity quantity, int address, double scale, String reference) {
        return MeterRegister.of(quantity, address, RegisterType.S32, WordOrder.LOW_FIRST, scale, reference);
    }
}
