package org.echarge.driver.phoenix.internal;

import java.net.InetAddress;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/** A {@link PhoenixController} served over Modbus TCP on 127.0.0.1 by a j2mod slave, at unit id 255. */
final class PhoenixControllerServer implements AutoCloseable {

    private static final int MASTERS = 2;

    private final int port;
    private final PhoenixController controller;
    private ModbusSlave slave;

    PhoenixControllerServer(PhoenixController controller, int port) {
        this.port = port;
        this.controller = controller;
    }

    /** j2mod keeps one slave per port in a static map: refuse a taken port, drop a slave whose open failed. */
    synchronized void open() throws ModbusException {
        if (slave != null) {
            return;
        }
        if (ModbusSlaveFactory.getSlave(com.ghgande.j2mod.modbus.slave.ModbusSlaveType.TCP, port) != null) {
            throw new ModbusException("port " + port + " is served by another Modbus slave in this JVM");
        }
        ModbusSlave created = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, MASTERS, false);
        created.setThreadName("ev-eth-sim 127.0.0.1:" + port);
        created.addProcessImage(PhoenixController.UNIT_ID, new PhoenixControllerImage(controller));
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
