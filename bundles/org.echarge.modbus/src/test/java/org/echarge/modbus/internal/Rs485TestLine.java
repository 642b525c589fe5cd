package org.echarge.modbus.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Modbus transport with its RS485 line on a test port, configured as ConfigAdmin would (PID
 * org.echarge.modbus.rs485), for the serial drivers' tests (this module's test jar). Lives in the
 * transport's package because {@code configure} and {@code deactivate} are DS methods, not API.
 */
public final class Rs485TestLine {

    private Rs485TestLine() {
    }

    /**
     * The line on {@code port} with the given settings (the metatype's keys), the defaults for the
     * rest. Tests on a Linux pty set parity NONE: a pty keeps no parity, and the transport refuses a
     * port that did not take the line settings.
     */
    public static ModbusTransportService open(Path port, Map<String, ?> settings) {
        Map<String, Object> values = new HashMap<>(settings);
        values.put("portPath", port.toString());
        ModbusTransportService transport = new ModbusTransportService();
        transport.configure(ConfigAnnotations.of(Rs485LineConfig.class, values));
        return transport;
    }

    /** As DS does when the transport goes away: the port is closed. */
    public static void close(ModbusTransportService transport) {
        transport.deactivate();
    }
}
