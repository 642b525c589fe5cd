package org.echarge.driver.alfen.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * An in-memory Alfen register image, one {@link ModbusClient} per unit id, seeded as Alfen's document
 * lays the registers out. Registers never seeded read 0xFFFF (Alfen's "reserved or unavailable").
 * Reads of any contiguous range (function 3); writes land in the image and are recorded with the time.
 * Writable are only 1210 (two registers in one function-16 request) and 1215 (one register); anything
 * else, and 1210 written with function 6, is exception 2 as on the station.
 */
final class FakeAlfenModbus {

    record Read(int unit, int address, int count) {
        @Override
        public String toString() {
            return unit + ":" + address + "+" + count;
        }
    }

    record Write(int unit, int address, List<Integer> words, Instant at) {
        float float32() {
            return (float) RegisterType.F32.decode(words.stream().mapToInt(Integer::intValue).toArray(), 0,
                    WordOrder.HIGH_FIRST);
        }

        @Override
        public String toString() {
            return unit + ":" + address + "=" + (words.size() == 2 ? Float.toString(float32()) : words.toString());
        }
    }

    /** Address and number of registers of the values a master may write. */
    private static final Map<Integer, Integer> WRITABLE = Map.of(1210, 2, 1215, 1);
    private static final Set<Integer> UNITS = Set.of(1, 2, 200);

    private final Clock clock;
    private final Map<Integer, Unit> units = new HashMap<>();
    private final Map<List<Integer>, ModbusException> failures = new HashMap<>();
    private final List<Read> reads = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();

    FakeAlfenModbus(Clock clock) {
        this.clock = clock;
    }

    Unit station() {
        return unit(200);
    }

    Unit socket(int number) {
        return unit(number);
    }

    synchronized Unit unit(int id) {
        if (!UNITS.contains(id)) {
            throw new IllegalArgumentException("Alfen answers at unit ids 1, 2 and 200, not " + id);
        }
        return units.computeIfAbsent(id, Unit::new);
    }

    /** Requests of this unit that touch the address fail with the exception until {@link #heal}. */
    synchronized void fail(int unit, int address, ModbusException failure) {
        failures.put(List.of(unit, address), failure);
    }

    synchronized void heal(int unit, int address) {
        failures.remove(List.of(unit, address));
    }

    synchronized List<Read> reads() {
        return List.copyOf(reads);
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The setpoints written to 1210 of a socket unit, as the station decodes them. */
    synchronized List<Float> setpoints(int unit) {
        return writes.stream().filter(w -> w.unit() == unit && w.address() == 1210).map(Write::float32).toList();
    }

    synchronized void forget() {
        reads.clear();
        writes.clear();
    }

    private synchronized void throwIfFailing(int unit, int address, int count) throws ModbusException {
        for (int a = address; a < address + count; a++) {
            ModbusException failure = failures.get(List.of(unit, a));
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** One unit id: its registers and its client. */
    final class Unit implements ModbusClient {
        private final int id;
        private final Map<Integer, Integer> words = new HashMap<>();
        private boolean closed;

        private Unit(int id) {
            this.id = id;
        }

        Unit u16(int address, long value) {
            return put(address, RegisterType.U16.encode(value, WordOrder.HIGH_FIRST));
        }

        Unit s16(int address, long value) {
            return put(address, RegisterType.S16.encode(value, WordOrder.HIGH_FIRST));
        }

        Unit u32(int address, long value) {
            return put(address, RegisterType.U32.encode(value, WordOrder.HIGH_FIRST));
        }

        Unit f32(int address, double value) {
            return put(address, RegisterType.F32.encode(value, WordOrder.HIGH_FIRST));
        }

        Unit f64(int address, double value) {
            return put(address, RegisterType.F64.encode(value, WordOrder.HIGH_FIRST));
        }

        Unit text(int address, int registers, String text) {
            return put(address, RegisterText.encode(text, registers, RegisterText.ByteOrder.HIGH_FIRST));
        }

        /** Back to 0xFFFF, Alfen's "unavailable". */
        Unit unavailable(int address, int registers) {
            for (int i = 0; i < registers; i++) {
                words.remove(address + i);
            }
            return this;
        }

        Unit put(int address, int... values) {
            synchronized (FakeAlfenModbus.this) {
                for (int i = 0; i < values.length; i++) {
                    words.put(address + i, values[i]);
                }
            }
            return this;
        }

        boolean closed() {
            return closed;
        }

        @Override
        public int[] readHoldingRegisters(int address, int count) throws ModbusException {
            synchronized (FakeAlfenModbus.this) {
                reads.add(new Read(id, address, count));
                throwIfFailing(id, address, count);
                int[] result = new int[count];
                for (int i = 0; i < count; i++) {
                    result[i] = words.getOrDefault(address + i, 0xFFFF);
                }
                return result;
            }
        }

        @Override
        public int[] readInputRegisters(int address, int count) throws ModbusException {
            throw new ModbusException(Kind.COMMUNICATION, "exception response 1: Alfen has holding registers only", 1);
        }

        @Override
        public void writeRegister(int address, int value) throws ModbusException {
            writeRegisters(address, value);
        }

        @Override
        public void writeRegisters(int address, int... values) throws ModbusException {
            synchronized (FakeAlfenModbus.this) {
                throwIfFailing(id, address, values.length);
                if (id == 200 || WRITABLE.getOrDefault(address, -1) != values.length) {
                    throw new ModbusException(Kind.COMMUNICATION,
                            "exception response 2 writing " + values.length + " at " + address + " of unit " + id, 2);
                }
                writes.add(new Write(id, address, Arrays.stream(values).boxed().toList(), clock.instant()));
                put(address, values);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
