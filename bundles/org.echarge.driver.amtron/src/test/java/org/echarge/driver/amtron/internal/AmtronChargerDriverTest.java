package org.echarge.driver.amtron.internal;

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

class AmtronChargerDriverTest {

    private final AmtronChargerDriver driver = new AmtronChargerDriver(new ModbusTransportService());

    @Test
    void offersTheCompactOnTheRs485Line() {
        assertEquals("amtron", driver.id());
        assertEquals(List.of("mennekes-amtron-compact"), driver.models().stream().map(ChargerModel::id).toList());
        ChargerModel model = driver.models().get(0);
        assertEquals("Mennekes", model.manufacturer());
        assertEquals(Set.of(Transport.MODBUS_RTU), model.transports());
        assertEquals(6, model.minCurrentAmpere());
        assertEquals(32, model.maxCurrentAmpere());
        assertEquals(Duration.ofSeconds(2), model.pollInterval());
        assertEquals(Duration.ZERO, model.watchdog(), "the driver's polls write the heartbeat");
        assertEquals(Set.of(ChargerCapability.SET_CURRENT, ChargerCapability.PAUSE_RESUME, ChargerCapability.METERING,
                ChargerCapability.SERIAL_NUMBER, ChargerCapability.FIRMWARE_VERSION, ChargerCapability.TEMPERATURE,
                ChargerCapability.ERROR_CODES), model.capabilities());
        assertFalse(model.supports(ChargerCapability.ZERO_AMPERE), "0x0302 takes 6..x A; the release pauses");
    }

    @Test
    void writesTheHeartbeatWellWithinTheBoxsTenSeconds() {
        AmtronTiming timing = AmtronTiming.DEFAULT;
        assertEquals(Duration.ofSeconds(10), timing.heartbeatTimeout(), "the document, section 9");
        assertTrue(timing.heartbeatTimeout().compareTo(timing.pollInterval().multipliedBy(5)) >= 0);
        assertEquals(ModbusOptions.DEFAULT, timing.modbus(), "the line's timeout, no pause between requests");
        assertThrows(IllegalArgumentException.class, () -> new AmtronTiming(Duration.ofSeconds(4),
                Duration.ofSeconds(10), ModbusOptions.DEFAULT));
    }

    @Test
    void refusesUnknownModelsOtherTransportsAndBroadcast() {
        DeviceAddress unit50 = new DeviceAddress(Transport.MODBUS_RTU, "", 0, 50);
        assertEquals(Kind.NOT_SUPPORTED,
                assertThrows(DeviceException.class, () -> driver.open("heidelberg-energy-control", unit50)).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("mennekes-amtron-compact", DeviceAddress.tcp("192.0.2.1", 502, 50))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> driver.open(
                "mennekes-amtron-compact", new DeviceAddress(Transport.MODBUS_ASCII, "", 0, 50))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class, () -> driver.open(
                "mennekes-amtron-compact", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 0))).kind());
    }

    @Test
    void opensWithoutIo() throws Exception {
        try (var charger = driver.open("mennekes-amtron-compact", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 50))) {
            assertEquals("mennekes-amtron-compact", charger.model().id());
        }
    }
}
