package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;

import java.util.List;
import java.util.Optional;

import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Janitza B23 (the Modbus variant B23-312; UMG 96 family in its 19000 block): holding registers
 * (function 3), f32 high word first; A, W, Wh. Fact sheet section 11.5. No model register in the sources.
 */
final class JanitzaRegisters {

    private static final String MANUAL = "Janitza MID Energy Meters product manual, B-series (via mbmd"
            + " meters/rs485/janitza.go and evcc janitza.yaml; fact sheet 11.5)";

    static final MeterDefinition B23_METER = new MeterDefinition(
            new MeterModel("janitza-b23", "Janitza", "B23-312", MeterDefinition.RTU_OR_TCP_GATEWAY,
                    MeterDefinition.DEFAULT_TCP_PORT),
            new RegisterMap(FunctionCode.READ_HOLDING_REGISTERS, RegisterBlock.MODBUS_MAX_REGISTERS, List.of(
                    f32(CURRENT_L1, 0x4A44),     // 19012, A
                    f32(CURRENT_L2, 0x4A46),     // 19014
                    f32(CURRENT_L3, 0x4A48),     // 19016
                    f32(POWER_L1, 0x4A4C),       // 19020, W
                    f32(POWER_L2, 0x4A4E),       // 19022
                    f32(POWER_L3, 0x4A50),       // 19024
                    f32(POWER_TOTAL, 0x4A52),    // 19026
                    f32(ENERGY_L1, 0x4A76),      // 19062, import, Wh
                    f32(ENERGY_L2, 0x4A78),      // 19064
                    f32(ENERGY_L3, 0x4A7A),      // 19066
                    f32(ENERGY_TOTAL, 0x4A7C)),  // 19068
                    Optional.empty()),
            1);

    private JanitzaRegisters() {
    }

    private static MeterRegister f32(Quantity quantity, int address) {
        return MeterRegister.of(quantity, address, RegisterType.F32, WordOrder.HIGH_FIRST, 1, MANUAL);
    }
}
