package org.echarge.driver.vestel.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * An in-memory Vestel register image behind one {@link ModbusClient}, seeded as the register table lays it out:
 * input registers (function 4) and holding registers (function 3, written with function 6) apart. A register never
 * seeded is refused with exception 2, as the box refuses unknown addresses and reads across gaps; so is a read of
 * the other table. Requests are recorded in order ({@code "4:1004+1"}, {@code "3:5004+1"}, {@code "6:6000=1"}).
 */
final class FakeVestelModbus implements ModbusClient {

    record Write(int address, int value, Instant at) {
        @Override
        public String toString() {
            return address + "=" + value;
        }
    }

    private final Clock clock;
    private final Map<Integer, Integer> input = new HashMap<>();
    private final Map<Integer, Integer> holding = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private boolean closed;

    FakeVestelModbus(Clock clock) {
        this.clock = clock;
    }

    FakeVestelModbus u16(int address, long value) {
        return put(input, address, RegisterType.U16.encode(value, WordOrder.HIGH_FIRST));
    }

    FakeVestelModbus u32(int address, long value) {
        return put(input, address, RegisterType.U32.encode(value, WordOrder.HIGH_FIRST));
    }

    /** Vestel's coding: one character per register. */
    FakeVestelModbus text(int address, int registers, String text) {
        int[] words = new int[registers];
        for (int i = 0; i < registers && i < text.length(); i++) {
            words[i] = text.charAt(i);
        }
        return put(input, address, words);
    }

    /** Another maker's coding: two characters per register. */
    FakeVestelModbus packedText(int address, int registers, String text) {
        return put(input, address, RegisterText.encode(text, registers, RegisterText.ByteOrder.HIGH_FIRST));
    }

    FakeVestelModbus holding(int address, int value) {
        return put(holding, address, new int[] {value});
    }

    FakeVestelModbus remove(int address, int registers) {
        for (int i = 0; i < registers; i++) {
            input.remove(address + i);
        }
        return this;
    }

    /** Requests that touch the address fail with the exception until {@link #heal}. */
    synchronized void fail(int address, ModbusException failure) {
        failures.put(address, failure);
    }

    synchronized void heal(int address) {
        failures.remove(address);
    }

    synchronized int holdingValue(int address) {
        return holding.get(address);
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized void forget() {
        requests.clear();
        writes.clear();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public synchronized int[] readHoldingRegisters(int address, int count) throws ModbusException {
        requests.add("3:" + address + "+" + count);
        return read(holding, address, count);
    }

    @Override
    public synchronized int[] readInputRegisters(int address, int count) throws ModbusException {
        requests.add("4:" + address + "+" + count);
        return read(input, address, count);
    }

    @Override
    public synchronized void writeRegister(int address, int value) throws ModbusException {
        requests.add("6:" + address + "=" + value);
        throwIfFailing(address, 1);
        if (!holding.containsKey(address)) {
            throw new ModbusException(Kind.COMMUNICATION, "exception response 2 writing " + address, 2);
        }
        holding.put(address, value);
        writes.add(new Write(address, value, clock.instant()));
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        throw new AssertionError("the driver writes single registers (function 6), not function 16 at " + address);
    }

    @Override
    public void close() {
        closed = true;
    }

    private synchronized FakeVestelModbus put(Map<Integer, Integer> table, int address, int[] words) {
        for (int i = 0; i < words.length; i++) {
            table.put(address + i, words[i]);
        }
        return this;
    }

    private int[] read(Map<Integer, Integer> table, int address, int count) throws ModbusException {
        throwIfFailing(address, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            Integer word = table.get(address + i);
            if (word == null) {
                throw new ModbusException(Kind.COMMUNICATION,
                        "exception response 2 reading " + count + " at " + address, 2);
            }
            words[i] = word;
        }
        return words;
    }

    private void throwIfFailing(int address, int count) throws ModbusException {
        for (int a = address; a < address + count; a++) {
            ModbusException failure = failures.get(a);
            if (failure != null) {
                throw failure;
            }
        }
    }
}
