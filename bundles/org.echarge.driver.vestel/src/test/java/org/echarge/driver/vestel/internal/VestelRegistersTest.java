package org.echarge.driver.vestel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.echarge.driver.vestel.internal.VestelRegisters.Table;
import org.junit.jupiter.api.Test;

class VestelRegistersTest {

    @Test
    void registersDoNotOverlapWithinATable() {
        for (Table table : Table.values()) {
            List<VestelRegisters> sorted = Arrays.stream(VestelRegisters.values()).filter(r -> r.table() == table)
                    .sorted(Comparator.comparingInt(VestelRegisters::address)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                VestelRegisters before = sorted.get(i - 1);
                assertTrue(before.address() + before.count() <= sorted.get(i).address(),
                        before + " overlaps " + sorted.get(i));
            }
        }
    }

    @Test
    void theHoldingRegistersAreTheDocumentedSettings() {
        assertEquals(Set.of(405, 2000, 2002, 5004, 6000), Set.copyOf(Arrays.stream(VestelRegisters.values())
                .filter(r -> r.table() == Table.HOLDING).map(VestelRegisters::address).toList()));
        assertThrows(IllegalStateException.class, () -> VestelRegisters.SESSION_MAX_CURRENT.toRaw(16));
        assertThrows(IllegalArgumentException.class, () -> VestelRegisters.CHARGING_CURRENT.toRaw(70_000));
        assertEquals(16, VestelRegisters.CHARGING_CURRENT.toRaw(16));
    }

    @Test
    void everyRegisterNamesItsSource() {
        for (VestelRegisters register : VestelRegisters.values()) {
            assertFalse(register.source().document.isBlank(), register.toString());
            assertFalse(register.meaning().isBlank(), register.toString());
            assertFalse(register.unit().isBlank(), register.toString());
        }
        assertEquals(VestelRegisters.Source.VESTEL_V1_12, VestelRegisters.PHASE_SWITCH.source());
        assertEquals(VestelRegisters.Source.EVCC, VestelRegisters.SESSION_RFID.source());
    }

    @Test
    void decodesTheRegisterTypes() {
        assertEquals(1_234_500, VestelRegisters.METER_READING.scaled(VestelRegisters.METER_READING.raw(
                new int[] {0x0000, 0x3039})), 1e-9, "12345 x 0.1 kWh");
        assertEquals(0x0001_0042L, VestelRegisters.FAULT_CODE.raw(new int[] {0x0001, 0x0042}));
        assertEquals(15.9, VestelRegisters.CURRENT_L1.scaled(VestelRegisters.CURRENT_L1.raw(new int[] {15_900})), 1e-9);
        assertEquals(1, VestelRegisters.CURRENT_L1.count(), "u16 at even addresses, not u32");
        assertEquals(List.of(25, 10, 5, 50, 15), List.of(VestelRegisters.SERIAL_NUMBER.count(),
                VestelRegisters.BRAND.count(), VestelRegisters.MODEL.count(), VestelRegisters.FIRMWARE_VERSION.count(),
                VestelRegisters.SESSION_RFID.count()));
        assertThrows(IllegalStateException.class, () -> VestelRegisters.MODEL.raw(new int[5]));
    }

    @Test
    void textIsOneCharacterPerRegister() {
        int[] evc04 = {'E', 'V', 'C', '0', '4'};
        assertEquals("EVC04", VestelText.decode(evc04));
        assertTrue(VestelText.oneCharacterPerRegister(evc04));
        assertEquals("v3.1", VestelText.decode(new int[] {'v', '3', '.', '1', 0, 'x'}), "stops at NUL");
        assertEquals("a?b", VestelText.decode(new int[] {' ', 'a', 0x07, 'b', ' '}));
        assertFalse(VestelText.oneCharacterPerRegister(new int[] {0x4556, 0x4330, 0x3400}), "\"EVC04\" packed");
        assertFalse(VestelText.oneCharacterPerRegister(new int[] {0xFFFF}));
        assertTrue(VestelText.oneCharacterPerRegister(new int[] {0, 0}));
    }
}
