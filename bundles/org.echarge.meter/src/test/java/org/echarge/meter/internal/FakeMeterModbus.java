package org.echarge.meter.internal;

import java.util.ArrayList;
import java.util.List;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * A meter as a {@link ModbusClient}: reads of registers outside its {@link RegisterImage} or longer than its
 * request limit are answered with exception 2 (illegal data address) and 3 (illegal data value), as meters do.
 * Records each request as "function:address+count".
 */
final class FakeMeterModbus implements ModbusClient {

    final RegisterImage image = new RegisterImage();
    private final int maxRegisters;
    private final List<String> requests = new ArrayList<>();
    private ModbusException failure;
    private boolean closed;

    FakeMeterModbus(int maxRegisters) {
        this.maxRegisters = maxRegisters;
    }

    FakeMeterModbus() {
        this(RegisterBlock.MODBUS_MAX_REGISTERS);
    }

    FakeMeterModbus input(int address, RegisterType type, WordOrder order, double value) {
        image.input(address, type, order, value);
        return this;
    }

    FakeMeterModbus holding(int address, RegisterType type, WordOrder order, double value) {
        image.holding(address, type, order, value);
        return this;
    }

    FakeMeterModbus words(FunctionCode function, int address, int... words) {
        image.words(function, address, words);
        return this;
    }

    /** Every request fails with this until {@link #heal()}. */
    void fail(ModbusException failure) {
        this.failure = failure;
    }

    void heal() {
        failure = null;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    void forget() {
        requests.clear();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public int[] readHoldingRegisters(int address, int count) throws ModbusException {
        return read(FunctionCode.READ_HOLDING_REGISTERS, address, count);
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        return read(FunctionCode.READ_INPUT_REGISTERS, address, count);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "exception response 1: a meter is read only", 1);
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "exception response 1: a meter is read only", 1);
    }

    @Override
    public void close() {
        closed = true;
    }

    private int[] read(FunctionCode function, int address, int count) throws ModbusException {
        requests.add(function.code() + ":" + address + "+" + count);
        if (failure != null) {
            throw failure;
        }
        if (count > maxRegisters) {
            throw new ModbusException(Kind.COMMUNICATION, "exception response 3 (illegal data value)", 3);
        }
        return image.read(function, address, count).orElseThrow(() -> new ModbusException(Kind.COMMUNICATION,
                "exception response 2 (illegal data address)", 2));
    }
}
