package org.echarge.modbus.internal;

import java.nio.file.Path;

import org.echarge.api.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Modbus ASCII on the RS485 line, against pymodbus over a socat pty pair. */
class AsciiLineTest extends SerialLineContract {

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        startPeers(dir, "ascii");
    }

    @Override
    Transport framing() {
        return Transport.MODBUS_ASCII;
    }
}
