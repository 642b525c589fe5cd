package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;
import static org.echarge.modbus.RegisterType.S32;
import static org.echarge.modbus.RegisterType.U16;
import static org.echarge.modbus.WordOrder.HIGH_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.meter.MeterModel;
import org.echarge.api.meter.MeterReading;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

/** How a reading fails: the kind decides EMeterNotReach or EMeter Comm at the point. */
class ModbusMeterTest {

    private static final MeterModel MODEL = new MeterModel("test-meter", "Test", "TM1", Set.of(Transport.MODBUS_TCP),
            502);
    private static final RegisterMap MAP = new RegisterMap(FunctionCode.READ_HOLDING_REGISTERS, 125, List.of(
            MeterRegister.of(CURRENT_L1, 100, S32, HIGH_FIRST, 0.001, "test"),
            MeterRegister.of(ENERGY_TOTAL, 200, S32, HIGH_FIRST, 1, "test"),
            MeterRegister.of(FAULT, 300, U16, HIGH_FIRST, 1, "test")), Optional.empty());

    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final FakeMeterModbus modbus = new FakeMeterModbus();
    private final ModbusMeter meter = new ModbusMeter(MODEL, MAP, modbus, clock);

    @Test
    void readsTheFaultRegisterAsAnInteger() throws DeviceException {
        healthy();
        modbus.holding(300, U16, HIGH_FIRST, 0x8004);

        MeterReading reading = meter.read();

        assertEquals(0x8004, reading.faultRegister().getAsLong());
        assertEquals(16.0, reading.currentAmpere().l1(), 1e-9);
        assertEquals(16.0, reading.currentAmpere().total(), 1e-9, "a 1-phase meter's total is its L1");
        assertTrue(Double.isNaN(reading.currentAmpere().l2()));
        assertTrue(Double.isNaN(reading.powerWatt().total()), "no power configured");
        assertEquals(5_000, reading.energyWattHour().total(), 1e-9);
    }

    @Test
    void noAnswerIsNotReachable() {
        healthy();
        modbus.fail(new ModbusException(Kind.NOT_REACHABLE, "connect to 10.0.0.7:502 refused"));

        ModbusException e = assertThrows(ModbusException.class, meter::read);

        assertEquals(Kind.NOT_REACHABLE, e.kind());
        assertEquals("Test TM1: reading 2 registers from 100 (current L1): connect to 10.0.0.7:502 refused",
                e.getMessage());
    }

    @Test
    void anExceptionResponseIsACommunicationErrorWithItsCode() {
        healthy();
        modbus.fail(new ModbusException(Kind.COMMUNICATION, "exception response 2 (illegal data address)", 2));

        ModbusException e = assertThrows(ModbusException.class, meter::read);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertEquals(2, e.exceptionCode());
    }

    @Test
    void negativeEnergyIsACommunicationError() {
        healthy();
        modbus.holding(200, S32, HIGH_FIRST, -5);

        DeviceException e = assertThrows(DeviceException.class, meter::read);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertEquals("Test TM1: implausible negative energy -5.0 Wh as energy total at register 200 (0x00C8)",
                e.getMessage());
    }

    @Test
    void aShortAnswerIsACommunicationError() {
        ModbusClient shortAnswers = new ModbusClient() {
            @Override
            public int[] readHoldingRegisters(int address, int count) {
                return new int[count - 1];
            }

            @Override
            public int[] readInputRegisters(int address, int count) {
                return new int[count - 1];
            }

            @Override
            public void writeRegister(int address, int value) {
            }

            @Override
            public void writeRegisters(int address, int... values) {
            }

            @Override
            public void close() {
            }
        };

        DeviceException e = assertThrows(DeviceException.class, new ModbusMeter(MODEL, MAP, shortAnswers, clock)::read);

        assertEquals(Kind.COMMUNICATION, e.kind());
        assertInstanceOf(ModbusException.class, e);
        assertTrue(e.getMessage().endsWith("answered 1 registers instead of 2"), e.getMessage());
    }

    @Test
    void recoversWhenTheMeterAnswersAgain() throws DeviceException {
        healthy();
        modbus.fail(new ModbusException(Kind.NOT_REACHABLE, "no answer within 1000 ms"));
        assertThrows(DeviceException.class, meter::read);
        modbus.heal();

        assertEquals(16.0, meter.read().currentAmpere().l1(), 1e-9);
    }

    @Test
    void closeReleasesTheClient() {
        assertFalse(modbus.closed());
        meter.close();
        meter.close();
        assertTrue(modbus.closed());
        assertEquals(MODEL, meter.model());
    }

    private void healthy() {
        modbus.holding(100, S32, HIGH_FIRST, 16_000)   // current L1, mA
                .holding(200, S32, HIGH_FIRST, 5_000)  // energy, Wh
                .holding(300, U16, HIGH_FIRST, 0);     // no fault
    }
}
