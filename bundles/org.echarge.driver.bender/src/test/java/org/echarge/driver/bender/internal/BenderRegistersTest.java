package org.echarge.driver.bender.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.echarge.driver.bender.internal.BenderRegisters.Access;
import org.echarge.driver.bender.internal.BenderRegisters.Source;
import org.echarge.modbus.RegisterText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenderRegistersTest {

    /** The fact sheet's table (section 4): address, registers, type, access, unit, source. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "FIRMWARE_VERSION,         100,  2,  TEXT, READ,       -,     BENDER",
            "OCPP_CP_STATUS,           104,  1,  U16,  READ,       enum,  BENDER",
            "ERROR_BITS_111,           111,  1,  U16,  READ,       bits,  BENDER",
            "ERROR_BITS_112,           112,  1,  U16,  READ,       bits,  BENDER",
            "PROTOCOL_VERSION,         120,  2,  TEXT, READ,       -,     BENDER",
            "VEHICLE_STATE,            122,  1,  U16,  READ,       enum,  BENDER",
            "SAFE_CURRENT,             131,  1,  U16,  READ,       A,     OPENEMS",
            "RELAY_STATE,              140,  1,  U16,  READ,       enum,  BENDER",
            "CHARGE_POINT_MODEL,       142,  10, TEXT, READ,       -,     BENDER",
            "SOFTWARE_VERSION_MAJOR,   153,  1,  U16,  READ,       -,     BENDER",
            "ENERGY_L1,                200,  2,  U32,  READ,       Wh,    BENDER",
            "POWER_L1,                 206,  2,  U32,  READ,       W,     BENDER",
            "CURRENT_L1,               212,  2,  U32,  READ,       mA,    BENDER",
            "TOTAL_ENERGY,             218,  2,  U32,  READ,       Wh,    BENDER",
            "ACTIVE_POWER,             220,  2,  U32,  READ,       W,     BENDER",
            "VOLTAGE_L1,               222,  2,  U32,  READ,       V,     BENDER",
            "SESSION_ENERGY_LEGACY,    705,  2,  U32,  READ,       Wh,    BENDER",
            "SESSION_DURATION_LEGACY,  709,  2,  U32,  READ,       s,     BENDER",
            "EV_MIN_CURRENT,           712,  1,  U16,  READ,       A,     OPENEMS",
            "EV_MAX_CURRENT,           715,  1,  U16,  READ,       A,     OPENEMS",
            "SESSION_ENERGY,           716,  2,  U32,  READ,       Wh,    BENDER",
            "SESSION_DURATION,         718,  2,  U32,  READ,       s,     BENDER",
            "USER_ID,                  720,  10, TEXT, READ,       -,     BENDER",
            "EV_BATTERY_STATE,         730,  1,  U16,  READ,       %,     BENDER",
            "SMART_VEHICLE,            740,  1,  U16,  READ,       0/1,   BENDER",
            "EVCCID,                   741,  6,  TEXT, READ,       -,     BENDER",
            "HEMS_CURRENT_LIMIT,       1000, 1,  U16,  READ_WRITE, A,     BENDER",
            "HEMS_CURRENT_LIMIT_TENTH, 1001, 1,  U16,  READ_WRITE, 0.1 A, EVCC",
            "HEMS_POWER_LIMIT,         1002, 1,  U16,  READ_WRITE, W,     EVCC",
    })
    void theTableAsTheFactSheetListsIt(BenderRegisters register, int address, int count, BenderRegisters.Kind kind,
            Access access, String unit, Source source) {
        assertEquals(address, register.address());
        assertEquals(count, register.count());
        assertEquals(kind, register.kind());
        assertEquals(access, register.access());
        assertEquals(unit, register.unit());
        assertEquals(source, register.source());
    }

    @Test
    void registersDoNotOverlap() {
        List<BenderRegisters> sorted = Arrays.stream(BenderRegisters.values())
                .sorted(Comparator.comparingInt(BenderRegisters::address)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            BenderRegisters before = sorted.get(i - 1);
            assertTrue(before.address() + before.count() <= sorted.get(i).address(), before + " overlaps " + sorted.get(i));
        }
    }

    @Test
    void theWritableRegistersAreTheHemsLimits() {
        assertEquals(Set.of(BenderRegisters.HEMS_CURRENT_LIMIT, BenderRegisters.HEMS_CURRENT_LIMIT_TENTH,
                BenderRegisters.HEMS_POWER_LIMIT), Set.copyOf(Arrays.stream(BenderRegisters.values())
                        .filter(r -> r.access() == Access.READ_WRITE).toList()));
        assertThrows(IllegalStateException.class, () -> BenderRegisters.SAFE_CURRENT.rawAtMost(6));
    }

    @Test
    void everyRegisterNamesItsDocument() {
        for (BenderRegisters register : BenderRegisters.values()) {
            assertFalse(register.source().document.isBlank(), register.toString());
            assertFalse(register.meaning().isBlank(), register.toString());
        }
        // the fact sheet marks these as taken from OpenEMS, not from Bender's document
        assertEquals(List.of(BenderRegisters.SAFE_CURRENT, BenderRegisters.EV_MIN_CURRENT, BenderRegisters.EV_MAX_CURRENT),
                Arrays.stream(BenderRegisters.values()).filter(r -> r.source() == Source.OPENEMS).toList());
    }

    @Test
    void blocksHoldDocumentedRegistersOnly() {
        for (BenderBlock block : BenderBlock.values()) {
            for (int address = block.address(); address < block.address() + block.count(); address++) {
                int a = address;
                assertTrue(Arrays.stream(BenderRegisters.values())
                        .anyMatch(r -> r.address() <= a && a < r.address() + r.count()), block + " spans " + address);
            }
            assertTrue(block.count() <= 125, block.toString());
        }
        assertEquals(22, BenderBlock.METER.count());
        assertEquals(18, BenderBlock.LEGACY_METER.count());
        assertFalse(BenderBlock.LEGACY_METER.contains(BenderRegisters.TOTAL_ENERGY));
        assertEquals("200..221 (meter)", BenderBlock.METER.toString());
    }

    /** ampere -> raw value written to 1000 and 1001 (rounded down: never more than asked) */
    @ParameterizedTest(name = "{0} A -> 1000 = {1}, 1001 = {2}")
    @CsvSource({
            "0,     0,  0",
            "6,     6,  60",
            "16.75, 16, 167",
            "16.7,  16, 167",
            "31.99, 31, 319",
            "32,    32, 320",
    })
    void limitsAreRoundedDown(double ampere, int whole, int tenths) {
        assertEquals(whole, BenderRegisters.HEMS_CURRENT_LIMIT.rawAtMost(ampere));
        assertEquals(tenths, BenderRegisters.HEMS_CURRENT_LIMIT_TENTH.rawAtMost(ampere));
    }

    @Test
    void decodesBendersTypes() {
        int[] energy = {0x0012, 0xD687}; // 1 234 567 Wh, high word first
        assertEquals(1_234_567, BenderRegisters.TOTAL_ENERGY.scaled(energy, 0), 1e-9);
        assertEquals(16.1, BenderRegisters.CURRENT_L1.scaled(new int[] {0, 16_100}, 0), 1e-9);
        assertTrue(Double.isNaN(BenderRegisters.ACTIVE_POWER.scaled(new int[] {0xFFFF, 0xFFFF}, 0)), "no meter");
        assertEquals(65_535, BenderRegisters.HEMS_POWER_LIMIT.raw(new int[] {0xFFFF}, 0));

        int[] model = RegisterText.encode("CC613", 10, RegisterText.ByteOrder.HIGH_FIRST);
        assertEquals(Optional.of("CC613"), BenderRegisters.CHARGE_POINT_MODEL.text(model, 0));
        assertEquals(Optional.empty(), BenderRegisters.CHARGE_POINT_MODEL.text(new int[10], 0), "nothing");
        int[] binary = new int[] {0x4100, 0, 0, 0, 0, 0, 0, 0, 0, 0x01FF};
        assertEquals(Optional.of("A"), BenderRegisters.CHARGE_POINT_MODEL.text(binary, 0), "text ends at the NUL");
        assertEquals(Optional.empty(), BenderRegisters.FIRMWARE_VERSION.text(new int[] {0x3501, 0x3333}, 0),
                "a control character is no text");
        assertThrows(IllegalStateException.class, () -> BenderRegisters.USER_ID.raw(new int[10], 0));
    }

    @Test
    void errorBitsBecomeOneCodePerRegister() {
        assertEquals(List.of(), BenderErrorBits.codes(0, 0));
        assertEquals(List.of(0x111_0001L), BenderErrorBits.codes(0x0001, 0));
        assertEquals(List.of(0x112_0042L), BenderErrorBits.codes(0, 0x0042));
        assertEquals(List.of(), BenderErrorBits.codes(0, 0x0080), "back office disconnected is no charger error");
        assertEquals(List.of("112 vehicle state e", "112 contactor weld", "112 backend disconnected"),
                BenderErrorBits.names(112, 0x00C2));
        assertEquals(List.of("111 no power", "111 bit 9"), BenderErrorBits.names(111, 0x0220));
    }
}
