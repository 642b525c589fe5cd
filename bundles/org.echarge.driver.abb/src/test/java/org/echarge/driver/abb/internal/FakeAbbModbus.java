package org.echarge.driver.abb.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;

/**
 * An in-memory Terra AC register image as a {@link ModbusClient}: function 3 reads seeded registers, a read touching
 * one that is not seeded is exception 2 (as on the box); 4100h..4109h take writes only (4100h only as one function-16
 * request of both words), and 4106h is read back at 4020h. Requests are recorded as {@code "fc:4008h+24"}, writes as
 * {@code "4100h=16000"} (the words of one request joined, high word first).
 */
final class FakeAbbModbus implements ModbusClient {

    private static final Set<Integer> WRITABLE = Set.of(0x4100, 0x4101, 0x4102, 0x4103, 0x4105, 0x4106, 0x4109);

    private final Map<Integer, Integer> registers = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private boolean closed;

    FakeAbbModbus words(int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            registers.put(address + i, words[i]);
        }
        return this;
    }

    FakeAbbModbus u32(int address, long value) {
        return words(address, (int) (value >>> 16 & 0xFFFF), (int) (value & 0xFFFF));
    }

    FakeAbbModbus u16(int address, int value) {
        return words(address, value);
    }

    /** The box has no such register (older firmware). */
    void remove(int address) {
        registers.remove(address);
    }

    /** Requests touching this address fail with the exception until {@link #heal(int)}. */
    void fail(int address, ModbusException failure) {
        failures.put(address, failure);
    }

    void heal(int address) {
        failures.remove(address);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> writes() {
        return List.copyOf(writes);
    }

    void forget() {
        requests.clear();
        writes.clear();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public int[] readHoldingRegisters(int address, int count) throws ModbusException {
        requests.add(String.format(Locale.ROOT, "3:%04Xh+%d", address, count));
        check(address, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            Integer word = registers.get(address + i);
            if (word == null) {
                throw new ModbusException(Kind.COMMUNICATION, "exception response 2 at " + (address + i), 2);
            }
            words[i] = word;
        }
        return words;
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        requests.add(String.format(Locale.ROOT, "4:%04Xh+%d", address, count));
        throw new ModbusException(Kind.COMMUNICATION, "the Terra AC has no input registers: exception 1", 1);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        requests.add(String.format(Locale.ROOT, "6:%04Xh+1", address));
        if (address == 0x4100 || address == 0x4101) {
            throw new ModbusException(Kind.COMMUNICATION, "4100h is a u32: function 16 only", 3);
        }
        write(address, value);
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        requests.add(String.format(Locale.ROOT, "16:%04Xh+%d", address, values.length));
        if ((address == 0x4100) != (values.length == 2)) {
            throw new ModbusException(Kind.COMMUNICATION, "4100h takes both words in one request", 3);
        }
        long joined = 0;
        for (int value : values) {
            joined = joined << 16 | value;
        }
        write(address, joined);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void write(int address, long value) throws ModbusException {
        check(address, 1);
        if (!WRITABLE.contains(address)) {
            throw new ModbusException(Kind.COMMUNICATION, "exception response 2 at " + address, 2);
        }
        writes.add(String.format(Locale.ROOT, "%04Xh=%d", address, value));
        if (address == 0x4106) {
            registers.put(0x4020, (int) value);
        }
    }

    private void check(int address, int count) throws ModbusException {
        for (int a = address; a < address + count; a++) {
            ModbusException failure = failures.get(a);
            if (failure != null) {
                throw failure;
            }
        }
    }
}
