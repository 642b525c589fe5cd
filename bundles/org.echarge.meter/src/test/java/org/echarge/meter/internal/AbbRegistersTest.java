package org.echarge.meter.internal;

import static org.echarge.meter.internal.MeterAssertions.assertPhases;
import static org.echarge.meter.internal.MeterAssertions.phases;
import static org.echarge.modbus.RegisterType.S32;
import static org.echarge.modbus.RegisterType.U32;
import static org.echarge.modbus.RegisterType.U64;
import static org.echarge.modbus.WordOrder.HIGH_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.meter.MeterReading;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterText;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeded as ABB's B-series holding register table lists them (scaled integers, high word first). */
class AbbRegistersTest {

    private static final double NAN = Double.NaN;
    private static final FunctionCode FC3 = FunctionCode.READ_HOLDING_REGISTERS;

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final FakeMeterModbus b23 = new FakeMeterModbus();
    private final ModbusMeter meter = new ModbusMeter(AbbRegisters.B23_B24_METER.model(),
            AbbRegisters.B23_B24_METER.registers(), b23, clock);

    @BeforeEach
    void aB23AtAChargingCar() {
        typeDesignation("B23 312-100");
        b23.holding(0x5B0C, U32, HIGH_FIRST, 1598)              // current L1, 0.01 A
                .holding(0x5B0E, U32, HIGH_FIRST, 1602)
                .holding(0x5B10, U32, HIGH_FIRST, 1590)
                .holding(0x5B14, S32, HIGH_FIRST, 1_101_800)     // power total, 0.01 W
                .holding(0x5B16, S32, HIGH_FIRST, 367_540)       // power L1
                .holding(0x5B18, S32, HIGH_FIRST, 368_460)
                .holding(0x5B1A, S32, HIGH_FIRST, 365_700)
                .holding(0x5000, U64, HIGH_FIRST, 123_460)       // import total, 0.01 kWh
                .holding(0x5460, U64, HIGH_FIRST, 41_150)        // import L1
                .holding(0x5464, U64, HIGH_FIRST, 41_200)
                .holding(0x5468, U64, HIGH_FIRST, 41_100);
    }

    @Test
    void b23() throws DeviceException {
        MeterReading reading = meter.read();

        assertPhases(phases(15.98, 16.02, 15.90, 47.90), reading.currentAmpere(), 1e-9, "current");
        // the totals are the meter's own, not the sums of the phases (11 017 W, 1 234 500 Wh)
        assertPhases(phases(3675.4, 3684.6, 3657.0, 11_018), reading.powerWatt(), 1e-9, "power");
        assertPhases(phases(411_500, 412_000, 411_000, 1_234_600), reading.energyWattHour(), 1e-6, "energy");
        assertEquals(List.of("3:35168+2", "3:20480+4", "3:21600+12", "3:23308+6", "3:23316+8"), b23.requests(),
                "type designation once, then four requests");

        b23.forget();
        meter.read();
        assertEquals(4, b23.requests().size(), "the type designation is checked once per connection");
    }

    @Test
    void notAvailableMarkersReadAsNotMeasured() throws DeviceException {
        b23.words(FC3, 0x5B10, 0xFFFF, 0xFFFF)                   // current L3: n/a (u32)
                .words(FC3, 0x5B14, 0x7FFF, 0xFFFF)              // power total: n/a (s32)
                .words(FC3, 0x5468, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF); // import L3: n/a (u64)

        MeterReading reading = meter.read();

        assertPhases(phases(15.98, 16.02, NAN, 32.00), reading.currentAmpere(), 1e-9, "current");
        assertPhases(phases(3675.4, 3684.6, 3657.0, 11_017), reading.powerWatt(), 1e-9, "power total from the phases");
        assertPhases(phases(411_500, 412_000, NAN, 1_234_600), reading.energyWattHour(), 1e-6, "energy");
    }

    @Test
    void b24IsAcceptedToo() throws DeviceException {
        typeDesignation("B24 212-100");
        assertEquals(15.98, meter.read().currentAmpere().l1(), 1e-9);
    }

    @Test
    void anotherAbbMeterIsTheWrongDeviceUntilTheRightOneAnswers() throws DeviceException {
        typeDesignation("A44 552-100");

        DeviceException e = assertThrows(DeviceException.class, meter::read);
        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().startsWith("ABB B23 / B24: the type designation at register 0x8960 is 'A44',"),
                e.getMessage());
        assertEquals(List.of("3:35168+2"), b23.requests(), "no values are read from the wrong device");

        typeDesignation("B23 312-100");
        assertEquals(15.98, meter.read().currentAmpere().l1(), 1e-9);
    }

    @Test
    void theTypeIsCheckedAgainAfterAnOutage() throws DeviceException {
        meter.read();
        b23.fail(new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, meter::read).kind());
        b23.heal();
        typeDesignation("A43 512-100"); // replaced meanwhile

        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, meter::read).kind());
    }

    private void typeDesignation(String type) {
        b23.words(FC3, 0x8960, RegisterText.encode(type, 6, RegisterText.ByteOrder.HIGH_FIRST));
    }
}
