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
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class BuiltinMeterDriverTest {

    private final FakeTransport transport = new FakeTransport();
    private final BuiltinMeterDriver driver = new BuiltinMeterDriver(transport,
            MutableClock.startingAt("2026-03-01T08:00:00Z"));

    @Test
    void offersThePreconfiguredModels() {
        assertEquals("builtin", driver.id());
        assertEquals(List.of("eastron-sdm630", "eastron-sdm72d-m-v2", "abb-b23-b24", "carlo-gavazzi-em340",
                "carlo-gavazzi-em24", "janitza-b23"), driver.models().stream().map(MeterModel::id).toList());
        for (MeterModel model : driver.models()) {
            assertEquals(Set.of(Transport.MODBUS_RTU, Transport.MODBUS_TCP), model.transports(), model.id());
            assertEquals(502, model.defaultPort(), model.id());
        }
        BuiltinMeterDriver.METERS.forEach(meter -> assertEquals(1, meter.defaultUnitId(), meter.model().id()));
    }

    @Test
    void everyModelHasCurrentAndPowerPerPhaseAndEnergy() {
        for (MeterDefinition meter : BuiltinMeterDriver.METERS) {
            Set<Quantity> quantities = Set.copyOf(
                    meter.registers().registers().stream().map(MeterRegister::quantity).toList());
            assertTrue(quantities.containsAll(Set.of(Quantity.CURRENT_L1, Quantity.CURRENT_L2, Quantity.CURRENT_L3,
                    Quantity.POWER_L1, Quantity.POWER_L2, Quantity.POWER_L3, Quantity.POWER_TOTAL,
                    Quantity.ENERGY_TOTAL)), meter.model().id());
            meter.registers().registers().forEach(r -> assertTrue(!r.reference().isBlank(), r.toString()));
        }
    }

    @Test
    void opensAMeterOnTheGivenAddressWithoutIo() throws DeviceException {
        DeviceAddress address = new DeviceAddress(Transport.MODBUS_RTU, "", 0, 3);

        try (ElectricityMeter meter = driver.open("carlo-gavazzi-em340", address)) {
            assertEquals("carlo-gavazzi-em340", meter.model().id());
            assertEquals(List.of(address), transport.opened);
            assertEquals(List.of(), transport.meter.requests());
        }
        assertTrue(transport.meter.closed());
    }

    @Test
    void refusesWhatItCannotOpen() {
        DeviceException unknown = assertThrows(DeviceException.class,
                () -> driver.open("eastron-sdm120", DeviceAddress.tcp("10.0.0.7", 502, 1)));
        assertEquals(Kind.NOT_SUPPORTED, unknown.kind());
        assertEquals("meter driver 'builtin' has no model 'eastron-sdm120'", unknown.getMessage());

        DeviceException ascii = assertThrows(DeviceException.class,
                () -> driver.open("eastron-sdm630", new DeviceAddress(Transport.MODBUS_ASCII, "", 0, 1)));
        assertEquals(Kind.NOT_SUPPORTED, ascii.kind());
        assertEquals("Eastron SDM630 is reached over [MODBUS_TCP, MODBUS_RTU], not MODBUS_ASCII", ascii.getMessage());

        DeviceException broadcast = assertThrows(DeviceException.class,
                () -> driver.open("abb-b23-b24", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 0)));
        assertEquals(Kind.NOT_SUPPORTED, broadcast.kind());
        assertTrue(broadcast.getMessage().startsWith(
                "ABB B23 / B24: a device on the RS485 line needs a Modbus address"), broadcast.getMessage());
        assertEquals(List.of(), transport.opened);
    }
}
