package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/** The transport against j2mod's Modbus TCP slave on 127.0.0.1. */
class TcpTransportLoopbackTest {

    private static final ModbusOptions OPTIONS = new ModbusOptions(Duration.ofMillis(500), Duration.ZERO);

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final ModbusTransportService transport = new ModbusTransportService(clock);
    private final int port = FreePort.onLoopback();
    private ModbusSlave slave;

    @AfterEach
    void stop() {
        transport.deactivate();
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
    }

    @Test
    void readsAndWritesRegisters() throws Exception {
        startSlave(0);
        try (ModbusClient client = transport.open(DeviceAddress.tcp("127.0.0.1", port, 1), OPTIONS)) {
            assertArrayEquals(new int[] {0xEC01, 7}, client.readInputRegisters(0, 2));
            client.writeRegister(100, 160);
            client.writeRegisters(101, 1, 15);
            assertArrayEquals(new int[] {160, 1, 15}, client.readHoldingRegisters(100, 3));
        }
    }

    @Test
    void readsAndWritesCoils() throws Exception {
        startSlave(0);
        try (ModbusClient client = transport.open(DeviceAddress.tcp("127.0.0.1", port, 1), OPTIONS)) {
            assertArrayEquals(new boolean[] {false, true, false}, client.readCoils(0, 3));
            client.writeCoil(2, true);
            client.writeCoil(1, false);
            assertArrayEquals(new boolean[] {false, false, true}, client.readCoils(0, 3));
            ModbusException beyond = assertThrows(ModbusException.class, () -> client.writeCoil(50, true));
            assertEquals(2, beyond.exceptionCode(), "illegal data address");
        }
    }

    @Test
    void exceptionResponseIsACommunicationErrorWithItsCode() throws Exception {
        startSlave(0);
        try (ModbusClient client = transport.open(DeviceAddress.tcp("127.0.0.1", port, 1), OPTIONS)) {
            ModbusException e = assertThrows(ModbusException.class, () -> client.readInputRegisters(500, 2));
            assertEquals(Kind.COMMUNICATION, e.kind());
            assertEquals(2, e.exceptionCode());
            // the line stays usable after an exception response
            assertArrayEquals(new int[] {0xEC01}, client.readInputRegisters(0, 1));
        }
    }

    @Test
    void closedPortIsNotReachableThenBacksOffThenRecovers() throws Exception {
        try (ModbusClient client = transport.open(DeviceAddress.tcp("127.0.0.1", port, 1), OPTIONS)) {
            ModbusException refused = assertThrows(ModbusException.class, () -> client.readInputRegisters(0, 1));
            assertEquals(Kind.NOT_REACHABLE, refused.kind());

            startSlave(0);
            ModbusException waiting = assertThrows(ModbusException.class, () -> client.readInputRegisters(0, 1));
            assertEquals(Kind.NOT_REACHABLE, waiting.kind());
            assertTrue(waiting.getMessage().contains("next connection attempt"), waiting.getMessage());

            clock.advance(Duration.ofSeconds(1));
            assertArrayEquals(new int[] {0xEC01}, client.readInputRegisters(0, 1));
        }
    }

    @Test
    void reconnectsTransparentlyWhenTheDeviceClosedAnIdleConnection() throws Exception {
        startSlave(1);
        try (ModbusClient client = transport.open(DeviceAddress.tcp("127.0.0.1", port, 1), OPTIONS)) {
            assertArrayEquals(new int[] {0xEC01}, client.readInputRegisters(0, 1));
            Thread.sleep(2500); // the slave drops connections idle for more than 1 s
            assertArrayEquals(new int[] {0xEC01}, client.readInputRegisters(0, 1));
        }
    }

    @Test
    void devicesBehindOneEndpointShareOneConnection() throws Exception {
        startSlave(0);
        ModbusClient first = transport.open(DeviceAddress.tcp("127.0.0.1", port, 1), OPTIONS);
        ModbusClient second = transport.open(DeviceAddress.tcp("127.0.0.1", port, 2), OPTIONS);
        assertEquals(1, transport.openLines());
        first.close();
        first.close();
        assertEquals(1, transport.openLines());
        second.close();
        assertEquals(0, transport.openLines());
    }

    private void startSlave(int maxIdleSeconds) throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(1);
        image.addInputRegister(new SimpleInputRegister(0xEC01));
        image.addInputRegister(new SimpleInputRegister(7));
        for (int i = 0; i < 110; i++) {
            image.addRegister(new SimpleRegister(0));
        }
        for (int i = 0; i < 3; i++) {
            image.addDigitalOut(new com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut(i == 1));
        }
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false, maxIdleSeconds);
        slave.addProcessImage(1, image);
        slave.open();
    }
}
