package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;
import static org.echarge.modbus.RegisterType.*;
import static org.echarge.modbus.WordOrder.HIGH_FIRST;
import static org.echarge.modbus.WordOrder.LOW_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type in both word orders, from words written down by hand (not by the encoder under test). */
class MeterRegisterTest {

    static Stream<Arguments> decodings() {
        return Stream.of(
                Arguments.of(U16, HIGH_FIRST, new int[] {0xFFFE}, 1, 65_534),
                Arguments.of(S16, HIGH_FIRST, new int[] {0xFFFE}, 1, -2),
                Arguments.of(S16, LOW_FIRST, new int[] {0x8000}, 1, -32_768),          // one register: order is moot
                Arguments.of(U32, HIGH_FIRST, new int[] {0x0001, 0x86A0}, 1, 100_000),
                Arguments.of(U32, LOW_FIRST, new int[] {0x86A0, 0x0001}, 1, 100_000),
                Arguments.of(U32, HIGH_FIRST, new int[] {0xFFFF, 0xFFFF}, 1, 4_294_967_295.0),
                Arguments.of(S32, HIGH_FIRST, new int[] {0xFFFE, 0x7960}, 1, -100_000),
                Arguments.of(S32, LOW_FIRST, new int[] {0x7960, 0xFFFE}, 1, -100_000),
                Arguments.of(U64, HIGH_FIRST, new int[] {0x0000, 0x0000, 0x0001, 0x86A0}, 1, 100_000),
                Arguments.of(U64, LOW_FIRST, new int[] {0x86A0, 0x0001, 0x0000, 0x0000}, 1, 100_000),
                Arguments.of(U64, HIGH_FIRST, new int[] {0x0001, 0x0000, 0x0000, 0x0000}, 1, 281_474_976_710_656.0),
                Arguments.of(S64, HIGH_FIRST, new int[] {0xFFFF, 0xFFFF, 0xFFFE, 0x7960}, 1, -100_000),
                Arguments.of(S64, LOW_FIRST, new int[] {0x7960, 0xFFFE, 0xFFFF, 0xFFFF}, 1, -100_000),
                Arguments.of(F32, HIGH_FIRST, new int[] {0x4179, 0x47AE}, 1, 15.58f),
                Arguments.of(F32, LOW_FIRST, new int[] {0x47AE, 0x4179}, 1, 15.58f),
                Arguments.of(F32, HIGH_FIRST, new int[] {0xC060, 0x0000}, 1, -3.5),
                Arguments.of(F64, HIGH_FIRST, new int[] {0x406C, 0xC800, 0x0000, 0x0000}, 1, 230.25),
                Arguments.of(F64, LOW_FIRST, new int[] {0x0000, 0x0000, 0xC800, 0x406C}, 1, 230.25),
                Arguments.of(U32, HIGH_FIRST, new int[] {0x0001, 0x86A0}, 0.01, 1_000),    // 0.01 A steps
                Arguments.of(S32, LOW_FIRST, new int[] {0x7960, 0xFFFE}, 0.1, -10_000),    // 0.1 W steps
                Arguments.of(F32, HIGH_FIRST, new int[] {0xC060, 0x0000}, -1, 3.5));       // a reversed CT
    }

    @ParameterizedTest(name = "{0} {1} scale {3}: {4}")
    @MethodSource("decodings")
    void decodesEveryTypeInBothWordOrders(RegisterType type, WordOrder order, int[] words, double scale, double value)
            throws DeviceException {
        MeterRegister register = MeterRegister.of(POWER_L1, 100, type, order, scale, "test");
        int[] block = new int[words.length + 3]; // the value in the middle of a block read
        System.arraycopy(words, 0, block, 2, words.length);

        assertEquals(value, register.decode(block, 2), Math.abs(value) * 1e-12);
    }

    @Test
    void nanAndInfiniteFloatsAreImplausible() {
        MeterRegister current = MeterRegister.of(CURRENT_L1, 6, F32, HIGH_FIRST, 1, "test");
        for (int[] words : new int[][] {{0x7FC0, 0x0000}, {0x7F80, 0x0000}, {0xFF80, 0x0000}}) {
            DeviceException e = assertThrows(DeviceException.class, () -> current.decode(words, 0));
            assertEquals(Kind.COMMUNICATION, e.kind());
            assertTrue(e.getMessage().contains("current L1 at register 6 (0x0006)"), e.getMessage());
        }
    }

    @Test
    void negativeEnergyIsImplausibleNegativePowerIsNot() throws DeviceException {
        int[] minusOne = {0xFFFF, 0xFFFF};
        DeviceException e = assertThrows(DeviceException.class,
                () -> MeterRegister.of(ENERGY_TOTAL, 0x34, S32, HIGH_FIRST, 100, "test").decode(minusOne, 0));
        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("negative energy -100.0 Wh"), e.getMessage());

        MeterRegister power = MeterRegister.of(POWER_TOTAL, 0x28, S32, HIGH_FIRST, 0.1, "test");
        assertEquals(-0.1, power.decode(minusOne, 0), 1e-12);
    }

    @Test
    void abbMarkersReadAsNotMeasured() throws DeviceException {
        assertTrue(Double.isNaN(abb(U32, HIGH_FIRST).decode(new int[] {0xFFFF, 0xFFFF}, 0)));
        assertTrue(Double.isNaN(abb(S32, HIGH_FIRST).decode(new int[] {0x7FFF, 0xFFFF}, 0)));
        assertTrue(Double.isNaN(abb(S32, LOW_FIRST).decode(new int[] {0xFFFF, 0x7FFF}, 0)));
        assertTrue(Double.isNaN(abb(U64, HIGH_FIRST).decode(new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}, 0)));
        assertTrue(Double.isNaN(abb(S16, HIGH_FIRST).decode(new int[] {0x7FFF}, 0)));
        // one bit off is a number: the largest u32 but one, and -1 as s32
        assertEquals(42_949_672.94, abb(U32, HIGH_FIRST).decode(new int[] {0xFFFF, 0xFFFE}, 0), 1e-6);
        assertEquals(-0.01, abb(S32, HIGH_FIRST).decode(new int[] {0xFFFF, 0xFFFF}, 0), 1e-12);
    }

    @Test
    void refusesWhatCannotBeRead() {
        assertThrows(IllegalArgumentException.class,
                () -> MeterRegister.of(CURRENT_L1, 65_535, U32, HIGH_FIRST, 1, "t"));
        assertThrows(IllegalArgumentException.class, () -> MeterRegister.of(CURRENT_L1, -1, U16, HIGH_FIRST, 1, "t"));
        assertThrows(IllegalArgumentException.class, () -> MeterRegister.of(CURRENT_L1, 0, U16, HIGH_FIRST, 0, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> MeterRegister.of(CURRENT_L1, 0, U16, HIGH_FIRST, Double.NaN, "t"));
        assertThrows(IllegalArgumentException.class, () -> MeterRegister.of(FAULT, 0, F32, HIGH_FIRST, 1, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> new MeterRegister(CURRENT_L1, 0, F32, HIGH_FIRST, 1, true, "t"));
        MeterRegister.of(CURRENT_L1, 65_534, U32, HIGH_FIRST, 1, "t"); // the last two registers
    }

    private static MeterRegister abb(RegisterType type, WordOrder order) {
        return new MeterRegister(POWER_L1, 0x5B16, type, order, 0.01, true, "test");
    }
}
