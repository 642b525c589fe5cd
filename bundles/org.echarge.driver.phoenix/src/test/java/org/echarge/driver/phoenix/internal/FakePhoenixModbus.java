package org.echarge.driver.phoenix.internal;

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
 * An in-memory EV-ETH register image, seeded as the fact sheet lays the registers out: input registers
 * (function 4) and holding registers (function 3) are separate tables, 32/64-bit values LSW-first.
 * Registers never seeded read 0. Only 528 is writable, with function 6; any other write is exception 2.
 * Reads are recorded as {@code 4:100+8} / {@code 3:528+1}, writes as {@code 528=16}.
 */
final class FakePhoenixModbus implements ModbusClient {

    private final Map<Integer, Integer> input = new HashMap<>();
    private final Map<Integer, Integer> holding = new HashMap<>();
    private final Map<String, ModbusException> failures = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private boolean closed;
    private Integer settingCap;
    private final Map<Integer, Boolean> coils = new HashMap<>(Map.of(400, true, 419, false));

    FakePhoenixModbus input(int address, int... words) {
        return put(input, address, words);
    }

    FakePhoenixModbus holding(int address, int... words) {
        return put(holding, address, words);
    }

    FakePhoenixModbus inputS32(int address, long value) {
        return input(address, RegisterType.S32.encode(value, WordOrder.LOW_FIRST));
    }

    FakePhoenixModbus holdingU32(int address, long value) {
        return holding(address, RegisterType.U32.encode(value, WordOrder.LOW_FIRST));
    }

    FakePhoenixModbus holdingU64(int address, long value) {
        return holding(address, RegisterType.U64.encode(value, WordOrder.LOW_FIRST));
    }

    FakePhoenixModbus inputText(int address, int registers, String text, RegisterText.ByteOrder order) {
        return input(address, RegisterText.encode(text, registers, order));
    }

    FakePhoenixModbus holdingText(int address, int registers, String text, RegisterText.ByteOrder order) {
        return holding(address, RegisterText.encode(text, registers, order));
    }

    /** Requests touching the address fail: reads of {@code "input"} or {@code "holding"} registers, or {@code "write"}s. */
    FakePhoenixModbus fail(String table, int address, ModbusException failure) {
        failures.put(table + address, failure);
        return this;
    }

    void heal(String table, int address) {
        failures.remove(table + address);
    }

    /** 528 takes writes but keeps at most this value, as a controller that caps at its DIP-switch maximum would. */
    FakePhoenixModbus capSetting(int highest) {
        settingCap = highest;
        return this;
    }

    List<String> reads() {
        return List.copyOf(reads);
    }

    List<String> writes() {
        return List.copyOf(writes);
    }

    int holdingWord(int address) {
        return holding.getOrDefault(address, 0);
    }

    void forget() {
        reads.clear();
        writes.clear();
    }

    boolean closed() {
        return closed;
    }

    static ModbusException exception(int code) {
        return new ModbusException(Kind.COMMUNICATION, "exception response " + code, code);
    }

    static ModbusException timeout() {
        return new ModbusException(Kind.NOT_REACHABLE, "no answer within 2000 ms");
    }

    FakePhoenixModbus coil(int address, boolean value) {
        coils.put(address, value);
        return this;
    }

    boolean coil(int address) {
        return coils.get(address);
    }

    @Override
    public boolean[] readCoils(int address, int count) throws ModbusException {
        reads.add("1:" + address + "+" + count);
        throwIfFailing("coil", address, count);
        boolean[] values = new boolean[count];
        for (int i = 0; i < count; i++) {
            Boolean value = coils.get(address + i);
            if (value == null) {
                throw exception(2);
            }
            values[i] = value;
        }
        return values;
    }

    @Override
    public void writeCoil(int address, boolean value) throws ModbusException {
        throwIfFailing("write", address, 1);
        if (address != 400 && address != 419) {
            throw exception(2);
        }
        writes.add("5:" + address + "=" + (value ? 1 : 0));
        coils.put(address, value);
    }

    @Override
    public int[] readHoldingRegisters(int address, int count) throws ModbusException {
        reads.add("3:" + address + "+" + count);
        return read("holding", holding, address, count);
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        reads.add("4:" + address + "+" + count);
        return read("input", input, address, count);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        throwIfFailing("write", address, 1);
        if (address != 528) {
            throw exception(2);
        }
        writes.add(address + "=" + value);
        holding.put(address, settingCap == null ? value : Math.min(value, settingCap));
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        throw exception(1); // the driver writes 528 with function 6, as evcc does
    }

    @Override
    public void close() {
        closed = true;
    }

    private int[] read(String table, Map<Integer, Integer> image, int address, int count) throws ModbusException {
        throwIfFailing(table, address, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = image.getOrDefault(address + i, 0);
        }
        return words;
    }

    private void throwIfFailing(String table, int address, int count) throws ModbusException {
        for (int a = address; a < address + count; a++) {
            ModbusException failure = failures.get(table + a);
            if (failure != null) {
                throw failure;
            }
        }
    }

    private FakePhoenixModbus put(Map<Integer, Integer> image, int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            image.put(address + i, words[i]);
        }
        return this;
    }
}
