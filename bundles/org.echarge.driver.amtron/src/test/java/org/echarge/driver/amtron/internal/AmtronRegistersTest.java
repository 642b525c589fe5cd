package org.echarge.driver.amtron.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.echarge.driver.amtron.internal.AmtronRegisters.Access;
import org.echarge.driver.amtron.internal.AmtronRegisters.Block;
import org.echarge.modbus.RegisterText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmtronRegistersTest {

    @Test
    void registersFollowTheDocumentWithoutOverlap() {
        AmtronRegisters[] registers = AmtronRegisters.values();
        for (int i = 1; i < registers.length; i++) {
            assertTrue(registers[i].address() >= registers[i - 1].address() + registers[i - 1].count(),
                    registers[i] + " overlaps " + registers[i - 1]);
            assertTrue(registers[i].section() >= registers[i - 1].section(), registers[i] + " is out of section order");
        }
        assertEquals(48, registers.length, "every register of document revision 1.2, sections 3 to 11");
        assertTrue(Arrays.stream(registers).allMatch(r -> r.existsIn(AmtronLayout.V1_0_2)));
    }

    @Test
    void onlyTheFunctionRegistersAndTheLimitAreWritable() {
        List<AmtronRegisters> writable = Arrays.stream(AmtronRegisters.values())
                .filter(register -> register.access() != Access.READ).toList();

        assertEquals(List.of(AmtronRegisters.EM_CHARGING_CURRENT, AmtronRegisters.HEARTBEAT,
                AmtronRegisters.SOLAR_CHARGING_MODE, AmtronRegisters.REQUESTED_PHASES,
                AmtronRegisters.CHARGING_RELEASE, AmtronRegisters.LOCK_EVSE), writable);
        assertFalse(AmtronRegisters.HEARTBEAT.readable());
        assertThrows(IllegalStateException.class, () -> AmtronRegisters.CURRENT_L1.encode(1));
        assertThrows(IllegalStateException.class, () -> AmtronRegisters.SERIAL_NUMBER.encode(1));
    }

    @Test
    void encodesFloatsHighWordFirstAndOneRegisterValuesAsTheyAre() {
        assertArrayEquals(new int[] {0x4180, 0x0000}, AmtronRegisters.EM_CHARGING_CURRENT.encode(16));
        assertArrayEquals(new int[] {0x40D0, 0x0000}, AmtronRegisters.EM_CHARGING_CURRENT.encode(6.5));
        assertArrayEquals(new int[] {0x55AA}, AmtronRegisters.HEARTBEAT.encode(AmtronRegisters.HEARTBEAT_TOKEN));
        assertArrayEquals(new int[] {1}, AmtronRegisters.CHARGING_RELEASE.encode(1));
        assertThrows(IllegalArgumentException.class, () -> AmtronRegisters.CHARGING_RELEASE.encode(65536));
    }

    /** evcc issue 11068: 0x1000 read as u32 gave 1161664184 = 0x453D96B8, which is 3033.4 kWh high word first. */
    @Test
    void decodesTheRecordedEnergyHighWordFirst() {
        Block energy = new Block(0x1000, new int[] {0x453D, 0x96B8});

        assertEquals(3033.419921875, energy.raw(AmtronRegisters.ENERGY_TOTAL), 1e-9);
        assertEquals(3_033_419.921875, energy.value(AmtronRegisters.ENERGY_TOTAL), 1e-6);
    }

    @Test
    void decodesCodesAndText() {
        int[] text = RegisterText.encode("1.5.3", 8, RegisterText.ByteOrder.HIGH_FIRST);
        Block version = new Block(0x0000, concat(new int[] {0x0102}, text));

        assertEquals(0x0102, version.code(AmtronRegisters.MODBUS_VERSION));
        assertEquals("1.5.3", version.text(AmtronRegisters.FIRMWARE_VERSION));
        assertNull(new Block(0x0013, new int[8]).text(AmtronRegisters.SERIAL_NUMBER), "empty text is no text");
        assertThrows(IllegalArgumentException.class, () -> version.code(AmtronRegisters.CURRENT_L1));
        assertThrows(IndexOutOfBoundsException.class, () -> version.code(AmtronRegisters.EVSE_STATE));
    }

    /** first, last -> registers one request reads; only documented runs */
    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({
            "EVSE_STATE,         DOWNGRADE,                  3",
            "MAX_CURRENT_HOUSE,  MAX_CURRENT_EVSE,           4",
            "CURRENT_L1,         POWER_TOTAL,                20",
            "CHARGING_RELEASE,   LOCK_EVSE,                  2",
            "ACTIVE_ERROR_CODE,  MASTER_LOST_FALLBACK_STATE, 2",
            "FIRMWARE_VERSION,   FIRMWARE_VERSION,           8",
            "ENERGY_TOTAL,       ENERGY_TOTAL,               2",
    })
    void spansDocumentedRuns(AmtronRegisters first, AmtronRegisters last, int count) {
        assertEquals(count, AmtronRegisters.span(first, last));
        for (AmtronRegisters register : AmtronRegisters.values()) {
            boolean inside = register.address() >= first.address() && register.address() < first.address() + count;
            if (inside) {
                assertTrue(register.readable(), register + " in a read");
            }
        }
    }

    @Test
    void namesRegistersByAddress() {
        assertEquals("0x0302 (em charging current)", AmtronRegisters.EM_CHARGING_CURRENT.toString());
        assertEquals("0x0D00 (heartbeat)", AmtronRegisters.HEARTBEAT.toString());
    }

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({"0100, 1.0.0, true", "0101, 1.0.1, true", "0102, 1.0.2, true", "0110, 1.1.0, true",
            "0204, 2.0.4, false", "0000, 0.0.0, false"})
    void readsTheRegisterLayout(String raw, String version, boolean amtron) {
        AmtronLayout layout = new AmtronLayout(Integer.parseInt(raw, 16));

        assertEquals(version, layout.toString());
        assertEquals(amtron, layout.amtron());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
