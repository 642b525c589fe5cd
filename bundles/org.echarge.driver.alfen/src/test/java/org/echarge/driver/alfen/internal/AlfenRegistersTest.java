package org.echarge.driver.alfen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.echarge.driver.alfen.internal.AlfenRegisters.Access;
import org.echarge.driver.alfen.internal.AlfenRegisters.Slave;
import org.echarge.modbus.RegisterText;
import org.junit.jupiter.api.Test;

class AlfenRegistersTest {

    @Test
    void registersDoNotOverlapWithinAUnit() {
        for (Slave slave : Slave.values()) {
            List<AlfenRegisters> sorted = Arrays.stream(AlfenRegisters.values()).filter(r -> r.slave() == slave)
                    .sorted(Comparator.comparingInt(AlfenRegisters::address)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                AlfenRegisters before = sorted.get(i - 1);
                assertTrue(before.address() + before.count() <= sorted.get(i).address(), before + " overlaps " + sorted.get(i));
            }
        }
    }

    @Test
    void theWritableRegistersAreTheDocumentedOnes() {
        assertEquals(Set.of(AlfenRegisters.MODBUS_MAX_CURRENT, AlfenRegisters.SCN_MAX_CURRENT_L1,
                AlfenRegisters.SCN_MAX_CURRENT_L2, AlfenRegisters.SCN_MAX_CURRENT_L3),
                Set.copyOf(Arrays.stream(AlfenRegisters.values()).filter(r -> r.access() == Access.WRITE_MULTIPLE).toList()));
        assertEquals(List.of(AlfenRegisters.CHARGE_PHASES),
                Arrays.stream(AlfenRegisters.values()).filter(r -> r.access() == Access.WRITE_SINGLE).toList());
        assertThrows(IllegalStateException.class, () -> AlfenRegisters.APPLIED_MAX_CURRENT.encode(16));
    }

    @Test
    void blocksAreOneRequestEachAndHoldWhatThePollNeeds() {
        assertEquals(117, AlfenBlock.IDENTITY.address());
        assertEquals(51, AlfenBlock.IDENTITY.count());
        assertEquals(6, AlfenBlock.STATION_STATUS.count());
        assertEquals(16, AlfenBlock.SOCKET_STATUS.count());
        assertEquals(78, AlfenBlock.METER.count());
        for (AlfenBlock block : AlfenBlock.values()) {
            assertTrue(block.count() <= 125, block + " exceeds one Modbus read");
        }
        for (AlfenRegisters register : List.of(AlfenRegisters.MANUFACTURER, AlfenRegisters.PLATFORM_TYPE,
                AlfenRegisters.SERIAL_NUMBER, AlfenRegisters.FIRMWARE_VERSION, AlfenRegisters.MODBUS_TABLE_VERSION)) {
            assertTrue(AlfenBlock.IDENTITY.contains(register), register.toString());
        }
        assertTrue(AlfenBlock.METER.contains(AlfenRegisters.ENERGY_DELIVERED_SUM));
        assertFalse(AlfenBlock.METER.contains(AlfenRegisters.ENERGY_CONSUMED_L1));
        assertFalse(AlfenBlock.SOCKET_STATUS.contains(AlfenRegisters.TEMPERATURE), "another unit");
    }

    @Test
    void decodesAlfensTypes() {
        int[] setpoint = AlfenRegisters.MODBUS_MAX_CURRENT.encode(16.5);
        assertEquals(List.of(0x4184, 0x0000), Arrays.stream(setpoint).boxed().toList());
        assertEquals(16.5, AlfenRegisters.MODBUS_MAX_CURRENT.number(setpoint, 0), 1e-9);

        int[] energy = {0x4132, 0xC4B0, 0x8000, 0x0000}; // 1 230 000.5 Wh as float64, high word first
        assertEquals(1_230_000.5, AlfenRegisters.ENERGY_DELIVERED_SUM.number(energy, 0), 1e-9);

        int[] manufacturer = RegisterText.encode("Alfen NV", 5, RegisterText.ByteOrder.HIGH_FIRST);
        assertEquals("Alfen NV", AlfenRegisters.MANUFACTURER.text(manufacturer, 0));
        assertEquals("C2", AlfenRegisters.MODE_3_STATE.text(new int[] {0x4332, 0, 0, 0, 0}, 0));
    }

    @Test
    void knowsAlfensUnavailableMarker() {
        assertTrue(AlfenRegisters.NUMBER_OF_SOCKETS.unavailable(new int[] {0xFFFF}, 0));
        assertFalse(AlfenRegisters.NUMBER_OF_SOCKETS.unavailable(new int[] {2}, 0));
        assertTrue(AlfenRegisters.SETPOINT_VALIDITY.unavailable(new int[] {0xFFFF, 0xFFFF}, 0));
        assertFalse(AlfenRegisters.SETPOINT_VALIDITY.unavailable(new int[] {0, 0xFFFF}, 0));
        assertTrue(AlfenRegisters.CURRENT_L1.unavailable(new int[] {0xFFFF, 0xFFFF}, 0), "0xFFFFFFFF is a NaN");
        assertEquals("??????????", AlfenRegisters.MANUFACTURER.text(new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}, 0));
    }
}
