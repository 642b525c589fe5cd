package org.echarge.driver.abb.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echarge.testsupport.ScriptedPeer;

/**
 * A simulated Terra AC: {@code abb_box.py} on pymodbus, serving Modbus TCP on 127.0.0.1 or Modbus RTU
 * on the peer end of a pty pair; it reports LAPSED, RECOVERED and REFUSED.
 */
final class AbbBox {

    private static final String INSTALL = "The simulated Terra AC needs the Debian packages python3-pymodbus,"
            + " python3-serial and python3-serial-asyncio, and socat for the RS485 test (apt-get install -y socat"
            + " python3-pymodbus python3-serial python3-serial-asyncio)";

    private AbbBox() {
    }

    /** A box serving Modbus TCP on 127.0.0.1:{@code port}; options as in the script, e.g. {@code --max-a 16}. */
    static ScriptedPeer tcp(Path dir, int port, String... options) throws IOException {
        return start(dir, List.of("--tcp", Integer.toString(port)), options);
    }

    /** A box serving Modbus RTU on {@code port}, the peer end of a pty pair. */
    static ScriptedPeer serial(Path port, String... options) throws IOException {
        return start(port.getParent(), List.of("--serial", port.toString()), options);
    }

    private static ScriptedPeer start(Path dir, List<String> where, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(where);
        arguments.addAll(List.of(options));
        return ScriptedPeer.start(AbbBox.class, "abb_box.py", dir, arguments, INSTALL);
    }
}
