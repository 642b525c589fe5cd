package org.echarge.driver.schneider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.driver.schneider.internal.SchneiderRegisters.Access;
import org.echarge.modbus.RegisterText;
import org.junit.jupiter.api.Test;

class SchneiderRegistersTest {

    @Test
    void registersDoNotOverlapAndLieWhereTheStationAnswers() {
        List<SchneiderRegisters> sorted = Arrays.stream(SchneiderRegisters.values())
                .sorted(Comparator.comparingInt(SchneiderRegisters::address)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            SchneiderRegisters before = sorted.get(i - 1);
            assertTrue(before.address() + before.count() <= sorted.get(i).address(), before + " overlaps " + sorted.get(i));
        }
        for (SchneiderRegisters register : SchneiderRegisters.values()) {
            for (int a = register.address(); a < register.address() + register.count(); a++) {
                assertTrue(FakeSchneiderModbus.mapped(a), register + " word " + a);
            }
        }
    }

    @Test
    void theWritableRegistersAreLifeBitCommandAndSetpoint() {
        assertEquals(List.of(SchneiderRegisters.LIFE_BIT, SchneiderRegisters.COMMAND, SchneiderRegisters.SETPOINT),
                Arrays.stream(SchneiderRegisters.values()).filter(r -> r.access() == Access.READ_WRITE).toList());
        assertEquals(16, SchneiderRegisters.SETPOINT.encode(16));
        assertThrows(IllegalArgumentException.class, () -> SchneiderRegisters.SETPOINT.encode(65_536));
        assertThrows(IllegalStateException.class, () -> SchneiderRegisters.DEGRADED_SETPOINT_3_PHASE.encode(6));
    }

    @Test
    void blocksAreOneRequestEachAndHoldWhatThePollNeeds() {
        assertEquals("[1+1, 150+1, 1150+1, 1212+3, 2999+62, 3203+4, 4000+24, 4040+30]",
                Arrays.stream(SchneiderBlock.values()).map(b -> b.address() + "+" + b.count()).toList().toString());
        for (SchneiderBlock block : SchneiderBlock.values()) {
            assertTrue(block.count() <= 125, block + " exceeds one Modbus read");
            for (int a = block.address(); a < block.address() + block.count(); a++) {
                assertTrue(FakeSchneiderModbus.mapped(a), block + " reads " + a + ", which the station refuses");
            }
        }
        assertTrue(SchneiderBlock.MEASUREMENTS.contains(SchneiderRegisters.ACTIVE_POWER_TOTAL));
        assertTrue(SchneiderBlock.CONTROL.contains(SchneiderRegisters.ERROR_CODE));
        assertFalse(SchneiderBlock.CONTROL.contains(SchneiderRegisters.MODEL));
        assertTrue(SchneiderBlock.IDENTIFICATION.contains(SchneiderRegisters.COMMERCIAL_REFERENCE));
    }

    @Test
    void decodesLowWordFirst() {
        // evcc trace: "recv ... ff 03 04 fe c6 41 2e" reading 3059 = 10 937 W
        assertEquals(10_937, SchneiderRegisters.ACTIVE_POWER_TOTAL.scaled(new int[] {0xFEC6, 0x412E}, 0), 0.5);
        assertEquals(4_704_800L, (long) SchneiderRegisters.ACTIVE_ENERGY_TOTAL.raw(new int[] {0xCA20, 0x0047, 0, 0}, 0));
        assertEquals(0x0001_0004L, (long) SchneiderRegisters.ERROR_CODE.raw(new int[] {0x0004, 0x0001}, 0));
    }

    @Test
    void knowsTheUnmappedMarker() {
        assertTrue(SchneiderRegisters.CURRENT_L1.unavailable(new int[] {0xFFFF, 0xFFFF}, 0), "a NaN");
        assertTrue(SchneiderRegisters.ACTIVE_ENERGY_TOTAL.unavailable(new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}, 0));
        assertFalse(SchneiderRegisters.ERROR_GROUP.unavailable(new int[] {0xFFFF, 0}, 0));
    }

    @Test
    void readsTheCommercialReferenceInEitherCharacterOrder() throws Exception {
        assertEquals("EVB3S22N4", reference(RegisterText.encode("EVB3S22N4", 10, RegisterText.ByteOrder.HIGH_FIRST)));
        assertEquals("EVB3S07N4", reference(RegisterText.encode("EVB3S07N4", 10, RegisterText.ByteOrder.LOW_FIRST)));
        assertEquals("EVH3S22P0CK", reference(RegisterText.encode("EVH3S22P0CK", 10, RegisterText.ByteOrder.HIGH_FIRST)));
        int[] unmapped = new int[30];
        Arrays.fill(unmapped, 0xFFFF);
        assertNull(SchneiderIdentity.commercialReference(new SchneiderBlock.Values(SchneiderBlock.IDENTIFICATION, unmapped)));
    }

    @Test
    void theIdentityNeedsAnEvlinkProAcState() {
        int[] identification = new int[30];
        System.arraycopy(RegisterText.encode("EVB3S22N4", 10, RegisterText.ByteOrder.HIGH_FIRST), 0, identification, 20, 10);
        DeviceException e = assertThrows(DeviceException.class, () -> SchneiderIdentity.of(
                new SchneiderBlock.Values(SchneiderBlock.EV_STATE, new int[] {117}),
                new SchneiderBlock.Values(SchneiderBlock.CONTROL, new int[24]),
                new SchneiderBlock.Values(SchneiderBlock.IDENTIFICATION, identification),
                new SchneiderBlock.Values(SchneiderBlock.FIRMWARE, new int[] {3, 4, 12})));
        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("117"), e.getMessage());
    }

    private static String reference(int[] words) {
        int[] identification = new int[30];
        System.arraycopy(words, 0, identification, 20, 10);
        return SchneiderIdentity.commercialReference(new SchneiderBlock.Values(SchneiderBlock.IDENTIFICATION, identification));
    }
}
