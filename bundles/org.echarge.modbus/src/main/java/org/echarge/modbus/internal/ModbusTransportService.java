package org.echarge.modbus.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.echarge.api.DeviceAddress;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.ModbusTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Modbus transport: one shared connection per TCP endpoint, reference counted,
 * and the one RS485 line (configuration PID {@value #RS485_PID}) for every RTU and ASCII device.
 */
@Component(service = ModbusTransport.class, configurationPid = ModbusTransportService.RS485_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Rs485LineConfig.class)
public final class ModbusTransportService implements ModbusTransport {

    static final String RS485_PID = "org.echarge.modbus.rs485";
    private static final Logger LOG = LoggerFactory.getLogger(ModbusTransportService.class);

    private final Clock clock;
    private final Map<String, SharedLine> lines = new HashMap<>();
    private final SerialLine serial;
    private int serialUsers;

    public ModbusTransportService() {
        this(Clock.systemUTC());
    }

    ModbusTransportService(Clock clock) {
        this.clock = clock;
        this.serial = new SerialLine(clock);
    }

    /**
     * A valid RS485 configuration replaces the running one as a whole (the port is reopened with
     * the next request); an invalid one changes nothing, or leaves the line off if none ran.
     */
    @Activate
    @Modified
    void configure(Rs485LineConfig config) {
        Optional<SerialLineSettings> settings;
        try {
            settings = SerialLineSettings.of(config);
        } catch (IllegalArgumentException e) {
            if (serial.settings().isPresent()) {
                LOG.error("RS485 line configuration refused, the previous one stays in force: {}", e.getMessage());
            } else {
                LOG.error("RS485 line configuration refused, no RS485 line until it is corrected: {}", e.getMessage());
                serial.unconfigure("RS485 line configuration refused: " + e.getMessage());
            }
            return;
        }
        settings.ifPresentOrElse(line -> {
            LOG.info("RS485 line: {}, default timeout {} ms", line.describe(), line.timeout().toMillis());
            serial.configure(line);
        }, () -> serial.unconfigure("no RS485 line is configured (" + RS485_PID + ", portPath)"));
    }

    @Override
    public synchronized ModbusClient open(DeviceAddress address, ModbusOptions options) {
        if (address.transport().onSerialLine()) {
            if (address.unitId() < 1 || address.unitId() > 247) {
                throw new IllegalArgumentException("a device on the RS485 line needs a Modbus address 1..247, not "
                        + address.unitId() + " (0 is broadcast)");
            }
            serialUsers++;
            return new LineClient(serial.as(address.transport()), address.unitId(), options, this::releaseSerial);
        }
        String key = address.host() + ":" + address.port();
        SharedLine shared = lines.computeIfAbsent(key, k -> new SharedLine(new TcpLine(address.host(), address.port(), clock)));
        shared.users++;
        return new LineClient(shared.line, address.unitId(), options, () -> release(key, shared));
    }

    private synchronized void release(String key, SharedLine shared) {
        shared.users--;
        if (shared.users == 0 && lines.get(key) == shared) {
            lines.remove(key);
            shared.line.close();
        }
    }

    /** The port is released with the last device on the line (another program may use it then). */
    private void releaseSerial() {
        boolean last;
        synchronized (this) {
            last = --serialUsers == 0;
        }
        if (last) {
            serial.closePort(); // outside the monitor: it waits for the request on the line
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
        serial.close();
    }

    private static final class SharedLine {
        final TcpLine line;
        int users;

        SharedLine(TcpLine line) {
            this.line = line;
        }
    }
}
