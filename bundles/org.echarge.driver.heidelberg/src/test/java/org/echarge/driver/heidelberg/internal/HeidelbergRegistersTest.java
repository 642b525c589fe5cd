package org.echarge.driver.heidelberg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.echarge.driver.heidelberg.internal.HeidelbergRegisters.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeidelbergRegistersTest {

    @Test
    void registersDoNotOverlapAndOnlyHoldingRegistersAreWritable() {
        HeidelbergRegisters[] registers = HeidelbergRegisters.values();
        for (int i = 1; i < registers.length; i++) {
            assertTrue(registers[i].address() >= registers[i - 1].address() + registers[i - 1].count(),
                    registers[i] + " overlaps " + registers[i - 1]);
        }
        for (HeidelbergRegisters register : registers) {
            boolean holding = register.table() == HeidelbergRegisters.Table.HOLDING;
            assertEquals(holding, register.address() > 256, register.toString());
            if (!holding) {
                assertThrows(IllegalStateException.class, () -> register.toRaw(1), register.toString());
            }
        }
        assertEquals(32, HeidelbergRegisters.LOGISTIC_STRING.count());
        assertTrue(Arrays.stream(registers).allMatch(r -> r.existsIn(new HeidelbergLayout(0x0107))));
    }

    @Test
    void convertsIntoTheGatewaysUnits() {
        Block live = new Block(5, new int[] {7, 160, 158, 161, 0xFF9C, 230, 231, 229, 1, 11_040, 0, 5_000, 188, 24_832});

        assertEquals(7, live.raw(HeidelbergRegisters.CHARGING_STATE));
        assertEquals(15.8, live.value(HeidelbergRegisters.CURRENT_L2), 1e-9);
        assertEquals(-10.0, live.value(HeidelbergRegisters.PCB_TEMPERATURE), 1e-9);
        assertEquals(11_040, live.value(HeidelbergRegisters.POWER), 1e-9);
        assertEquals(12_345_600, live.value(HeidelbergRegisters.ENERGY_TOTAL), 1e-9);
        assertEquals(160, HeidelbergRegisters.MAX_CURRENT.toRaw(16));
        assertEquals(65, HeidelbergRegisters.MAX_CURRENT.toRaw(6.5));
        assertEquals(15_000, HeidelbergRegisters.WATCHDOG_TIMEOUT.toRaw(15));
        assertEquals(15.0, HeidelbergRegisters.WATCHDOG_TIMEOUT.scaled(15_000), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> HeidelbergRegisters.MAX_CURRENT.toRaw(6553.6));
    }

    /** layout register 4, version, Energy Control layout, registers a poll reads from 5 on */
    @ParameterizedTest(name = "0x{0}")
    @CsvSource({
            "0100, 1.0.0, true,  9",
            "0103, 1.0.3, true,  9",
            "0104, 1.0.4, true,  12",
            "0106, 1.0.6, true,  12",
            "0107, 1.0.7, true,  14",
            "0108, 1.0.8, true,  14",
            "0110, 1.1.0, true,  14",
            "0204, 2.0.4, false, 14",
    })
    void readsTheRegisterLayout(String raw, String version, boolean energyControl, int polled) {
        HeidelbergLayout layout = new HeidelbergLayout(Integer.parseInt(raw, 16));

        assertEquals(version, layout.toString());
        assertEquals(energyControl, layout.energyControl());
        assertEquals(polled, HeidelbergRegisters.polledCount(layout));
    }

    @Test
    void registersExistFromTheirLayout() {
        HeidelbergLayout v104 = new HeidelbergLayout(0x0104);
        assertTrue(HeidelbergRegisters.POWER.existsIn(v104));
        assertFalse(HeidelbergRegisters.ENERGY_TOTAL.existsIn(v104));
        assertFalse(HeidelbergRegisters.SOFTWARE_VERSION.existsIn(v104));
        assertTrue(HeidelbergRegisters.HARDWARE_VARIANT.existsIn(v104));
    }
}
