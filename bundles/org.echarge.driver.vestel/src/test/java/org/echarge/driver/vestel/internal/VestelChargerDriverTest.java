package org.echarge.driver.vestel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerModel;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.ModbusTransport;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class VestelChargerDriverTest {

    /** Records what the driver opens. */
    private static final class RecordingTransport implements ModbusTransport {
        final List<DeviceAddress> opened = new ArrayList<>();
        final List<ModbusOptions> options = new ArrayList<>();

        @Override
        public ModbusClient open(DeviceAddress address, ModbusOptions timing) {
            opened.add(address);
            options.add(timing);
            return new FakeVestelModbus(MutableClock.startingAt("2026-01-01T00:00:00Z"));
        }
    }

    private final RecordingTransport transport = new RecordingTransport();
    private final VestelChargerDriver driver = new VestelChargerDriver(transport);

    @Test
    void offersTheEvc04UnderVestelsAndWebastosName() {
        assertEquals("vestel", driver.id());
        assertEquals(List.of("vestel-evc04", "webasto-unite"), driver.models().stream().map(ChargerModel::id).toList());
        assertEquals(List.of("Vestel", "Webasto"), driver.models().stream().map(ChargerModel::manufacturer).toList());
        for (ChargerModel model : driver.models()) {
            assertEquals(6, model.minCurrentAmpere());
            assertEquals(32, model.maxCurrentAmpere());
            assertEquals(502, model.defaultPort());
            assertEquals(java.util.Set.of(Transport.MODBUS_TCP), model.transports());
            assertEquals(Duration.ofSeconds(5), model.pollInterval());
            assertEquals(Duration.ZERO, model.watchdog(), "the driver feeds the alive register itself");
            assertTrue(model.supports(ChargerCapability.ZERO_AMPERE), "5004 = 0 pauses");
            assertFalse(model.supports(ChargerCapability.PAUSE_RESUME), "no pause apart from 0 A");
            assertTrue(model.supports(ChargerCapability.METERING));
            assertTrue(model.supports(ChargerCapability.RFID));
            assertTrue(model.supports(ChargerCapability.ERROR_CODES));
            assertTrue(model.supports(ChargerCapability.SERIAL_NUMBER));
            assertTrue(model.supports(ChargerCapability.FIRMWARE_VERSION));
            assertFalse(model.supports(ChargerCapability.TEMPERATURE), "no temperature register");
            assertFalse(model.supports(ChargerCapability.EVCCID));
            assertFalse(model.supports(ChargerCapability.UNLOCK));
            assertFalse(model.supports(ChargerCapability.START_STOP));
            assertFalse(model.supports(ChargerCapability.SESSION_TIMES), "no snapshot field for them");
        }
    }

    @Test
    void aChargerHoldsExactlyOneClient() throws Exception {
        DeviceAddress address = DeviceAddress.tcp("192.0.2.7", 502, 255);
        try (Charger charger = driver.open("webasto-unite", address)) {
            assertEquals("webasto-unite", charger.model().id());
        }
        assertEquals(List.of(address), transport.opened, "one client, to the configured address only");
        assertEquals(VestelChargerDriver.TIMING, transport.options.get(0));
    }

    @Test
    void refusesUnknownModelsAndSerialLines() {
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("vestel-evc05", DeviceAddress.tcp("192.0.2.1", 502, 255))).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(DeviceException.class,
                () -> driver.open("vestel-evc04", new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1))).kind());
        assertEquals(List.of(), transport.opened);
    }
}
