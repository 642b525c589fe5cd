package org.echarge.driver.bender.internal;

import java.net.InetAddress;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;

import org.echarge.testsupport.WholeRequestImage;

/**
 * A {@link BenderController} served over Modbus TCP on 127.0.0.1 by a j2mod slave; like the controller it
 * answers every unit id 1..255. A twin station is two of these, on the base port and base port + 1.
 */
final class BenderControllerServer implements AutoCloseable {

    private final int port;
    private final WholeRequestImage image;
    private ModbusSlave slave;

    BenderControllerServer(BenderController controller, int port) {
        this.port = port;
        // holding registers only; a ConnectionDropped leaves j2mod's connection handler, which closes the
        // socket as the 4You family does on 730/740 (j2mod logs "Problem starting receiver thread")
        this.image = new WholeRequestImage(255, controller::read, controller::write, false);
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
        created.setThreadName("bender-sim 127.0.0.1:" + port);
        for (int unit = 1; unit <= 255; unit++) {
            created.addProcessImage(unit, image);
        }
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
