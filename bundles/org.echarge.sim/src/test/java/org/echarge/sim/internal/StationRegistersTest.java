package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StationRegistersTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final StationModel model = new StationModel(clock, 3, 320, 0);
    private final StationRegisters registers = new StationRegisters(model, "SIM1-000042", "SIM1 1.0.0");

    @Test
    void identity() {
        int[] words = registers.inputs();
        assertEquals(StationRegisters.INPUT_COUNT, words.length);
        assertEquals(0xEC01, words[0]);
        assertEquals(1, words[1]);
        // "SIM1-000042" high byte first, NUL padded to 20 characters
        assertArrayEquals(new int[] {0x5349, 0x4D31, 0x2D30, 0x3030, 0x3034, 0x3200, 0, 0, 0, 0},
                Arrays.copyOfRange(words, 2, 12));
        assertArrayEquals(new int[] {0x5349, 0x4D31, 0x2031, 0x2E30, 0x2E30, 0, 0, 0},
                Arrays.copyOfRange(words, 12, 20));
    }

    @Test
    void chargingValuesInTheirUnits() {
        model.plugIn(new Vehicle("car", 32, 3, 100_000, true, 0x04A2B1C3L, "0A1B2C3D4E5F"));
        registers.write(StationRegisters.CURRENT_LIMIT, 160);
        clock.advance(Duration.ofHours(8)); // 84 kWh: the energy needs both words
        int[] words = registers.inputs();

        assertEquals(4, words[20], "IEC state D");
        assertEquals(1, words[21], "charging");
        assertEquals(0, words[22]);
        assertEquals(160, words[23]);
        for (int phase = 0; phase < 3; phase++) {
            assertEquals(15200, words[24 + phase]);
            assertEquals(Math.round(model.voltageVolt(phase) * 10), words[27 + phase]);
            assertEquals(Math.round(model.powerWatt(phase)), words[32 + phase]);
        }
        assertEquals(Math.round(model.powerWatt()), (words[30] << 16) | words[31]);
        long energy = ((long) words[35] << 16) | words[36];
        assertEquals((long) model.energyWattHour(), energy);
        assertTrue(energy > 0xFFFF, "energy " + energy);
        assertEquals(energy, ((long) words[37] << 16) | words[38]);
        assertEquals(Math.round(model.temperatureCelsius() * 10), words[39]);
        assertEquals(0x04A2, words[40]);
        assertEquals(0xB1C3, words[41]);
        assertArrayEquals(new int[] {0x3041, 0x3142, 0x3243, 0x3344, 0x3445, 0x3546, 0, 0},
                Arrays.copyOfRange(words, 42, 50));
    }

    @Test
    void readsAdvanceTheModelToNow() {
        model.plugIn(new Vehicle("car", 32, 3, 100_000, false, 0, ""));
        registers.write(StationRegisters.CURRENT_LIMIT, 320);
        clock.advance(Duration.ofHours(1));
        long energy = ((long) registers.inputs()[35] << 16) | registers.inputs()[36];
        assertEquals(3 * 230 * 30.4, energy, 3 * 230 * 30.4 * 0.01);
    }

    @ParameterizedTest(name = "register {0} := {1} -> accepted {2}, reads {3}")
    @CsvSource({
        "100, 160, true,  160",
        "100,  50, false,   0",
        "100, 330, false,   0",
        "101,   0, true,    0",
        "101,   2, false,   1",
        "102,  60, true,   60",
        "103,   0, true,    0",
        "103,  59, false,  60",
        "104,   1, true,    1",
        "104,   7, false,   0",
    })
    void holdingRegisters(int address, int value, boolean accepted, int readBack) {
        assertEquals(accepted, registers.write(address, value));
        assertEquals(readBack, registers.read(address));
    }

    @Test
    void unlockIsIgnoredWhileCharging() {
        model.plugIn(new Vehicle("car", 32, 3, 100_000, false, 0, ""));
        registers.write(StationRegisters.CURRENT_LIMIT, 160);
        assertFalse(registers.write(StationRegisters.UNLOCK, 1));
        assertEquals(0, registers.read(StationRegisters.UNLOCK));
    }

    @Test
    void onlyTheMappedHoldingRegistersExist() {
        assertEquals(java.util.Set.of(100, 101, 102, 103, 104), registers.holdingAddresses());
        assertThrows(IllegalArgumentException.class, () -> registers.read(105));
    }

    @Test
    void serialNumberMustFitItsRegisters() {
        assertThrows(IllegalArgumentException.class,
                () -> new StationRegisters(model, "SIM1-0123456789012345", "SIM1 1.0.0"));
    }
}
