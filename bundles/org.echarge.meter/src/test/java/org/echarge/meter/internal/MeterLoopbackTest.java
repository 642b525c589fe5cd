package org.echarge.meter.internal;

import static org.echarge.meter.internal.MeterAssertions.assertPhases;
import static org.echarge.meter.internal.MeterAssertions.phases;
import static org.echarge.modbus.RegisterType.F32;
import static org.echarge.modbus.RegisterType.F64;
import static org.echarge.modbus.RegisterType.S32;
import static org.echarge.modbus.RegisterType.U16;
import static org.echarge.modbus.WordOrder.HIGH_FIRST;
import static org.echarge.modbus.WordOrder.LOW_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterReading;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * Driver → transport → Modbus TCP on 127.0.0.1 → j2mod serving two meter images behind one port, as a
 * Modbus TCP/RTU gateway does: an SDM630 at unit 1 and a manually defined meter at unit 2.
 */
class MeterLoopbackTest {

    private static final double NAN = Double.NaN;

    private final int port = FreePort.onLoopback();
    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");
    private final ModbusTransportService transport = new ModbusTransportService();
    private final BuiltinMeterDriver builtin = new BuiltinMeterDriver(transport, clock);
    private final ManualMeterDriver manual = new ManualMeterDriver(transport, ManualConfigs.of("name", "garage",
            "functionCode", 3,
            "currentL1.register", 100, "currentL1.type", "SIGNED", "currentL1.wordOrder", "LOW_FIRST", "currentL1.scale", 0.001,
            "currentL2.register", 102, "currentL2.type", "SIGNED", "currentL2.wordOrder", "LOW_FIRST", "currentL2.scale", 0.001,
            "currentL3.register", 104, "currentL3.type", "SIGNED", "currentL3.wordOrder", "LOW_FIRST", "currentL3.scale", 0.001,
            "energyTotal.register", 200, "energyTotal.count", 4, "energyTotal.type", "FLOAT",
            "fault.register", 300), clock);
    private final MeterImage sdm630 = new MeterImage(1);
    private final MeterImage garage = new MeterImage(2);
    private ModbusSlave slave;

    @BeforeEach
    void serveTheMeters() throws Exception {
        sdm630.registers.input(0x0006, F32, HIGH_FIRST, 15.98).input(0x0008, F32, HIGH_FIRST, 16.02)
                .input(0x000A, F32, HIGH_FIRST, 15.90).input(0x000C, F32, HIGH_FIRST, 3675.4)
                .input(0x000E, F32, HIGH_FIRST, 3684.6).input(0x0010, F32, HIGH_FIRST, 3657.0)
                .input(0x0034, F32, HIGH_FIRST, 11_020).input(0x0048, F32, HIGH_FIRST, 1240.5)
                .input(0x015A, F32, HIGH_FIRST, 411.5).input(0x015C, F32, HIGH_FIRST, 412.0)
                .input(0x015E, F32, HIGH_FIRST, 411.0);
        garage.registers.holding(100, S32, LOW_FIRST, 6_020).holding(102, S32, LOW_FIRST, 5_990)
                .holding(104, S32, LOW_FIRST, 6_010)
                .holding(200, F64, HIGH_FIRST, 987_654.25)
                .holding(300, U16, HIGH_FIRST, 0);
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, sdm630);
        slave.addProcessImage(2, garage);
        slave.open();
    }

    @AfterEach
    void stop() {
        ModbusSlaveFactory.close(slave);
    }

    @Test
    void readsAPreconfiguredAndAManualMeterBehindOneGateway() throws DeviceException {
        try (ElectricityMeter sdm = builtin.open("eastron-sdm630", DeviceAddress.tcp("127.0.0.1", port, 1));
                ElectricityMeter own = manual.open("manual-garage", DeviceAddress.tcp("127.0.0.1", port, 2))) {
            MeterReading eastron = sdm.read();
            assertPhases(phases(15.98, 16.02, 15.90, 47.90), eastron.currentAmpere(), 1e-3, "SDM630 current");
            assertPhases(phases(3675.4, 3684.6, 3657.0, 11_020), eastron.powerWatt(), 1e-2, "SDM630 power");
            assertPhases(phases(411_500, 412_000, 411_000, 1_240_500), eastron.energyWattHour(), 0.1, "SDM630 energy");

            MeterReading manualReading = own.read();
            assertPhases(phases(6.02, 5.99, 6.01, 18.02), manualReading.currentAmpere(), 1e-9, "manual current");
            assertPhases(phases(NAN, NAN, NAN, 987_654.25), manualReading.energyWattHour(), 0, "manual energy");
            assertEquals(0, manualReading.faultRegister().getAsLong());

            garage.registers.holding(300, U16, HIGH_FIRST, 0x0011); // the meter reports a fault
            assertEquals(0x0011, own.read().faultRegister().getAsLong());
        }
    }

    @Test
    void anExceptionResponseIsACommunicationError() throws DeviceException {
        ManualMeterDriver wrongFunction = new ManualMeterDriver(transport, ManualConfigs.of("name", "garage",
                "currentL1.register", 0x0006), clock); // the SDM630's current, but with function 3

        try (ElectricityMeter own = wrongFunction.open("manual-garage", DeviceAddress.tcp("127.0.0.1", port, 1))) {
            ModbusException e = assertThrows(ModbusException.class, own::read);
            assertEquals(Kind.COMMUNICATION, e.kind());
            assertEquals(2, e.exceptionCode());
            assertTrue(e.getMessage().startsWith("Manual garage: reading 2 registers from 6 (current L1): "),
                    e.getMessage());
        }
    }

    @Test
    void noMeterBehindThePortIsNotReachable() throws DeviceException {
        int nobody = FreePort.onLoopback();
        try (ElectricityMeter sdm = builtin.open("eastron-sdm630", DeviceAddress.tcp("127.0.0.1", nobody, 1))) {
            DeviceException e = assertThrows(DeviceException.class, sdm::read);
            assertEquals(Kind.NOT_REACHABLE, e.kind());
            assertTrue(e.getMessage().startsWith("Eastron SDM630: reading 12 registers from 6"), e.getMessage());
        }
    }
}
