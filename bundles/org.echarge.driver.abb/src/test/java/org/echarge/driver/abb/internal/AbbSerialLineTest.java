package org.echarge.driver.abb.internal;

import java.util.Map;

import org.echarge.testsupport.ScriptedPeer;
import org.echarge.testsupport.SocatPty;
import org.echarge.api.DeviceAddress;
import org.echarge.api.Transport;
import org.echarge.modbus.internal.Rs485TestLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract over Modbus RTU on the RS485 line: the transport's line on one end of a socat pty pair. */
class AbbSerialLineTest extends AbbBoxContract {

    private static final int UNIT = 3;

    private SocatPty pty;

    @BeforeEach
    void line() throws Exception {
        SocatPty.assumeInstalled();
        pty = SocatPty.start(dir);
        transport = Rs485TestLine.open(pty.gatewayEnd,
                Map.of("parity", "NONE", "framing", "RTU", "timeoutMillis", 500));
    }

    @AfterEach
    void unplug() {
        if (pty != null) {
            pty.close();
        }
    }

    @Override
    ScriptedPeer startBox(String... options) throws Exception {
        String[] all = new String[options.length + 2];
        all[0] = "--unit";
        all[1] = Integer.toString(UNIT);
        System.arraycopy(options, 0, all, 2, options.length);
        return AbbBox.serial(pty.peerEnd, all);
    }

    @Override
    DeviceAddress address() {
        return new DeviceAddress(Transport.MODBUS_RTU, "", 0, UNIT);
    }
}
