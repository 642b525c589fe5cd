package org.echarge.driver.alfen.internal;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlfenChargerDriverTest {

    private final AlfenChargerDriver driver = new AlfenChargerDriver(new ModbusTransportService());

    @Test
    void offersTheEveSingleAndTheEveDouble() {
        assertEquals("alfen", driver.id());
        assertEquals(List.of("alfen-eve-single", "alfen-eve-double"), driver.models().stream().map(ChargerModel::id).toList());
        for (ChargerModel model : driver.models()) {
            assertEquals("Alfen", model.manufacturer());
            assertEquals(6, model.minCurrentAmpere());
            assertEquals(32, model.maxCurrentAmpere());
            assertEquals(502, model.defaultPort());
            assertEquals(Duration.ofSeconds(5), model.pollInterval());
            assertEquals(Duration.ZERO, model.watchdog(), "the driver keeps the setpoint valid itself");
            assertTrue(model.supports(ChargerCapability.ZERO_AMPERE), "1210 = 0.0 pauses");
            assertFalse(model.supports(ChargerCapability.PAUSE_RESUME), "no pause apart from 0 A");
            assertTrue(model.supports(ChargerCapability.TEMPERATURE));
            assertFalse(model.supports(ChargerCapability.ERROR_CODES));
            assertFalse(model.supports(ChargerCapability.RFID));
            assertFalse(model.supports(ChargerCapability.UNLOCK));
            assertFalse(model.supports(ChargerCapability.START_STOP));
        }
    }

    @Test
    void refusesUnknownModelsAndSerialLines() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("alfen-eve-pro", DeviceAddress.tcp("192.0.2.1", 502, 1))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("alfen-eve-single", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1))).kind());
    }

    /** model, unit id of the point: can it be opened? */
    @ParameterizedTest(name = "{0} unit {1} -> {2}")
    @CsvSource({
            "alfen-eve-single, 1,   true",
            "alfen-eve-single, 2,   false",
            "alfen-eve-single, 200, false",
            "alfen-eve-single, 0,   false",
            "alfen-eve-double, 1,   true",
            "alfen-eve-double, 2,   true",
            "alfen-eve-double, 3,   false",
            "alfen-eve-double, 200, false",
    })
    void aPointIsOneSocketAddressedByItsUnitId(String model, int unitId, boolean opens) throws Exception {
        DeviceAddress address = DeviceAddress.tcp("192.0.2.1", 502, unitId);
        if (opens) {
            try (var charger = driver.open(model, address)) {
                assertEquals(model, charger.model().id());
            }
        } else {
            DeviceException e = assertThrows(DeviceException.class, () -> driver.open(model, address));
            assertEquals(Kind.NOT_SUPPORTED, e.kind());
            assertTrue(e.getMessage().contains("unit id 200 is the station"), e.getMessage());
        }
    }
}
