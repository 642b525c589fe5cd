package org.echarge.meter.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything needed to read one meter model: the function code, the values, how many registers one
 * request may read, and an optional identity check.
 *
 * @param maxBlockRegisters the most registers one request reads; 1 reads every value on its own
 */
record RegisterMap(FunctionCode functionCode, int maxBlockRegisters, List<MeterRegister> registers,
        Optional<IdentityCheck> identity) {

    RegisterMap {
        Objects.requireNonNull(functionCode, "functionCode");
        Objects.requireNonNull(identity, "identity");
        if (maxBlockRegisters < 1 || maxBlockRegisters > RegisterBlock.MODBUS_MAX_REGISTERS) {
            throw new IllegalArgumentException("maxBlockRegisters: 1.." + RegisterBlock.MODBUS_MAX_REGISTERS);
        }
        registers = List.copyOf(registers);
        Set<Quantity> seen = EnumSet.noneOf(Quantity.class);
        for (MeterRegister register : registers) {
            if (!seen.add(register.quantity())) {
                throw new IllegalArgumentException(register.quantity().label() + " is defined twice");
            }
        }
        for (int i = 0; i < registers.size(); i++) {
            for (int j = i + 1; j < registers.size(); j++) {
                overlap(registers.get(i), registers.get(j)).ifPresent(message -> {
                    throw new IllegalArgumentException(message);
                });
            }
        }
    }

    /** The requests of one reading. */
    List<RegisterBlock> blocks() {
        return RegisterBlock.plan(registers, maxBlockRegisters);
    }

    /** "power L2 (registers 8..9) overlaps current L1 (registers 7..8)" when two values share a register. */
    static Optional<String> overlap(MeterRegister a, MeterRegister b) {
        if (a.address() < b.end() && b.address() < a.end()) {
            return Optional.of(describe(b) + " overlaps " + describe(a));
        }
        return Optional.empty();
    }

    private static String describe(MeterRegister register) {
        return register.quantity().label() + " (registers " + register.address() + ".." + (register.end() - 1) + ")";
    }
}
