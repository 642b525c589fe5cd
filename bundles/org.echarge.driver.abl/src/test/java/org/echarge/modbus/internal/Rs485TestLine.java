package org.echarge.modbus.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Modbus transport with its RS485 line on a test port in ABL framing, configured as ConfigAdmin would
 * (PID org.echarge.modbus.rs485). Lives in the transport's package because {@code configure} and
 * {@code deactivate} are DS methods, not API (the Heidelberg driver's tests do the same).
 */
public final class Rs485TestLine {

    private Rs485TestLine() {
    }

    /** ABL_ASCII at 38400 baud, 8N1: a Linux pty keeps no parity (the box itself uses 8E1). */
    public static ModbusTransportService ablAscii(Path port) {
        Map<String, Object> values = Map.of("portPath", port.toString(), "baudRate", 38400, "parity", "NONE",
                "framing", "ABL_ASCII");
        Rs485LineConfig config = (Rs485LineConfig) Proxy.newProxyInstance(Rs485LineConfig.class.getClassLoader(),
                new Class<?>[] {Rs485LineConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> Rs485LineConfig.class;
                    case "toString" -> "Rs485LineConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
        ModbusTransportService transport = new ModbusTransportService();
        transport.configure(config);
        return transport;
    }

    /** As DS does when the transport goes away: the port is closed. */
    public static void close(ModbusTransportService transport) {
        transport.deactivate();
    }
}
