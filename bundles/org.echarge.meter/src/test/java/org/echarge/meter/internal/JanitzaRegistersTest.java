package org.echarge.meter.internal;

import static org.echarge.meter.internal.MeterAssertions.assertPhases;
import static org.echarge.meter.internal.MeterAssertions.phases;
import static org.echarge.modbus.RegisterType.F32;
import static org.echarge.modbus.WordOrder.HIGH_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.meter.MeterReading;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

/** Seeded as Janitza's 19000 block lists it (holding registers, f32, high word first, A, W, Wh). */
class JanitzaRegistersTest {

    private final FakeMeterModbus b23 = new FakeMeterModbus();

    @Test
    void b23() throws DeviceException {
        b23.holding(19012, F32, HIGH_FIRST, 15.98)      // current L1, A
                .holding(19014, F32, HIGH_FIRST, 16.02)
                .holding(19016, F32, HIGH_FIRST, 15.90)
                .holding(19020, F32, HIGH_FIRST, 3675.4)  // power L1, W
                .holding(19022, F32, HIGH_FIRST, 3684.6)
                .holding(19024, F32, HIGH_FIRST, 3657.0)
                .holding(19026, F32, HIGH_FIRST, 11_018)  // power total
                .holding(19062, F32, HIGH_FIRST, 411_500) // import L1, Wh
                .holding(19064, F32, HIGH_FIRST, 412_000)
                .holding(19066, F32, HIGH_FIRST, 411_000)
                .holding(19068, F32, HIGH_FIRST, 1_234_600);

        MeterDefinition meter = JanitzaRegisters.B23_METER;
        MeterReading reading = new ModbusMeter(meter.model(), meter.registers(), b23,
                MutableClock.startingAt("2026-03-01T08:00:00Z")).read();

        assertPhases(phases(15.98, 16.02, 15.90, 47.90), reading.currentAmpere(), 1e-3, "current");
        assertPhases(phases(3675.4, 3684.6, 3657.0, 11_018), reading.powerWatt(), 1e-2, "power");
        assertPhases(phases(411_500, 412_000, 411_000, 1_234_600), reading.energyWattHour(), 0.1, "energy");
        assertEquals(List.of("3:19012+6", "3:19020+8", "3:19062+8"), b23.requests(), "three requests");
    }
}
