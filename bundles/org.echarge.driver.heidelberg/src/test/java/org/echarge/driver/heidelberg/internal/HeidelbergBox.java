package org.echarge.driver.heidelberg.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echarge.testsupport.ScriptedPeer;

/**
 * A simulated Energy Control on the peer end of a socat pty pair: {@code heidelberg_box.py} on
 * pymodbus; it reports LAPSED, RECOVERED, STANDBY and TOO_FAST.
 */
final class HeidelbergBox {

    private static final String INSTALL = "The serial line test needs the Debian packages socat, python3-pymodbus, python3-serial and"
            + " python3-serial-asyncio (apt-get install -y socat python3-pymodbus python3-serial python3-serial-asyncio)";

    private HeidelbergBox() {
    }

    /** Starts the box at {@code unit} on {@code port}; options as in the script, e.g. {@code --layout 0x0104}. */
    static ScriptedPeer start(Path port, int unit, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(port.toString(), Integer.toString(unit)));
        arguments.addAll(List.of(options));
        return ScriptedPeer.start(HeidelbergBox.class, "heidelberg_box.py", port.getParent(), arguments, INSTALL);
    }
}
