package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echarge.testsupport.SocatPty;
import java.nio.file.Path;
import java.time.Duration;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial port missing, appearing, unplugged and plugged in again (socat started and stopped). */
class SerialPortRecoveryTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final ModbusTransportService transport = new ModbusTransportService(clock);
    @TempDir
    Path dir;
    private SocatPty pty;
    private PymodbusPeer peer;

    @BeforeEach
    void configure() {
        SocatPty.assumeInstalled();
        transport.configure(ConfigAnnotations.rs485("portPath", dir.resolve("gateway").toString(), "parity", "NONE"));
    }

    @AfterEach
    void stop() {
        transport.deactivate();
        unplug();
    }

    @Test
    void missingPortIsNotReachableUntilItAppearsAndAgainAfterItWasUnplugged() throws Exception {
        try (ModbusClient client = transport.open(new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1),
                new ModbusOptions(Duration.ofMillis(500), Duration.ZERO))) {
            assertNotReachable(client, "gateway does not exist (adapter unplugged?)");

            plugIn();
            assertNotReachable(client, "next attempt in 1 s");
            clock.advance(Duration.ofSeconds(1));
            assertArrayEquals(new int[] {1000}, client.readHoldingRegisters(0, 1));

            unplug();
            assertNotReachable(client, "(adapter unplugged?)");
            assertNotReachable(client, "next attempt in 1 s");
            clock.advance(Duration.ofSeconds(1));
            assertNotReachable(client, "gateway does not exist");
            assertNotReachable(client, "next attempt in 2 s");

            plugIn(); // a new pty behind the same link, as a USB adapter that comes back
            clock.advance(Duration.ofSeconds(2));
            assertArrayEquals(new int[] {1001}, client.readHoldingRegisters(1, 1));
        }
    }

    private void plugIn() throws Exception {
        pty = SocatPty.start(dir);
        peer = PymodbusPeer.start(pty.peerEnd, "rtu", "1", "");
    }

    private void unplug() {
        if (peer != null) {
            peer.close();
            peer = null;
        }
        if (pty != null) {
            pty.close();
            pty = null;
        }
    }

    private static void assertNotReachable(ModbusClient client, String reason) {
        ModbusException e = assertThrows(ModbusException.class, () -> client.readHoldingRegisters(0, 1));
        assertEquals(Kind.NOT_REACHABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
