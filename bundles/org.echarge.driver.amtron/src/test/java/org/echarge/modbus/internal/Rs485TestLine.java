package org.echarge.modbus.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The modbus transport with its RS485 line on a test port, configured as ConfigAdmin would (PID
 * org.echarge.modbus.rs485). Lives in the transport's package because {@code configure} and
 * {@code deactivate} are DS methods, not API; adapted from the Heidelberg driver's helper of the same name.
 */
public final class Rs485TestLine {

    private Rs485TestLine() {
    }

    /**
     * RTU at the AMTRON's own settings, 57600 baud, 8 data bits, no parity, 2 stop bits: a Linux pty keeps all
     * of them (it drops only parity and 7 data bits), so the transport's read-back of the settings passes.
     */
    public static ModbusTransportService amtronLine(Path port, int timeoutMillis) {
        Map<String, Object> values = Map.of("portPath", port.toString(), "baudRate", 57600, "parity", "NONE",
                "stopBits", 2, "framing", "RTU", "timeoutMillis", timeoutMillis);
        Rs485LineConfig config = (Rs485LineConfig) Proxy.newProxyInstance(Rs485LineConfig.class.getClassLoader(),
                new Class<?>[] {Rs485LineConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return Rs485LineConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "Rs485LineConfig" + values
                                : method.invoke(values, args);
                    }
                    Object value = values.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
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
