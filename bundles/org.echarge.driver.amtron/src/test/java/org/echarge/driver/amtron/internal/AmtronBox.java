package org.echarge.driver.amtron.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echarge.testsupport.ScriptedPeer;

/**
 * A simulated AMTRON Compact 2.0s on the peer end of a socat pty pair: {@code amtron_box.py} on
 * pymodbus; it reports LAPSED, RECOVERED, REBOOTED and RESET.
 */
final class AmtronBox {

    private static final String INSTALL = "The serial line test needs the Debian packages socat, python3-pymodbus, python3-serial and"
            + " python3-serial-asyncio (apt-get install -y socat python3-pymodbus python3-serial python3-serial-asyncio)";

    private AmtronBox() {
    }

    /** Starts the box at {@code unit} on {@code port}; options as in the script, e.g. {@code --layout 0x0100}. */
    static ScriptedPeer start(Path port, int unit, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(port.toString(), Integer.toString(unit)));
        arguments.addAll(List.of(options));
        return ScriptedPeer.start(AmtronBox.class, "amtron_box.py", port.getParent(), arguments, INSTALL);
    }
}
