package org.echarge.driver.alfen.internal;

import java.net.InetAddress;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;

import org.echarge.testsupport.WholeRequestImage;

/**
 * An {@link AlfenStation} served over Modbus TCP on 127.0.0.1 by a j2mod slave: unit 200 for the station,
 * units 1 (and 2) for the sockets. Like the station: two masters at a time, and a connection without a
 * request for 60 s is closed.
 */
final class AlfenStationServer implements AutoCloseable {

    private static final int MASTERS = 2;
    private static final int IDLE_SECONDS = 60;

    private final int port;
    private final AlfenStation station;
    private ModbusSlave slave;

    AlfenStationServer(AlfenStation station, int port) {
        this.port = port;
        this.station = station;
    }

    /** j2mod keeps one slave per port in a static map: refuse a taken port, drop a slave whose open failed. */
    synchronized void open() throws ModbusException {
        if (slave != null) {
            return;
        }
        if (ModbusSlaveFactory.getSlave(ModbusSlaveType.TCP, port) != null) {
            throw new ModbusException("port " + port + " is served by another Modbus slave in this JVM");
        }
        ModbusSlave created = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, MASTERS, false,
                IDLE_SECONDS);
        created.setThreadName("alfen-sim 127.0.0.1:" + port);
        created.addProcessImage(AlfenStation.STATION_UNIT, image(AlfenStation.STATION_UNIT));
        for (int socket = 1; socket <= station.settings().sockets(); socket++) {
            created.addProcessImage(socket, image(socket));
        }
        try {
            created.open();
        } catch (ModbusException e) {
            ModbusSlaveFactory.close(created);
            throw e;
        }
        slave = created;
    }

    /** One unit id of the station; Alfen has holding registers only. */
    private WholeRequestImage image(int unit) {
        return new WholeRequestImage(unit, (address, count) -> station.read(unit, address, count),
                (address, words) -> station.write(unit, address, words), false);
    }

    @Override
    public synchronized void close() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }
}
