package org.echarge.driver.keba.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class KebaRegistersTest {

    @Test
    void readsAreOneU32AtAnEvenAddressAndWritesOneU16() {
        for (KebaRegisters register : KebaRegisters.values()) {
            if (register.access() == KebaRegisters.Access.READ) {
                assertEquals(2, register.type().count(), register.toString());
                assertEquals(0, register.address() % 2, register.toString());
                assertTrue(register.address() >= 1000 && register.address() < 2000, register.toString());
            } else {
                assertEquals(1, register.type().count(), register.toString());
                assertTrue(register.address() >= 5000, register.toString());
            }
        }
        assertEquals(KebaRegisters.values().length,
                Arrays.stream(KebaRegisters.values()).mapToInt(KebaRegisters::address).distinct().count());
    }

    @Test
    void convertsIntoTheGatewaysUnits() {
        assertEquals(0x0001_86A0L, KebaRegisters.TOTAL_ENERGY.raw(new int[] {0x0001, 0x86A0}));
        assertEquals(10_000.0, KebaRegisters.TOTAL_ENERGY.scaled(100_000), 1e-9);
        assertEquals(11.04, KebaRegisters.ACTIVE_POWER.scaled(11_040), 1e-9);
        assertEquals(6.0, KebaRegisters.MAX_CURRENT_EFFECTIVE.scaled(6000), 1e-9);
        assertEquals(16_000, KebaRegisters.SET_CURRENT.toRaw(16));
        assertEquals(63_000, KebaRegisters.SET_CURRENT.toRaw(63));
        assertEquals(1_000, KebaRegisters.SET_ENERGY_LIMIT.toRaw(10_000)); // 10 Wh steps
        assertThrows(IllegalArgumentException.class, () -> KebaRegisters.SET_CURRENT.toRaw(66));
        assertThrows(IllegalStateException.class, () -> KebaRegisters.CHARGING_STATE.toRaw(1));
    }
}
