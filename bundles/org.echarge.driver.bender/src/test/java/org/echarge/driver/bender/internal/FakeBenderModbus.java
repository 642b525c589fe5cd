package org.echarge.driver.bender.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * An in-memory Bender register image as a {@link ModbusClient}, seeded as the fact sheet lays the
 * registers out. A read of any contiguous range of seeded registers works (function 3); a read that
 * touches a register never seeded is exception 2, as a controller refuses registers its firmware lacks
 * (legacy firmware has no 142, only the 4You family has 1002). Writes (function 16) land in the image
 * and are recorded with the time; only the seeded registers 1000..1002 are writable.
 */
final class FakeBenderModbus implements ModbusClient {

    record Write(int address, int value, Instant at) {
        @Override
        public String toString() {
            return address + "=" + value;
        }
    }

    private final Clock clock;
    private final Map<Integer, Integer> words = new HashMap<>();
    private final Map<Integer, Deque<Integer>> glitches = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private boolean closed;

    FakeBenderModbus(Clock clock) {
        this.clock = clock;
    }

    FakeBenderModbus u16(int address, long value) {
        return put(address, RegisterType.U16.encode(value, WordOrder.HIGH_FIRST));
    }

    FakeBenderModbus u32(int address, long value) {
        return put(address, RegisterType.U32.encode(value, WordOrder.HIGH_FIRST));
    }

    FakeBenderModbus text(int address, int registers, String text) {
        return put(address, RegisterText.encode(text, registers, RegisterText.ByteOrder.HIGH_FIRST));
    }

    FakeBenderModbus put(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            words.put(address + i, values[i]);
        }
        return this;
    }

    /** The register is no longer there: reads touching it are refused. */
    FakeBenderModbus remove(int address, int registers) {
        for (int i = 0; i < registers; i++) {
            words.remove(address + i);
        }
        return this;
    }

    /** The next reads touching this u32 see these values, one per read, then the seeded one again. */
    FakeBenderModbus glitchU32(int address, long... values) {
        Deque<Integer> high = glitches.computeIfAbsent(address, a -> new ArrayDeque<>());
        Deque<Integer> low = glitches.computeIfAbsent(address + 1, a -> new ArrayDeque<>());
        for (long value : values) {
            int[] encoded = RegisterType.U32.encode(value, WordOrder.HIGH_FIRST);
            high.add(encoded[0]);
            low.add(encoded[1]);
        }
        return this;
    }

    /** Requests that touch the address fail with the exception until {@link #heal(int)}. */
    void fail(int address, ModbusException failure) {
        failures.put(address, failure);
    }

    void heal(int address) {
        failures.remove(address);
    }

    /** Reads as "address+count". */
    List<String> reads() {
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
        reads.add(address + "+" + count);
        throwIfFailing(address, count);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            Integer word = words.get(address + i);
            if (word == null) {
                throw new ModbusException(Kind.COMMUNICATION, "exception response 2 reading " + address + "+" + count, 2);
            }
            result[i] = word;
        }
        for (int i = 0; i < count; i++) {
            Deque<Integer> glitch = glitches.get(address + i);
            if (glitch != null && !glitch.isEmpty()) {
                result[i] = glitch.poll();
            }
        }
        return result;
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "exception response 1: Bender has holding registers only", 1);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        throw new ModbusException(Kind.COMMUNICATION, "the driver writes with function 16, as evcc", 1);
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        throwIfFailing(address, values.length);
        if (values.length != 1 || address < 1000 || address > 1002 || !words.containsKey(address)) {
            throw new ModbusException(Kind.COMMUNICATION,
                    "exception response 2 writing " + values.length + " at " + address, 2);
        }
        writes.add(new Write(address, values[0], clock.instant()));
        words.put(address, values[0]);
    }

    @Override
    public void close() {
        closed = true;
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
