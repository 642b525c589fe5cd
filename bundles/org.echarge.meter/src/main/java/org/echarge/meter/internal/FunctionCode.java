package org.echarge.meter.internal;

import java.util.Arrays;
import java.util.Optional;

import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;

/** The Modbus function a meter's values are read with. */
enum FunctionCode {
    READ_HOLDING_REGISTERS(3),
    READ_INPUT_REGISTERS(4);

    private final int code;

    FunctionCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Optional<FunctionCode> of(int code) {
        return Arrays.stream(values()).filter(f -> f.code == code).findFirst();
    }

    int[] read(ModbusClient modbus, int address, int count) throws ModbusException {
        return this == READ_HOLDING_REGISTERS ? modbus.readHoldingRegisters(address, count)
                : modbus.readInputRegisters(address, count);
    }
}
