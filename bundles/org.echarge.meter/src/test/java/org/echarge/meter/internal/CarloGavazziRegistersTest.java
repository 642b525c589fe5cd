package org.echarge.meter.internal;

import static org.echarge.meter.internal.MeterAssertions.assertPhases;
import static org.echarge.meter.internal.MeterAssertions.phases;
import static org.echarge.modbus.RegisterType.S32;
import static org.echarge.modbus.WordOrder.LOW_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.meter.MeterReading;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seeded as Carlo Gavazzi's input register tables list them (s32, low word first, 0.001 A, 0.1 W, 0.1 kWh). */
class CarloGavazziRegistersTest {

    private static final FunctionCode FC4 = FunctionCode.READ_INPUT_REGISTERS;

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final FakeMeterModbus cg = new FakeMeterModbus();

    @Test
    void em340() throws DeviceException {
        cg.words(FC4, 0x000B, 341)                                // identification code: an EM340
                .input(0x000C, S32, LOW_FIRST, 15_980)            // A L1, 0.001 A
                .input(0x000E, S32, LOW_FIRST, 16_020)
                .input(0x0010, S32, LOW_FIRST, 15_900)
                .input(0x0012, S32, LOW_FIRST, 36_754)            // W L1, 0.1 W
                .input(0x0014, S32, LOW_FIRST, 36_846)
                .input(0x0016, S32, LOW_FIRST, 36_570)
                .input(0x0028, S32, LOW_FIRST, 110_180)           // W sys
                .input(0x0034, S32, LOW_FIRST, 12_346)            // kWh(+) TOT, 0.1 kWh
                .input(0x0040, S32, LOW_FIRST, 4_115)             // kWh(+) L1
                .input(0x0042, S32, LOW_FIRST, 4_120)
                .input(0x0044, S32, LOW_FIRST, 4_110);

        MeterReading reading = read(CarloGavazziRegisters.EM340_METER);

        assertPhases(phases(15.98, 16.02, 15.90, 47.90), reading.currentAmpere(), 1e-9, "current");
        assertPhases(phases(3675.4, 3684.6, 3657.0, 11_018), reading.powerWatt(), 1e-9, "power");
        assertPhases(phases(411_500, 412_000, 411_000, 1_234_600), reading.energyWattHour(), 1e-6, "energy");
        assertEquals(List.of("4:11+1", "4:12+12", "4:40+2", "4:52+2", "4:64+6"), cg.requests(),
                "the identification code on its own, as the protocol demands");
    }

    @Test
    void em24() throws DeviceException {
        cg.words(FC4, 0x000B, 72)                                 // identification code: an EM24 with RS485
                .input(0x000C, S32, LOW_FIRST, 15_980)
                .input(0x000E, S32, LOW_FIRST, 16_020)
                .input(0x0010, S32, LOW_FIRST, 15_900)
                .input(0x0012, S32, LOW_FIRST, 36_754)
                .input(0x0014, S32, LOW_FIRST, 36_846)
                .input(0x0016, S32, LOW_FIRST, -1_000)            // L3 feeds back: -100 W
                .input(0x0028, S32, LOW_FIRST, 72_600)
                .input(0x003E, S32, LOW_FIRST, 12_346)            // kWh(+) TOT
                .input(0x0042, S32, LOW_FIRST, 17)                // kWh(+) PARTIAL: reset by the user, not read
                .input(0x0046, S32, LOW_FIRST, 4_115)             // kWh(+) L1
                .input(0x0048, S32, LOW_FIRST, 4_120)
                .input(0x004A, S32, LOW_FIRST, 4_110);

        MeterReading reading = read(CarloGavazziRegisters.EM24_METER);

        assertPhases(phases(15.98, 16.02, 15.90, 47.90), reading.currentAmpere(), 1e-9, "current");
        assertPhases(phases(3675.4, 3684.6, -100, 7_260), reading.powerWatt(), 1e-9, "power");
        assertPhases(phases(411_500, 412_000, 411_000, 1_234_600), reading.energyWattHour(), 1e-6, "energy");
        assertEquals(List.of("4:11+1", "4:12+12", "4:40+2", "4:62+2", "4:70+6"), cg.requests());
    }

    @ParameterizedTest(name = "code {1} at an {0}")
    @CsvSource(delimiter = '|', textBlock = """
            EM340 | 72   | is an EM24 with RS485, not an EM/ET 330 or 340 (330..348
            EM340 | 1651 | is an EM24 with Ethernet (E1), whose register map is not the EM24 RS485 map, not an EM/ET
            EM24  | 341  | is an EM/ET 330 or 340, not an EM24 with RS485 (71..73
            EM24  | 1650 | is an EM24 with Ethernet (E1)
            EM24  | 1750 | is an EM530/EM540
            EM24  | 112  | is a single-phase EM/ET 1xx
            EM24  | 0    | is unknown
            """)
    void anotherCarloGavazziMeterIsTheWrongDevice(String model, int code, String message) {
        cg.words(FC4, 0x000B, code);
        MeterDefinition meter = model.equals("EM24") ? CarloGavazziRegisters.EM24_METER
                : CarloGavazziRegisters.EM340_METER;

        DeviceException e = assertThrows(DeviceException.class, () -> read(meter));

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("identification code " + code + " at register 0x000B " + message),
                e.getMessage());
        assertEquals(List.of("4:11+1"), cg.requests());
    }

    private MeterReading read(MeterDefinition meter) throws DeviceException {
        return new ModbusMeter(meter.model(), meter.registers(), cg, clock).read();
    }
}
