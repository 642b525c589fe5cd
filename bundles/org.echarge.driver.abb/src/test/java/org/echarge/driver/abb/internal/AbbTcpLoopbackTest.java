package org.echarge.driver.abb.internal;

import org.echarge.testsupport.ScriptedPeer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.testsupport.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract over Modbus TCP on 127.0.0.1, the box's one client at a time. */
class AbbTcpLoopbackTest extends AbbBoxContract {

    private final int port = FreePort.onLoopback();

    @BeforeEach
    void transport() {
        transport = new ModbusTransportService();
    }

    /** Every request went over the one connection the box allows. */
    @AfterEach
    void oneConnection() {
        assertEquals(List.of(), box == null ? List.of() : box.lines("REFUSED"));
    }

    @Override
    ScriptedPeer startBox(String... options) throws Exception {
        return AbbBox.tcp(dir, port, options);
    }

    @Override
    DeviceAddress address() {
        return DeviceAddress.tcp("127.0.0.1", port, 1);
    }
}
