package org.echarge.driver.bender.internal;

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

class BenderChargerDriverTest {

    private final BenderChargerDriver driver = new BenderChargerDriver(new ModbusTransportService());

    @Test
    void offersTheCc612Cc613FamilyAndTheAmtron4You() {
        assertEquals("bender", driver.id());
        assertEquals(List.of("bender-cc", "mennekes-amtron-4you-4business"), driver.models().stream().map(ChargerModel::id).toList());
        for (ChargerModel model : driver.models()) {
            assertEquals(6, model.minCurrentAmpere());
            assertEquals(32, model.maxCurrentAmpere());
            assertEquals(502, model.defaultPort());
            assertEquals(Duration.ofSeconds(5), model.pollInterval());
            assertEquals(Duration.ZERO, model.watchdog(), "the driver keeps the limit in force itself");
            assertTrue(model.supports(ChargerCapability.SET_CURRENT));
            assertTrue(model.supports(ChargerCapability.ZERO_AMPERE), "1000 = 0 pauses");
            assertFalse(model.supports(ChargerCapability.PAUSE_RESUME), "no pause apart from 0 A");
            assertTrue(model.supports(ChargerCapability.METERING));
            assertTrue(model.supports(ChargerCapability.FIRMWARE_VERSION));
            assertTrue(model.supports(ChargerCapability.RFID));
            assertTrue(model.supports(ChargerCapability.ERROR_CODES));
            assertFalse(model.supports(ChargerCapability.SERIAL_NUMBER), "no serial number register");
            assertFalse(model.supports(ChargerCapability.TEMPERATURE));
            assertFalse(model.supports(ChargerCapability.SESSION_TIMES));
            assertFalse(model.supports(ChargerCapability.START_STOP));
            assertFalse(model.supports(ChargerCapability.UNLOCK));
        }
        assertEquals("Bender", driver.models().get(0).manufacturer());
        assertTrue(driver.models().get(0).supports(ChargerCapability.EVCCID));
        assertEquals("MENNEKES", driver.models().get(1).manufacturer());
        assertFalse(driver.models().get(1).supports(ChargerCapability.EVCCID), "740/741 drop its connection");
    }

    @Test
    void refusesUnknownModelsSerialLinesAndUnitZero() throws Exception {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("bender-cc614", DeviceAddress.tcp("192.0.2.1", 502, 255))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("bender-cc", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("bender-cc", DeviceAddress.tcp("192.0.2.1", 502, 0))).kind());
        try (var connector2 = driver.open("mennekes-amtron-4you-4business", DeviceAddress.tcp("192.0.2.1", 503, 1))) {
            assertEquals("mennekes-amtron-4you-4business", connector2.model().id());
        }
    }
}
