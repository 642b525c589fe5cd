package org.echarge.modbus.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The modbus transport with its RS485 line on a test port, configured as ConfigAdmin would (PID
 * org.echarge.modbus.rs485). Lives in the transport's package because {@code configure} and
 * {@code deactivate} are DS methods, not API; adapted from the transport's own {@code ConfigAnnotations}.
 */
public final class Rs485TestLine {

    private Rs485TestLine() {
    }

    /**
     * RTU at 19200 baud, 8 data bits, 1 stop bit, but no parity: a Linux pty keeps no parity, and the transport
     * refuses a port that did not take the line settings (the Terra AC is set in TerraConfig, e.g. 9600 8N1).
     */
    public static ModbusTransportService on(Path port, int timeoutMillis) {
        Map<String, Object> values = Map.of("portPath", port.toString(), "parity", "NONE", "framing", "RTU",
                "timeoutMillis", timeoutMillis);
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
