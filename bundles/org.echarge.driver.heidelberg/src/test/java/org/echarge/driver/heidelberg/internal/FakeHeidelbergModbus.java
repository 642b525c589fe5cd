package org.echarge.driver.heidelberg.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterText;

/**
 * An in-memory Energy Control register image as a {@link ModbusClient}: input registers only with function 4,
 * holding registers only with 3 and 16, a request touching a register that is not seeded is exception 2 (as on the
 * box). Requests are recorded as {@code "fc:address+count"}, writes as {@code "address=value"} and also land in
 * the image, so the next read sees them.
 */
final class FakeHeidelbergModbus implements ModbusClient {

    private final Map<Integer, Integer> input = new HashMap<>();
    private final Map<Integer, Integer> holding = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private boolean closed;

    FakeHeidelbergModbus input(int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            input.put(address + i, words[i]);
        }
        return this;
    }

    FakeHeidelbergModbus inputText(int address, int count, String text) {
        return input(address, RegisterText.encode(text, count, RegisterText.ByteOrder.HIGH_FIRST));
    }

    FakeHeidelbergModbus holding(int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            holding.put(address + i, words[i]);
        }
        return this;
    }

    /** The box no longer has this input register (an older layout). */
    void removeInput(int address) {
        input.remove(address);
    }

    int holdingValue(int address) {
        return holding.get(address);
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
        return read(3, holding, address, count);
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        return read(4, input, address, count);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "the driver writes with function 16, as evcc does", 1);
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        requests.add("16:" + address + "+" + values.length);
        check(holding, address, values.length);
        for (int i = 0; i < values.length; i++) {
            holding.put(address + i, values[i]);
            writes.add((address + i) + "=" + values[i]);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private int[] read(int function, Map<Integer, Integer> table, int address, int count) throws ModbusException {
        requests.add(function + ":" + address + "+" + count);
        check(table, address, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = table.get(address + i);
        }
        return words;
    }

    private void check(Map<Integer, Integer> table, int address, int count) throws ModbusException {
        for (int a = address; a < address + count; a++) {
            ModbusException failure = failures.get(a);
            if (failure != null) {
                throw failure;
            }
            if (!table.containsKey(a)) {
                throw new ModbusException(Kind.COMMUNICATION, "exception response 2 at " + a, 2);
            }
        }
    }
}
