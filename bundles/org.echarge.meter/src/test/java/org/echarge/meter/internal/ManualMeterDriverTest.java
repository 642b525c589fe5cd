package org.echarge.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterModel;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class ManualMeterDriverTest {

    private final FakeTransport transport = new FakeTransport();
    private final MutableClock clock = MutableClock.startingAt("2026-03-01T08:00:00Z");

    @Test
    void offersItsDefinitionAsModelManualName() throws DeviceException {
        ManualMeterDriver driver = new ManualMeterDriver(transport, ManualConfigs.of("name", "garage", "label",
                "Inepro PRO380", "transport", "MODBUS_RTU", "currentL1.register", 0x0E, "currentL2.register", 0x10,
                "currentL3.register", 0x12, "fault.register", 0x4000), clock);

        assertEquals("manual-garage", driver.id());
        assertEquals(List.of(new MeterModel("manual-garage", "Manual", "Inepro PRO380", Set.of(Transport.MODBUS_RTU),
                502)), driver.models());

        transport.meter.holding(0x0E, RegisterType.F32, WordOrder.HIGH_FIRST, 6.5)
                .holding(0x10, RegisterType.F32, WordOrder.HIGH_FIRST, 6.5)
                .holding(0x12, RegisterType.F32, WordOrder.HIGH_FIRST, 6.0)
                .holding(0x4000, RegisterType.U16, WordOrder.HIGH_FIRST, 2);
        try (ElectricityMeter meter = driver.open("manual-garage", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 9))) {
            assertEquals(19.0, meter.read().currentAmpere().total(), 1e-9);
            assertEquals(2, meter.read().faultRegister().getAsLong());
        }
    }

    @Test
    void aRefusedDefinitionKeepsItsModelAndSaysWhatIsWrongWhenOpened() {
        ManualMeterDriver driver = new ManualMeterDriver(transport, ManualConfigs.of("name", "garage",
                "energyTotal.register", 72), clock);

        assertEquals("manual-garage", driver.id());
        assertEquals(List.of("manual-garage"), driver.models().stream().map(MeterModel::id).toList());
        DeviceException e = assertThrows(DeviceException.class,
                () -> driver.open("manual-garage", DeviceAddress.tcp("10.0.0.7", 502, 1)));
        assertEquals(Kind.NOT_SUPPORTED, e.kind());
        assertTrue(e.getMessage().startsWith("manual meter definition 'garage' refused: neither current nor power"),
                e.getMessage());
        assertEquals(List.of(), transport.opened);
    }

    @Test
    void aDefinitionWithoutAValidNameOffersNoModel() {
        ManualMeterDriver driver = new ManualMeterDriver(transport, ManualConfigs.of("name", "Garage 1",
                "currentL1.register", 0), clock);

        assertEquals(List.of(), driver.models());
    }

    @Test
    void refusesAnotherTransportOrModel() {
        ManualMeterDriver driver = new ManualMeterDriver(transport, ManualConfigs.of("name", "garage",
                "transport", "MODBUS_TCP", "powerL1.register", 0), clock);

        DeviceException rtu = assertThrows(DeviceException.class,
                () -> driver.open("manual-garage", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1)));
        assertEquals(Kind.NOT_SUPPORTED, rtu.kind());
        assertEquals("Manual garage is reached over [MODBUS_TCP], not MODBUS_RTU", rtu.getMessage());

        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("manual-other", DeviceAddress.tcp("10.0.0.7", 502, 1))).kind());
    }
}
