package org.echarge.meter.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/** A meter's registers as 16-bit words, holding (function 3) and input (function 4) apart, as the vendor lists them. */
final class RegisterImage {

    private final Map<FunctionCode, Map<Integer, Integer>> words = Map.of(
            FunctionCode.READ_HOLDING_REGISTERS, new TreeMap<>(), FunctionCode.READ_INPUT_REGISTERS, new TreeMap<>());

    RegisterImage words(FunctionCode function, int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            words.get(function).put(address + i, values[i] & 0xFFFF);
        }
        return this;
    }

    RegisterImage value(FunctionCode function, int address, RegisterType type, WordOrder order, double value) {
        return words(function, address, type.encode(value, order));
    }

    RegisterImage input(int address, RegisterType type, WordOrder order, double value) {
        return value(FunctionCode.READ_INPUT_REGISTERS, address, type, order, value);
    }

    RegisterImage holding(int address, RegisterType type, WordOrder order, double value) {
        return value(FunctionCode.READ_HOLDING_REGISTERS, address, type, order, value);
    }

    /** The words, or empty when any of the registers is not in the image (a meter answers exception 2). */
    Optional<int[]> read(FunctionCode function, int address, int count) {
        Map<Integer, Integer> table = words.get(function);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            Integer word = table.get(address + i);
            if (word == null) {
                return Optional.empty();
            }
            result[i] = word;
        }
        return Optional.of(result);
    }
}
