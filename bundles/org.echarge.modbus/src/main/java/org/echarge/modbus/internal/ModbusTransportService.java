package org.echarge.modbus.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.echarge.api.DeviceAddress;
import org.echarge.api.Transport;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.ModbusTransport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The gateway's Modbus transport: one shared connection per TCP endpoint, reference counted. */
@Component(service = ModbusTransport.class)
public final class ModbusTransportService implements ModbusTransport {

    private final Clock clock;
    private final Map<String, SharedLine> lines = new HashMap<>();

    public ModbusTransportService() {
        this(Clock.systemUTC());
    }

    ModbusTransportService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized ModbusClient open(DeviceAddress address, ModbusOptions options) {
        if (address.transport() != Transport.MODBUS_TCP) {
            throw new UnsupportedOperationException(address.transport() + " is not available yet in this transport");
        }
        String key = address.host() + ":" + address.port();
        SharedLine shared = lines.computeIfAbsent(key, k -> new SharedLine(new TcpLine(address.host(), address.port(), clock)));
        shared.users++;
        return new TcpModbusClient(shared.line, address.unitId(), options, () -> release(key, shared));
    }

    private synchronized void release(String key, SharedLine shared) {
        shared.users--;
        if (shared.users == 0 && lines.get(key) == shared) {
            lines.remove(key);
            shared.line.close();
        }
    }

    /** Number of open TCP endpoints (for tests and diagnostics). */
    synchronized int openLines() {
        return lines.size();
    }

    @Deactivate
    synchronized void deactivate() {
        lines.values().forEach(shared -> shared.line.close());
        lines.clear();
    }

    private static final class SharedLine {
        final TcpLine line;
        int users;

        SharedLine(TcpLine line) {
            this.line = line;
        }
    }
}
