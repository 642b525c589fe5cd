package org.echarge.driver.abb.internal;

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
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.internal.ModbusTransportService;
import org.junit.jupiter.api.Test;

class AbbChargerDriverTest {

    private final AbbChargerDriver driver = new AbbChargerDriver(new ModbusTransportService());

    @Test
    void offersTheTerraAcOnBothTransports() {
        assertEquals("abb", driver.id());
        assertEquals(List.of("abb-terra-ac"), driver.models().stream().map(ChargerModel::id).toList());
        ChargerModel model = driver.models().get(0);
        assertEquals("ABB", model.manufacturer());
        assertEquals(Set.of(Transport.MODBUS_TCP, Transport.MODBUS_RTU), model.transports());
        assertEquals(502, model.defaultPort());
        assertEquals(6, model.minCurrentAmpere());
        assertEquals(32, model.maxCurrentAmpere());
        assertEquals(Duration.ofSeconds(5), model.pollInterval());
        assertEquals(Duration.ZERO, model.watchdog(), "the driver's polls feed the box's supervision");
        assertEquals(Set.of(ChargerCapability.SET_CURRENT, ChargerCapability.ZERO_AMPERE, ChargerCapability.START_STOP,
                ChargerCapability.UNLOCK, ChargerCapability.METERING, ChargerCapability.SERIAL_NUMBER,
                ChargerCapability.FIRMWARE_VERSION, ChargerCapability.ERROR_CODES), model.capabilities());
        assertFalse(model.supports(ChargerCapability.PAUSE_RESUME), "its pause is 0 A");
    }

    @Test
    void keepsTheSupervisionFedWithRoomForLatePolls() {
        AbbTiming timing = AbbTiming.DEFAULT;
        assertEquals(Duration.ofSeconds(2), timing.modbus().timeout(), "the cable lock answers after its motor moved");
        assertEquals(Duration.ZERO, timing.modbus().minRequestInterval());
        assertEquals(60, timing.commTimeoutSeconds(), "ABB's default");
        assertTrue(timing.minimumCommTimeout().compareTo(timing.pollInterval().multipliedBy(6)) >= 0);
        assertThrows(IllegalArgumentException.class, () -> new AbbTiming(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(60), ModbusOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new AbbTiming(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(20), ModbusOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new AbbTiming(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(65_536), ModbusOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new AbbTiming(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMillis(30_500), ModbusOptions.DEFAULT));
    }

    @Test
    void refusesUnknownModelsAsciiAndRs485AddressesOutsideTheBus() {
        DeviceAddress tcp = DeviceAddress.tcp("192.0.2.10", 502, 1);
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> driver.open("keba-p30-c", tcp)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("abb-terra-ac", new DeviceAddress(Transport.MODBUS_ASCII, "", 0, 1))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("abb-terra-ac", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 0))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("abb-terra-ac", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 248))).kind());
    }

    @Test
    void opensWithoutIo() throws Exception {
        try (var tcp = driver.open("abb-terra-ac", DeviceAddress.tcp("192.0.2.10", 502, 1));
                var rtu = driver.open("abb-terra-ac", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 3))) {
            assertEquals("abb-terra-ac", tcp.model().id());
            assertEquals("abb-terra-ac", rtu.model().id());
        }
    }
}
