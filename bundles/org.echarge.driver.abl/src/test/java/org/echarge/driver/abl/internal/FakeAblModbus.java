package org.echarge.driver.abl.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;

/**
 * An in-memory ABL register image as a {@link ModbusClient}. As on the box: function 3 of a seeded block with
 * exactly its length, anything else no answer (NOT_REACHABLE); function 16 of one register, recorded, and a
 * write to 0x0014 shows in the preset 0x0012; other functions exception 1. {@link #sleep()} makes the next
 * request go unanswered, like the box's sleeping interface.
 */
final class FakeAblModbus implements ModbusClient {

    record Write(int address, int value) {
        @Override
        public String toString() {
            return String.format("0x%04X=%d", address, value);
        }
    }

    private final Map<Integer, int[]> blocks = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<Integer> reads = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private boolean asleep;
    private boolean closed;

    /** A read block at its address, e.g. {@code seed(0x002E, 0x2EC2, 0x910B, 0x03E8, 0x03E8, 0x03E8)}. */
    FakeAblModbus seed(int address, int... words) {
        blocks.put(address, words.clone());
        return this;
    }

    /** Requests at this address fail with the exception until {@link #heal(int)}. */
    void fail(int address, ModbusException failure) {
        failures.put(address, failure);
    }

    void heal(int address) {
        failures.remove(address);
    }

    void sleep() {
        asleep = true;
    }

    List<Integer> reads() {
        return List.copyOf(reads);
    }

    List<Write> writes() {
        return List.copyOf(writes);
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
        answer(address);
        int[] block = blocks.get(address);
        if (block == null || block.length != count) {
            throw silence(address);
        }
        return block.clone();
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "exception response 1: function 4", 1);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "exception response 1: function 6", 1);
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        answer(address);
        if (values.length != 1) {
            throw new ModbusException(Kind.COMMUNICATION, "exception response 3: " + Arrays.toString(values), 3);
        }
        writes.add(new Write(address, values[0]));
        if (address == AblRegisters.SET_CURRENT.address() && blocks.containsKey(0x000F)) {
            blocks.get(0x000F)[3] = values[0];
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void answer(int address) throws ModbusException {
        if (asleep) {
            asleep = false;
            throw silence(address);
        }
        ModbusException failure = failures.get(address);
        if (failure != null) {
            throw failure;
        }
    }

    private static ModbusException silence(int address) {
        return new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms at " + address);
    }
}
