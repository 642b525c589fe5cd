package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the transport takes RS485 configurations (no port involved: the error says which one is in force). */
class Rs485ConfigurationTest {

    private final ModbusTransportService transport = new ModbusTransportService();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @Test
    void withoutConfigurationThereIsNoLine() {
        transport.configure(ConfigAnnotations.rs485());
        assertEquals("RS485 unit 1: no RS485 line is configured (org.echarge.modbus.rs485, portPath)", failure());
    }

    @Test
    void refusedFirstConfigurationLeavesTheLineOffAndSaysWhy() {
        transport.configure(ConfigAnnotations.rs485("portPath", "/nonexistent/tty", "parity", "none?"));
        assertEquals("RS485 unit 1: RS485 line configuration refused: parity: one of [NONE, EVEN, ODD], not 'none?'",
                failure());
    }

    @Test
    void refusedChangeKeepsThePreviousConfigurationAndAValidOneReplacesIt() {
        transport.configure(ConfigAnnotations.rs485("portPath", "/nonexistent/first"));
        transport.configure(ConfigAnnotations.rs485("portPath", "/nonexistent/second", "baudRate", 1));
        assertEquals("RS485 /nonexistent/first: /nonexistent/first does not exist (adapter unplugged?)", failure());
        transport.configure(ConfigAnnotations.rs485("portPath", "/nonexistent/second"));
        assertEquals("RS485 /nonexistent/second: /nonexistent/second does not exist (adapter unplugged?)", failure());
        transport.configure(ConfigAnnotations.rs485("portPath", ""));
        assertEquals("RS485 unit 1: no RS485 line is configured (org.echarge.modbus.rs485, portPath)", failure());
    }

    private String failure() {
        try (ModbusClient client = transport.open(new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1),
                new ModbusOptions(Duration.ofMillis(100), Duration.ZERO))) {
            ModbusException e = assertThrows(ModbusException.class, () -> client.readInputRegisters(0, 1));
            assertEquals(Kind.NOT_REACHABLE, e.kind());
            return e.getMessage();
        }
    }
}
