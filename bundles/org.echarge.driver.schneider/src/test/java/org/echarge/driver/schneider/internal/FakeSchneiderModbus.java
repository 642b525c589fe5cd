package org.echarge.driver.schneider.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * An in-memory EVlink Pro AC register image as a {@link ModbusClient}, seeded as the register table lays the
 * registers out (low word first). Like the station: registers 1, 150, 1150 and 1212..1214 exist on their own,
 * 2999..3222 and 4000..4079 are reserved blocks whose unseeded registers read 0xFFFF, and a read touching
 * anything else is exception 2. Writable with function 6 or 16 are 4000, 4001 and 4004; writes land in the
 * image and are recorded with the time. No station logic: tests seed what the station would show.
 */
final class FakeSchneiderModbus implements ModbusClient {

    record Write(int address, int value, Instant at) {
        @Override
        public String toString() {
            return address + "=" + value;
        }
    }

    private static final Set<Integer> SINGLES = Set.of(1, 150, 1150, 1212, 1213, 1214);
    private static final Set<Integer> WRITABLE = Set.of(4000, 4001, 4004);

    private final Clock clock;
    private final Map<Integer, Integer> words = new HashMap<>();
    private final Map<Integer, ModbusException> failures = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private boolean closed;

    FakeSchneiderModbus(Clock clock) {
        this.clock = clock;
    }

    static boolean mapped(int address) {
        return SINGLES.contains(address) || address >= 2999 && address <= 3222 || address >= 4000 && address <= 4079;
    }

    FakeSchneiderModbus u16(int address, long value) {
        return put(address, RegisterType.U16.encode(value, WordOrder.LOW_FIRST));
    }

    FakeSchneiderModbus u32(int address, long value) {
        return put(address, RegisterType.U32.encode(value, WordOrder.LOW_FIRST));
    }

    FakeSchneiderModbus u64(int address, long value) {
        return put(address, RegisterType.U64.encode(value, WordOrder.LOW_FIRST));
    }

    FakeSchneiderModbus f32(int address, double value) {
        return put(address, RegisterType.F32.encode(value, WordOrder.LOW_FIRST));
    }

    FakeSchneiderModbus text(int address, int registers, String text, RegisterText.ByteOrder order) {
        return put(address, RegisterText.encode(text, registers, order));
    }

    /** Back to 0xFFFF, the station's "unmapped". */
    FakeSchneiderModbus unavailable(int address, int registers) {
        for (int i = 0; i < registers; i++) {
            words.remove(address + i);
        }
        return this;
    }

    FakeSchneiderModbus put(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            if (!mapped(address + i)) {
                throw new IllegalArgumentException("the station has no register " + (address + i));
            }
            words.put(address + i, values[i]);
        }
        return this;
    }

    /** Requests touching this address fail with the exception until {@link #heal(int)}. */
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

    /** Reads ("address+count") and writes ("address=value") in the order they came. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    List<Write> writesTo(int address) {
        return writes.stream().filter(w -> w.address() == address).toList();
    }

    void forget() {
        reads.clear();
        requests.clear();
        writes.clear();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public int[] readHoldingRegisters(int address, int count) throws ModbusException {
        reads.add(address + "+" + count);
        requests.add(address + "+" + count);
        throwIfFailing(address, count);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            if (!mapped(address + i)) {
                throw new ModbusException(Kind.COMMUNICATION, "exception response 2 reading " + count + " at " + address,
                        2);
            }
            result[i] = words.getOrDefault(address + i, 0xFFFF);
        }
        return result;
    }

    /** The station answers function 4 like function 3 (other integrators read with it). */
    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        return readHoldingRegisters(address, count);
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        writeRegisters(address, value);
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        throwIfFailing(address, values.length);
        if (values.length != 1 || !WRITABLE.contains(address)) {
            throw new ModbusException(Kind.COMMUNICATION,
                    "exception response 2 writing " + values.length + " at " + address, 2);
        }
        writes.add(new Write(address, values[0], clock.instant()));
        requests.add(address + "=" + values[0]);
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
