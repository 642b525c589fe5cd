package org.echarge.driver.schneider.internal;

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

class SchneiderChargerDriverTest {

    private final SchneiderChargerDriver driver = new SchneiderChargerDriver(new ModbusTransportService());

    @Test
    void offersTheEvlinkProAc() {
        assertEquals("schneider", driver.id());
        assertEquals(List.of("schneider-evlink-pro-ac"), driver.models().stream().map(ChargerModel::id).toList());
        ChargerModel model = driver.models().get(0);
        assertEquals("Schneider Electric", model.manufacturer());
        assertEquals(Set.of(Transport.MODBUS_TCP), model.transports());
        assertEquals(502, model.defaultPort());
        assertEquals(6, model.minCurrentAmpere());
        assertEquals(32, model.maxCurrentAmpere());
        assertEquals(Duration.ofSeconds(1), model.pollInterval(), "every poll carries the life bit");
        assertEquals(Duration.ZERO, model.watchdog(), "the driver feeds the station's supervision itself");
        assertEquals(Set.of(ChargerCapability.SET_CURRENT, ChargerCapability.ZERO_AMPERE, ChargerCapability.METERING,
                ChargerCapability.FIRMWARE_VERSION, ChargerCapability.ERROR_CODES), model.capabilities());
        assertFalse(model.supports(ChargerCapability.PAUSE_RESUME), "4004 = 0 pauses: one write");
    }

    @Test
    void thePollIntervalKeepsTheLifeBitWithinEvccsPeriod() {
        assertTrue(SchneiderChargerDriver.POLL_INTERVAL.compareTo(Duration.ofSeconds(2)) < 0);
        assertTrue(SchneiderKeepAlive.LAPSE.compareTo(SchneiderChargerDriver.POLL_INTERVAL.multipliedBy(2)) > 0,
                "one late poll is no lapse");
    }

    @Test
    void refusesUnknownModelsAndSerialLines() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("schneider-evlink-wallbox", DeviceAddress.tcp("192.0.2.1", 502, 255))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("schneider-evlink-pro-ac", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1))).kind());
    }

    @Test
    void opensWithoutIo() throws Exception {
        try (var charger = driver.open("schneider-evlink-pro-ac", DeviceAddress.tcp("192.0.2.1", 502, 255))) {
            assertEquals("schneider-evlink-pro-ac", charger.model().id());
        }
    }
}
