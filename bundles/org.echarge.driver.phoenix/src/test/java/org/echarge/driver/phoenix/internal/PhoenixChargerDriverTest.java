package org.echarge.driver.phoenix.internal;

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

class PhoenixChargerDriverTest {

    private final PhoenixChargerDriver driver = new PhoenixChargerDriver(new ModbusTransportService());

    @Test
    void offersPhoenixAndWallbeFirmware() {
        assertEquals("phoenix", driver.id());
        assertEquals(List.of("phoenix-ev-eth", "wallbe-ev-eth"), driver.models().stream().map(ChargerModel::id).toList());
        assertEquals(63, driver.models().get(0).maxCurrentAmpere());
        assertEquals(32, driver.models().get(1).maxCurrentAmpere());
        for (ChargerModel model : driver.models()) {
            assertEquals(6, model.minCurrentAmpere());
            assertEquals(502, model.defaultPort());
            assertEquals(Set.of(Transport.MODBUS_TCP), model.transports());
            assertEquals(Duration.ofSeconds(5), model.pollInterval());
            assertEquals(Duration.ZERO, model.watchdog(), "the controller has none; the driver holds the setpoint");
            assertEquals(Set.of(ChargerCapability.SET_CURRENT, ChargerCapability.PAUSE_RESUME, ChargerCapability.METERING,
                    ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION, ChargerCapability.RFID,
                    ChargerCapability.ERROR_CODES), model.capabilities());
            assertTrue(model.supports(ChargerCapability.PAUSE_RESUME), "coil 400");
            assertFalse(model.supports(ChargerCapability.ZERO_AMPERE));
        }
    }

    @Test
    void keepsNymeasPauseBetweenRequests() {
        assertTrue(PhoenixChargerDriver.TIMING.minRequestInterval().compareTo(Duration.ofMillis(250)) >= 0);
        assertEquals(Duration.ofSeconds(2), PhoenixChargerDriver.TIMING.timeout());
    }

    @Test
    void refusesUnknownModelsAndSerialLines() throws Exception {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("phoenix-ev-ser", DeviceAddress.tcp("192.0.2.8", 502, 255))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("phoenix-ev-eth", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1))).kind());
        try (var charger = driver.open("wallbe-ev-eth", DeviceAddress.tcp("192.0.2.8", 502, 255))) {
            assertEquals("wallbe-ev-eth", charger.model().id());
        }
    }
}
