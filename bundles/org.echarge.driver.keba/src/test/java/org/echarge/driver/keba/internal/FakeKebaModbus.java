package org.echarge.driver.keba.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * An in-memory KEBA register image as a {@link ModbusClient}: u32 values read with function 3, one
 * value per request (anything else is exception 2, as on the station), writes recorded with the time.
 */
final class FakeKebaModbus implements ModbusClient {

    record Write(int address, int value, Instant at) {
        @Override
        public String toString() {
            return address + "=" + value;
        }
    }

    private final Clock clock;
    private final Map<Integer, Long> values = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<Integer> reads = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private boolean closed;

    FakeKebaModbus(Clock clock) {
        this.clock = clock;
    }

    FakeKebaModbus seed(int address, long u32) {
        values.put(address, u32);
        return this;
    }

    /** Requests at this address fail with the exception until {@link #heal(int)}. */
    void fail(int address, ModbusException failure) {
        failures.put(address, failure);
    }

    void heal(int address) {
        failures.remove(address);
    }

    List<Integer> reads() {
        return List.copyOf(reads);
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    List<Write> writesTo(int address) {
        return writes.stream().filter(w -> w.address() == address).toList();
    }

    void forget() {
        reads.clear();
        writes.clear();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public int[] readHoldingRegisters(int address, int count) throws ModbusException {
        reads.add(address);
        throwIfFailing(address);
        Long value = values.get(address);
        if (count != 2 || value == null) {
            throw new ModbusException(Kind.COMMUNICATION, "exception response 2 reading " + count + " at " + address, 2);
        }
        return RegisterType.U32.encode(value, WordOrder.HIGH_FIRST);
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "exception response 1: KEBA has no input registers", 1);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        throwIfFailing(address);
        writes.add(new Write(address, value, clock.instant()));
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "exception response 1: KEBA takes function 6 only", 1);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void throwIfFailing(int address) throws ModbusException {
        ModbusException failure = failures.get(address);
        if (failure != null) {
            throw failure;
        }
    }
}
