package org.echarge.driver.schneider.internal;

import java.net.InetAddress;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;

import org.echarge.testsupport.WholeRequestImage;

/** A {@link SchneiderStation} served over Modbus TCP on 127.0.0.1 by a j2mod slave, unit id 255 as the station. */
final class SchneiderStationServer implements AutoCloseable {

    static final int UNIT_ID = 255;

    private final int port;
    private final SchneiderStation station;
    private ModbusSlave slave;

    SchneiderStationServer(SchneiderStation station, int port) {
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
        ModbusSlave created = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        created.setThreadName("evlink-sim 127.0.0.1:" + port);
        // function 3 and 4 read the same registers (the sources show both in use)
        created.addProcessImage(UNIT_ID, new WholeRequestImage(UNIT_ID, station::read, station::write, true));
        try {
            created.open();
        } catch (ModbusException e) {
            ModbusSlaveFactory.close(created);
            throw e;
        }
        slave = created;
    }

    @Override
    public synchronized void close() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }
}
