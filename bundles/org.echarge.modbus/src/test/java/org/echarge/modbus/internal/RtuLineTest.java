package org.echarge.modbus.internal;

import java.nio.file.Path;

import org.echarge.api.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Modbus RTU on the RS485 line, against pymodbus over a socat pty pair. */
class RtuLineTest extends SerialLineContract {

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        startPeers(dir, "rtu");
    }

    @Override
    Transport framing() {
        return Transport.MODBUS_RTU;
    }
}
