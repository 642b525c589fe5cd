package org.echarge.driver.abb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.echarge.driver.abb.internal.AbbRegisters.Access;
import org.echarge.driver.abb.internal.AbbRegisters.Block;
import org.echarge.driver.abb.internal.AbbRegisters.Source;
import org.echarge.modbus.RegisterType;
import org.junit.jupiter.api.Test;

class AbbRegistersTest {

    @Test
    void registersDoNotOverlapAndOnlyThe41xxhRegistersAreWritable() {
        AbbRegisters[] registers = AbbRegisters.values();
        for (int i = 1; i < registers.length; i++) {
            assertTrue(registers[i].address() >= registers[i - 1].address() + registers[i - 1].count(),
                    registers[i] + " overlaps " + registers[i - 1]);
        }
        for (AbbRegisters register : registers) {
            boolean write = register.access() != Access.READ;
            assertEquals(write, register.address() >= 0x4100, register.toString());
            assertEquals(register.access() == Access.WRITE_MULTIPLE, register.type() == RegisterType.U32 && write,
                    "a u32 is written with function 16: " + register);
            if (!write) {
                assertThrows(IllegalStateException.class, () -> register.encode(1), register.toString());
            }
        }
    }

    @Test
    void namesTheDocumentOfEveryRegister() {
        assertEquals(3, Arrays.stream(AbbRegisters.values()).filter(r -> r.source() == Source.V1_11).count());
        assertEquals(Source.TACWB_2021, AbbRegisters.COMMUNICATION_TIMEOUT.source());
        assertEquals(Source.V1_11, AbbRegisters.SET_FALLBACK_LIMIT.source());
        assertTrue(Source.TACWB_2021.document.contains("10M1003"));
    }

    @Test
    void readsTwoRanges() {
        assertEquals(0x4000, AbbRegisters.IDENTITY.address());
        assertEquals(8, AbbRegisters.IDENTITY.count());
        assertEquals(0x4008, AbbRegisters.STATUS.address());
        assertEquals(24, AbbRegisters.STATUS.count());
        assertEquals("4008h..401Fh", AbbRegisters.STATUS.toString());
        assertEquals("4020h (communication timeout)", new AbbRegisters.Range(AbbRegisters.COMMUNICATION_TIMEOUT,
                AbbRegisters.COMMUNICATION_TIMEOUT).toString());
    }

    @Test
    void convertsIntoTheGatewaysUnits() {
        int[] words = new int[24];
        words[0x400E - 0x4008] = 0x0001;
        words[0x400E - 0x4008 + 1] = 0x86A0; // 100 000 mA
        words[0x4016 - 0x4008 + 1] = 2301;
        Block status = new Block(0x4008, words);

        assertEquals(100.0, status.value(AbbRegisters.CURRENT_LIMIT), 1e-9);
        assertEquals(230.1, status.value(AbbRegisters.VOLTAGE_L1), 1e-9);
        assertArrayEquals(new int[] {0x0000, 0x3E80}, AbbRegisters.SET_CURRENT_LIMIT.encode(16));
        assertArrayEquals(new int[] {0x0000, 0x1964}, AbbRegisters.SET_CURRENT_LIMIT.encode(6.5));
        assertArrayEquals(new int[] {60}, AbbRegisters.SET_COMMUNICATION_TIMEOUT.encode(60));
        assertThrows(IllegalArgumentException.class, () -> AbbRegisters.SET_COMMUNICATION_TIMEOUT.encode(65536));
        assertThrows(IllegalArgumentException.class, () -> status.raw(AbbRegisters.SERIAL_NUMBER));
        assertThrows(IllegalArgumentException.class, () -> new Block(0x4000, new int[8]).raw(AbbRegisters.ERROR_CODE));
    }
}
