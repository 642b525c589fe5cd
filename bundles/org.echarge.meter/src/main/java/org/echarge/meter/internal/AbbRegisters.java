package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;

import java.util.List;
import java.util.Optional;

import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * ABB B23 / B24: holding registers (function 3), scaled integers, high word first. Fact sheet section 11.3.
 * "Not available" is all-ones (unsigned) or 0x7FFF... (signed) and reads as not measured (mbmd abb.go).
 * The total energy is summed vectorially by the meter, so it is read, not added up from the phases.
 */
final class AbbRegisters {

    private static final String MANUAL = "ABB B-series manual (stark-elektronik Energiezaehler_B-Serie_Handbuch.pdf,"
            + " via mbmd meters/rs485/abb.go)";
    private static final String TYPE = "ABB type designation 0x8960 (Victron dbus-modbus-client abb.py)";

    /** Type designation, e.g. "B23 312-100": the first four characters name the model. */
    static final IdentityCheck TYPE_DESIGNATION = new IdentityCheck(0x8960, 2, "type designation", words -> {
        String type = RegisterText.decode(words, 0, 2, RegisterText.ByteOrder.HIGH_FIRST);
        return type.startsWith("B23") || type.startsWith("B24") ? Optional.empty()
                : Optional.of("the type designation at register 0x8960 is '" + type + "', not B23 or B24 (" + TYPE
                        + ")");
    });

    static final MeterDefinition B23_B24_METER = new MeterDefinition(
            new MeterModel("abb-b23-b24", "ABB", "B23 / B24", MeterDefinition.RTU_OR_TCP_GATEWAY,
                    MeterDefinition.DEFAULT_TCP_PORT),
            new RegisterMap(FunctionCode.READ_HOLDING_REGISTERS, RegisterBlock.MODBUS_MAX_REGISTERS, List.of(
                    abb(CURRENT_L1, 0x5B0C, RegisterType.U32, 0.01),   // 0.01 A
                    abb(CURRENT_L2, 0x5B0E, RegisterType.U32, 0.01),
                    abb(CURRENT_L3, 0x5B10, RegisterType.U32, 0.01),
                    abb(POWER_TOTAL, 0x5B14, RegisterType.S32, 0.01),  // 0.01 W
                    abb(POWER_L1, 0x5B16, RegisterType.S32, 0.01),
                    abb(POWER_L2, 0x5B18, RegisterType.S32, 0.01),
                    abb(POWER_L3, 0x5B1A, RegisterType.S32, 0.01),
                    abb(ENERGY_TOTAL, 0x5000, RegisterType.U64, 10),   // active import, 0.01 kWh
                    abb(ENERGY_L1, 0x5460, RegisterType.U64, 10),      // import L1, 0.01 kWh
                    abb(ENERGY_L2, 0x5464, RegisterType.U64, 10),
                    abb(ENERGY_L3, 0x5468, RegisterType.U64, 10)),
                    Optional.of(TYPE_DESIGNATION)),
            1);

    private AbbRegisters() {
    }

    private static MeterRegister abb(Quantity quantity, int address, RegisterType type, double scale) {
        return new MeterRegister(quantity, address, type, WordOrder.HIGH_FIRST, scale, true, MANUAL);
    }
}
