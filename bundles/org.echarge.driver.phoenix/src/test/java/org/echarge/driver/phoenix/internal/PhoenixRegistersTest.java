package org.echarge.driver.phoenix.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.echarge.driver.phoenix.internal.PhoenixRegisters.Table;
import org.echarge.modbus.RegisterText;
import org.junit.jupiter.api.Test;

class PhoenixRegistersTest {

    @Test
    void registersDoNotOverlapWithinATable() {
        for (Table table : Table.values()) {
            List<PhoenixRegisters> sorted = Arrays.stream(PhoenixRegisters.values()).filter(r -> r.table() == table)
                    .sorted(Comparator.comparingInt(PhoenixRegisters::address)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                PhoenixRegisters before = sorted.get(i - 1);
                assertTrue(before.address() + before.count() <= sorted.get(i).address(), before + " overlaps " + sorted.get(i));
            }
        }
    }

    @Test
    void everyEntryNamesItsSourceAndMeaning() {
        for (PhoenixRegisters register : PhoenixRegisters.values()) {
            assertFalse(register.source().document().isBlank(), register.toString());
            assertFalse(register.meaning().isBlank(), register.toString());
            assertFalse(register.unit().isBlank(), register.toString());
        }
        assertEquals("4", PhoenixRegisters.CP_STATUS.table().functionCodes());
        assertEquals("1 / 5", PhoenixRegisters.ENABLE_CHARGING.table().functionCodes());
    }

    @Test
    void onlyTheSetpointAndTheCoilsAreWritable() {
        assertEquals(List.of(PhoenixRegisters.ENABLE_CHARGING, PhoenixRegisters.CARD_READER_ENABLED,
                PhoenixRegisters.CHARGING_ALLOWED, PhoenixRegisters.CHARGING_PAUSED, PhoenixRegisters.MAX_CURRENT),
                Arrays.stream(PhoenixRegisters.values()).filter(PhoenixRegisters::writable).toList());
        assertEquals(16, PhoenixRegisters.MAX_CURRENT.encode(16));
        assertThrows(IllegalArgumentException.class, () -> PhoenixRegisters.MAX_CURRENT.encode(70_000));
        assertThrows(IllegalStateException.class, () -> PhoenixRegisters.SIGNALLED_CURRENT.encode(16));
    }

    @Test
    void blocksAreOneRequestEachAndHoldWhatThePollNeeds() {
        assertEquals("100..107", range(PhoenixBlock.STATUS));
        assertEquals("108..121", range(PhoenixBlock.METER));
        assertEquals("304..314", range(PhoenixBlock.NAMEPLATE));
        assertEquals("606..621", range(PhoenixBlock.RFID));
        assertEquals("2980..2983", range(PhoenixBlock.ENERGY_WALLBE));
        for (PhoenixBlock block : PhoenixBlock.values()) {
            assertTrue(block.count() <= 125, block + " exceeds one Modbus read");
            assertTrue(block.table() != Table.COIL);
        }
        assertTrue(PhoenixBlock.STATUS.contains(PhoenixRegisters.FIRMWARE));
        assertTrue(PhoenixBlock.STATUS.contains(PhoenixRegisters.ERROR_CODE));
        assertTrue(PhoenixBlock.METER.contains(PhoenixRegisters.CURRENT_L3));
        assertFalse(PhoenixBlock.METER.contains(PhoenixRegisters.METER_ENERGY), "122..127 are not documented");
        assertFalse(PhoenixBlock.SETTING.contains(PhoenixRegisters.SIGNALLED_CURRENT));
        assertEquals("528 (max current)", PhoenixBlock.SETTING.toString());
        assertThrows(IllegalArgumentException.class,
                () -> new PhoenixBlock.Values(PhoenixBlock.STATUS, new int[8]).number(PhoenixRegisters.ACTIVE_POWER));
    }

    @Test
    void decodesLowWordFirst() {
        // the fact sheet's trace: energy read 06 25 00 00 = 1573 Wh
        assertEquals(1573, PhoenixRegisters.METER_ENERGY.raw(new int[] {0x0625, 0x0000}, 0));
        assertEquals(70_000, PhoenixRegisters.TOTAL_ENERGY.raw(new int[] {0x1170, 0x0001}, 0));
        assertEquals(-2, PhoenixRegisters.ACTIVE_POWER.number(new int[] {0xFFFE, 0xFFFF}, 0), 1e-9);
        assertEquals(0x0001_0002_0003_0004L, (long) PhoenixRegisters.TOTAL_ENERGY_WALLBE.number(new int[] {4, 3, 2, 1}, 0));
    }

    @Test
    void decodesTextInEitherByteOrder() {
        assertEquals("1.12", PhoenixRegisters.FIRMWARE.text(new int[] {0x2E31, 0x3231}, 0), "bytes swapped");
        assertEquals("3.1.7-WB", PhoenixRegisters.WALLBE_FIRMWARE.text(
                RegisterText.encode("3.1.7-WB", 6, RegisterText.ByteOrder.LOW_FIRST), 0));
        assertEquals("EV-CC-ETH", PhoenixRegisters.DEVICE_NAME.text(
                RegisterText.encode("EV-CC-ETH", 5, RegisterText.ByteOrder.HIGH_FIRST), 0));
        assertEquals("04A2", PhoenixRegisters.RFID_UID.text(new int[] {0, 0x0030, 0x3441, 0x3200, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0}, 0), "NULs in front are skipped");
        assertEquals("", PhoenixRegisters.RFID_UID.text(new int[16], 0));
        assertThrows(IllegalStateException.class, () -> PhoenixRegisters.CP_STATUS.text(new int[1], 0));
        assertThrows(IllegalStateException.class, () -> PhoenixRegisters.FIRMWARE.number(new int[2], 0));
    }

    private static String range(PhoenixBlock block) {
        return block.address() + ".." + (block.address() + block.count() - 1);
    }
}
