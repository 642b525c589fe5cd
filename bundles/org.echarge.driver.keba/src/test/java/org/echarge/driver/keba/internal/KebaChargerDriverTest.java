package org.echarge.driver.keba.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerModel;
import org.echarge.modbus.internal.ModbusTransportService;
import org.junit.jupiter.api.Test;

class KebaChargerDriverTest {

    private final KebaChargerDriver driver = new KebaChargerDriver(new ModbusTransportService());

    @Test
    void offersTheCAndTheXSeries() {
        assertEquals("keba", driver.id());
        assertEquals(List.of("keba-p30-c", "keba-p30-x"), driver.models().stream().map(ChargerModel::id).toList());
        for (ChargerModel model : driver.models()) {
            assertEquals(6, model.minCurrentAmpere());
            assertEquals(32, model.maxCurrentAmpere());
            assertEquals(502, model.defaultPort());
            assertEquals(Duration.ofSeconds(10), model.pollInterval());
            assertTrue(model.supports(ChargerCapability.PAUSE_RESUME));
            assertFalse(model.supports(ChargerCapability.ZERO_AMPERE), "5004 takes 6000..63000 mA only");
            assertFalse(model.supports(ChargerCapability.TEMPERATURE));
            assertFalse(model.supports(ChargerCapability.EVCCID));
        }
    }

    @Test
    void keepsKebasPaceBetweenReads() {
        assertTrue(KebaChargerDriver.TIMING.minRequestInterval().compareTo(Duration.ofMillis(500)) >= 0);
    }

    @Test
    void refusesUnknownModelsAndSerialLines() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("keba-p40", DeviceAddress.tcp("192.0.2.1", 502, 255))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("keba-p30-c", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1))).kind());
    }

    @Test
    void opensWithoutIo() throws Exception {
        try (var charger = driver.open("keba-p30-x", DeviceAddress.tcp("192.0.2.1", 502, 255))) {
            assertEquals("keba-p30-x", charger.model().id());
        }
    }
}
