package org.echarge.driver.simulated.internal;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * Register map of the e-charge SIM-1 station, version 1 (bundles/org.echarge.sim/README.md).
 * Input registers are read in one block of {@link #INPUT_BLOCK_LENGTH} from address 0.
 */
enum SimulatedRegisters {
    MODEL_CODE(0, RegisterType.U16, 1),
    MAP_VERSION(1, RegisterType.U16, 1),
    SERIAL_NUMBER(2, 10),
    FIRMWARE_VERSION(12, 8),
    IEC_STATE(20, RegisterType.U16, 1),
    STATION_STATUS(21, RegisterType.U16, 1),
    ERROR_CODE(22, RegisterType.U16, 1),
    LIMIT_IN_FORCE(23, RegisterType.U16, 0.1),
    CURRENT_L1(24, RegisterType.U16, 0.001),
    CURRENT_L2(25, RegisterType.U16, 0.001),
    CURRENT_L3(26, RegisterType.U16, 0.001),
    POWER_TOTAL(30, RegisterType.U32, 1),
    POWER_L1(32, RegisterType.U16, 1),
    POWER_L2(33, RegisterType.U16, 1),
    POWER_L3(34, RegisterType.U16, 1),
    ENERGY_TOTAL(35, RegisterType.U32, 1),
    ENERGY_SESSION(37, RegisterType.U32, 1),
    TEMPERATURE(39, RegisterType.S16, 0.1),
    RFID(40, RegisterType.U32, 1),
    EVCCID(42, 8),

    /** Holding: current limit in 0.1 A, 0 = pause; every write feeds the watchdog. */
    CURRENT_LIMIT(100, RegisterType.U16, 0.1),
    /** Holding: 1 = charging enabled, 0 = paused. */
    ENABLE(101, RegisterType.U16, 1),
    /** Holding: write 1 to release the cable lock. */
    UNLOCK(104, RegisterType.U16, 1);

    static final int INPUT_BLOCK_LENGTH = 50;
    static final int EXPECTED_MODEL_CODE = 0xEC01;

    private final int address;
    private final RegisterType type;
    private final int textRegisters;
    private final double scale;

    SimulatedRegisters(int address, RegisterType type, double scale) {
        this.address = address;
        this.type = type;
        this.textRegisters = 0;
        this.scale = scale;
    }

    SimulatedRegisters(int address, int textRegisters) {
        this.address = address;
        this.type = null;
        this.textRegisters = textRegisters;
        this.scale = 1;
    }

    int address() {
        return address;
    }

    /** The value in its unit (A, W, Wh, °C) from a block read starting at address 0. */
    double value(int[] block) {
        return type.decode(block, address, WordOrder.HIGH_FIRST) * scale;
    }

    String text(int[] block) {
        return RegisterText.decode(block, address, textRegisters, RegisterText.ByteOrder.HIGH_FIRST);
    }

    /** The raw register value for a value in this register's unit. */
    int raw(double value) {
        return (int) Math.round(value / scale);
    }
}
