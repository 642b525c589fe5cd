package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;

import java.util.List;
import java.util.Optional;

import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Eastron SDM630 and SDM72D-M v2: input registers (function 4), every value one f32 over two registers,
 * high word first; energy in kWh. Fact sheet section 11.2. No model register: an SDM72D-M v1 (no currents,
 * no phase powers) answers the phase registers with an exception, which reads as a communication error.
 */
final class EastronRegisters {

    /** Eastron refuses reads of more than 80 registers (lamaplc.com, Eastron SDM Modbus page). */
    static final int MAX_BLOCK_REGISTERS = 80;

    private static final String SDM630 = "Eastron SDM630 Modbus register map (bg-etech.de SDM630Register.pdf, via"
            + " mbmd meters/rs485/sdm.go)";
    private static final String SDM72 = "Eastron SDM72D-M v2 = SDM630 map (evcc eastron-sdm72v2_630.yaml, mbmd"
            + " meters/rs485/sdm72v2.go)";
    private static final double KILO = 1000;

    static final MeterDefinition SDM630_METER = new MeterDefinition(
            new MeterModel("eastron-sdm630", "Eastron", "SDM630", MeterDefinition.RTU_OR_TCP_GATEWAY,
                    MeterDefinition.DEFAULT_TCP_PORT),
            new RegisterMap(FunctionCode.READ_INPUT_REGISTERS, MAX_BLOCK_REGISTERS, List.of(
                    f32(CURRENT_L1, 0x0006, 1, SDM630),        // 30007, A
                    f32(CURRENT_L2, 0x0008, 1, SDM630),        // 30009
                    f32(CURRENT_L3, 0x000A, 1, SDM630),        // 30011
                    f32(POWER_L1, 0x000C, 1, SDM630),          // 30013, W
                    f32(POWER_L2, 0x000E, 1, SDM630),          // 30015
                    f32(POWER_L3, 0x0010, 1, SDM630),          // 30017
                    f32(POWER_TOTAL, 0x0034, 1, SDM630),       // 30053, total system power
                    f32(ENERGY_TOTAL, 0x0048, KILO, SDM630),   // 30073, total import, kWh
                    f32(ENERGY_L1, 0x015A, KILO, SDM630),      // 30347, import L1, kWh (SDM630 only)
                    f32(ENERGY_L2, 0x015C, KILO, SDM630),
                    f32(ENERGY_L3, 0x015E, KILO, SDM630)),
                    Optional.empty()),
            1);

    static final MeterDefinition SDM72D_M_V2_METER = new MeterDefinition(
            new MeterModel("eastron-sdm72d-m-v2", "Eastron", "SDM72D-M v2", MeterDefinition.RTU_OR_TCP_GATEWAY,
                    MeterDefinition.DEFAULT_TCP_PORT),
            new RegisterMap(FunctionCode.READ_INPUT_REGISTERS, MAX_BLOCK_REGISTERS, List.of(
                    f32(CURRENT_L1, 0x0006, 1, SDM72),
                    f32(CURRENT_L2, 0x0008, 1, SDM72),
                    f32(CURRENT_L3, 0x000A, 1, SDM72),
                    f32(POWER_L1, 0x000C, 1, SDM72),
                    f32(POWER_L2, 0x000E, 1, SDM72),
                    f32(POWER_L3, 0x0010, 1, SDM72),
                    f32(POWER_TOTAL, 0x0034, 1, SDM72),
                    f32(ENERGY_TOTAL, 0x0048, KILO, SDM72)), // no energy per phase
                    Optional.empty()),
            1);

    private EastronRegisters() {
    }

    private static MeterRegister f32(Quantity quantity, int address, double scale, String reference) {
        return MeterRegister.of(quantity, address, RegisterType.F32, WordOrder.HIGH_FIRST, scale, reference);
    }
}
