package org.echarge.meter.internal;

import static org.echarge.meter.internal.MeterAssertions.assertPhases;
import static org.echarge.meter.internal.MeterAssertions.phases;
import static org.echarge.modbus.RegisterType.F32;
import static org.echarge.modbus.WordOrder.HIGH_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.meter.MeterReading;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

/** Seeded as Eastron's input register table lists them (f32, high word first, energy in kWh). */
class EastronRegistersTest {

    private static final double NAN = Double.NaN;

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final FakeMeterModbus sdm = new FakeMeterModbus(EastronRegisters.MAX_BLOCK_REGISTERS);

    private void chargingAt16Ampere() {
        sdm.input(0x0006, F32, HIGH_FIRST, 15.98)      // 30007 current L1, A
                .input(0x0008, F32, HIGH_FIRST, 16.02)  // 30009 current L2
                .input(0x000A, F32, HIGH_FIRST, 15.90)  // 30011 current L3
                .input(0x000C, F32, HIGH_FIRST, 3675.4) // 30013 power L1, W
                .input(0x000E, F32, HIGH_FIRST, 3684.6) // 30015 power L2
                .input(0x0010, F32, HIGH_FIRST, 3657.0) // 30017 power L3
                .input(0x0034, F32, HIGH_FIRST, 11020)  // 30053 total system power, W
                .input(0x0048, F32, HIGH_FIRST, 1240.5) // 30073 total import, kWh
                .input(0x015A, F32, HIGH_FIRST, 411.5)  // 30347 import L1, kWh
                .input(0x015C, F32, HIGH_FIRST, 412.0)  // 30349 import L2
                .input(0x015E, F32, HIGH_FIRST, 411.0); // 30351 import L3
    }

    @Test
    void sdm630() throws DeviceException {
        chargingAt16Ampere();

        MeterReading reading = read(EastronRegisters.SDM630_METER);

        assertPhases(phases(15.98, 16.02, 15.90, 47.90), reading.currentAmpere(), 1e-3, "current");
        assertPhases(phases(3675.4, 3684.6, 3657.0, 11_020), reading.powerWatt(), 1e-2, "power: the meter's total");
        assertPhases(phases(411_500, 412_000, 411_000, 1_240_500), reading.energyWattHour(), 0.1, "energy");
        assertTrue(reading.faultRegister().isEmpty());
        assertEquals(clock.instant(), reading.timestamp());
        assertEquals(List.of("4:6+12", "4:52+2", "4:72+2", "4:346+6"), sdm.requests(),
                "adjacent values in one request");
    }

    @Test
    void sdm72dmV2HasNoEnergyPerPhase() throws DeviceException {
        chargingAt16Ampere();

        MeterReading reading = read(EastronRegisters.SDM72D_M_V2_METER);

        assertPhases(phases(15.98, 16.02, 15.90, 47.90), reading.currentAmpere(), 1e-3, "current");
        assertPhases(phases(3675.4, 3684.6, 3657.0, 11_020), reading.powerWatt(), 1e-2, "power");
        assertPhases(phases(NAN, NAN, NAN, 1_240_500), reading.energyWattHour(), 0.1, "energy");
        assertEquals(List.of("4:6+12", "4:52+2", "4:72+2"), sdm.requests());
    }

    @Test
    void aNanFloatIsACommunicationError() {
        chargingAt16Ampere();
        sdm.words(FunctionCode.READ_INPUT_REGISTERS, 0x0008, 0x7FC0, 0x0000);

        DeviceException e = assertThrows(DeviceException.class, () -> read(EastronRegisters.SDM630_METER));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().startsWith("Eastron SDM630: implausible NaN as current L2 at register 8"),
                e.getMessage());
    }

    @Test
    void anSdm72dmV1WithoutPhaseRegistersAnswersWithAnException() {
        sdm.input(0x0034, F32, HIGH_FIRST, 11020).input(0x0048, F32, HIGH_FIRST, 1240.5);

        DeviceException e = assertThrows(DeviceException.class, () -> read(EastronRegisters.SDM72D_M_V2_METER));

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertTrue(e.getMessage().contains("reading 12 registers from 6 (current L1, current L2, current L3, power L1,"
                + " power L2, power L3): exception response 2"), e.getMessage());
    }

    @Test
    void noRequestExceedsEastronsLimit() {
        for (MeterDefinition meter : List.of(EastronRegisters.SDM630_METER, EastronRegisters.SDM72D_M_V2_METER)) {
            meter.registers().blocks().forEach(block -> assertTrue(block.count() <= 80, block.toString()));
        }
    }

    private MeterReading read(MeterDefinition meter) throws DeviceException {
        return new ModbusMeter(meter.model(), meter.registers(), sdm, clock).read();
    }
}
