package org.echarge.driver.heidelberg.internal;

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

class HeidelbergChargerDriverTest {

    private final HeidelbergChargerDriver driver = new HeidelbergChargerDriver(new ModbusTransportService());

    @Test
    void offersTheEnergyControlOnTheRs485Line() {
        assertEquals("heidelberg", driver.id());
        ChargerModel model = driver.models().get(0);
        assertEquals(List.of("heidelberg-energy-control"), driver.models().stream().map(ChargerModel::id).toList());
        assertEquals(Set.of(Transport.MODBUS_RTU), model.transports());
        assertEquals(6, model.minCurrentAmpere());
        assertEquals(16, model.maxCurrentAmpere());
        assertEquals(Duration.ofSeconds(2), model.pollInterval());
        assertEquals(Duration.ZERO, model.watchdog(), "the driver's polls feed the box's watchdog");
        assertEquals(Set.of(ChargerCapability.SET_CURRENT, ChargerCapability.ZERO_AMPERE, ChargerCapability.METERING,
                ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION, ChargerCapability.TEMPERATURE,
                ChargerCapability.ERROR_CODES), model.capabilities());
        assertFalse(model.supports(ChargerCapability.PAUSE_RESUME), "its pause is 0 A");
    }

    @Test
    void keepsTheBoxsPaceAndWatchdog() {
        HeidelbergTiming timing = HeidelbergTiming.DEFAULT;
        assertEquals(Duration.ofMillis(100), timing.modbus().minRequestInterval(), "evcc issue 15437");
        assertEquals(Duration.ZERO, timing.modbus().timeout(), "the RS485 line's timeout");
        assertEquals(15_000, timing.watchdogMillis(), "the factory value");
        assertTrue(timing.watchdog().compareTo(timing.pollInterval().multipliedBy(7)) >= 0);
        assertThrows(IllegalArgumentException.class, () -> new HeidelbergTiming(Duration.ofSeconds(2),
                Duration.ofSeconds(5), ModbusOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new HeidelbergTiming(Duration.ofSeconds(2),
                Duration.ofSeconds(66), ModbusOptions.DEFAULT));
    }

    @Test
    void refusesUnknownModelsOtherTransportsAndBroadcast() {
        DeviceAddress unit1 = new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1);
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> driver.open("keba-p30-c", unit1)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("heidelberg-energy-control", DeviceAddress.tcp("192.0.2.1", 502, 1))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> driver.open(
                "heidelberg-energy-control", new DeviceAddress(Transport.MODBUS_ASCII, "", 0, 1))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> driver.open(
                "heidelberg-energy-control", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 0))).kind());
    }

    @Test
    void opensWithoutIo() throws Exception {
        try (var charger = driver.open("heidelberg-energy-control", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 3))) {
            assertEquals("heidelberg-energy-control", charger.model().id());
        }
    }
}
