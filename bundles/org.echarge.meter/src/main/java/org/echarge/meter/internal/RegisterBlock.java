package org.echarge.meter.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Adjacent registers read with one request: on a slow RS485 line every request saved counts. */
record RegisterBlock(int start, int count, List<MeterRegister> registers) {

    /** Modbus allows at most 125 registers in one read (Modbus application protocol V1.1b3, 6.3). */
    static final int MODBUS_MAX_REGISTERS = 125;

    RegisterBlock {
        registers = List.copyOf(registers);
    }

    /**
     * Groups registers into blocks in address order. A register joins the block before it when it starts
     * where that block ends and the block stays within {@code maxRegisters}; gaps are never read across
     * (a meter may refuse addresses it does not document). A value is never split, so a block holds at
     * least one register even if that is longer than {@code maxRegisters}.
     */
    static List<RegisterBlock> plan(Collection<MeterRegister> registers, int maxRegisters) {
        List<MeterRegister> sorted = registers.stream().sorted(Comparator.comparingInt(MeterRegister::address))
                .toList();
        List<RegisterBlock> blocks = new ArrayList<>();
        List<MeterRegister> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (MeterRegister register : sorted) {
            if (!current.isEmpty() && (register.address() != end || register.end() - start > maxRegisters)) {
                blocks.add(new RegisterBlock(start, end - start, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                start = register.address();
            }
            current.add(register);
            end = register.end();
        }
        if (!current.isEmpty()) {
            blocks.add(new RegisterBlock(start, end - start, current));
        }
        return List.copyOf(blocks);
    }

    @Override
    public String toString() {
        return count + " registers from " + start + " (" + String.join(", ",
                registers.stream().map(r -> r.quantity().label()).toList()) + ")";
    }
}
