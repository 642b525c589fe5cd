package org.echarge.driver.amtron.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterText;

/**
 * An in-memory AMTRON register image as a {@link ModbusClient}, written from the Mennekes document rather than from
 * the driver's table: reads with function 3 (or 4) of seeded registers only, else exception 2; function 6 only for
 * the one-register registers of section 9, function 16 only for the float 0x0302 as a whole; the heartbeat 0x0D00
 * is write-only. Floats are seeded high word first. Requests are recorded as {@code "3:0x0100+3"} or
 * {@code "6:0x0D00"}, writes as {@code "0x0D05=1"} or {@code "0x0302=16.0"}; written values land in the image,
 * except the heartbeat.
 */
final class FakeAmtronModbus implements ModbusClient {

    static final int HEARTBEAT = 0x0D00;
    static final int EM_CURRENT = 0x0302;
    private static final Set<Integer> SINGLE_WRITABLE = Set.of(HEARTBEAT, 0x0D03, 0x0D04, 0x0D05, 0x0D06);

    private final Map<Integer, Integer> registers = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private boolean closed;

    FakeAmtronModbus u16(int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            registers.put(address + i, words[i]);
        }
        return this;
    }

    /** One float per two registers, high word first. */
    FakeAmtronModbus f32(int address, double... values) {
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToIntBits((float) values[i]);
            u16(address + 2 * i, bits >>> 16, bits & 0xFFFF);
        }
        return this;
    }

    FakeAmtronModbus text(int address, String text) {
        return u16(address, RegisterText.encode(text, 8, RegisterText.ByteOrder.HIGH_FIRST));
    }

    /** The box lacks these registers (an older layout). */
    void remove(int address, int count) {
        for (int i = 0; i < count; i++) {
            registers.remove(address + i);
        }
    }

    int u16(int address) {
        return registers.get(address);
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
        return read(3, address, count);
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        return read(4, address, count);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        requests.add(String.format(Locale.ROOT, "6:0x%04X", address));
        checkFailures(address, 1);
        if (!SINGLE_WRITABLE.contains(address)) {
            throw exception(2, address);
        }
        writes.add(String.format(Locale.ROOT, "0x%04X=%d", address, value));
        if (address != HEARTBEAT) {
            registers.put(address, value);
        }
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        requests.add(String.format(Locale.ROOT, "16:0x%04X+%d", address, values.length));
        checkFailures(address, values.length);
        if (address != EM_CURRENT || values.length != 2) {
            throw exception(2, address);
        }
        float ampere = Float.intBitsToFloat(values[0] << 16 | values[1]);
        writes.add(String.format(Locale.ROOT, "0x%04X=%s", address, ampere));
        u16(address, values);
    }

    @Override
    public void close() {
        closed = true;
    }

    private int[] read(int function, int address, int count) throws ModbusException {
        requests.add(String.format(Locale.ROOT, "%d:0x%04X+%d", function, address, count));
        checkFailures(address, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            Integer word = registers.get(address + i);
            if (word == null) {
                throw exception(2, address + i);
            }
            words[i] = word;
        }
        return words;
    }

    private void checkFailures(int address, int count) throws ModbusException {
        for (int a = address; a < address + count; a++) {
            ModbusException failure = failures.get(a);
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static ModbusException exception(int code, int address) {
        return new ModbusException(Kind.COMMUNICATION,
                String.format(Locale.ROOT, "exception response %d at 0x%04X", code, address), code);
    }
}
