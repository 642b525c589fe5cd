package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerModel;
import org.echarge.modbus.internal.ModbusTransportService;
import org.junit.jupiter.api.Test;

class AblChargerDriverTest {

    private final AblChargerDriver driver = new AblChargerDriver(new ModbusTransportService());

    @Test
    void offersTheEmhOnTheRs485Line() {
        assertEquals("abl", driver.id());
        ChargerModel model = driver.models().get(0);
        assertEquals(List.of("abl-emh"), driver.models().stream().map(ChargerModel::id).toList());
        assertEquals(Set.of(Transport.MODBUS_ASCII), model.transports());
        assertEquals(6, model.minCurrentAmpere());
        assertEquals(32, model.maxCurrentAmpere());
        assertEquals(Duration.ZERO, model.watchdog(), "no documented watchdog");
        assertTrue(model.supports(ChargerCapability.ZERO_AMPERE), "0x0014 = 1000");
        assertTrue(model.supports(ChargerCapability.PAUSE_RESUME));
        assertFalse(model.supports(ChargerCapability.START_STOP));
        assertFalse(model.supports(ChargerCapability.UNLOCK));
        assertFalse(model.supports(ChargerCapability.RFID));
        assertFalse(model.supports(ChargerCapability.TEMPERATURE));
    }

    @Test
    void refusesUnknownModelsAndOtherTransports() {
        DeviceAddress line = new DeviceAddress(Transport.MODBUS_ASCII, "", 0, 1);
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> driver.open("abl-em4", line)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("abl-emh", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("abl-emh", DeviceAddress.tcp("192.0.2.1", 502, 1))).kind());
    }

    @Test
    void opensWithoutIo() throws Exception {
        try (var charger = driver.open("abl-emh", new DeviceAddress(Transport.MODBUS_ASCII, "", 0, 1))) {
            assertEquals("abl-emh", charger.model().id());
        }
    }
}
