package org.echarge.sim.internal;

import java.net.InetAddress;
import java.time.Clock;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * A SIM-1 station served over Modbus TCP on 127.0.0.1. Public so that driver tests can run one
 * on the test class path (the bundle exports nothing).
 */
public final class StationServer implements AutoCloseable {

    private final int port;
    private final int unitId;
    private final StationModel model;
    private final StationRegisters registers;
    private ModbusSlave slave;

    public StationServer(Clock clock, int port, int unitId, int phases, double maxCurrentAmpere, int watchdogSeconds,
            String serialNumber) {
        this.port = port;
        this.unitId = unitId;
        this.model = new StationModel(clock, phases, maxCurrentAmpere, watchdogSeconds);
        this.registers = new StationRegisters(model, unitId, serialNumber, SimulatedStation.FIRMWARE);
    }

    /** Starts listening; j2mod keeps one slave per port, closed again by {@link #close()}. */
    public synchronized void open() throws ModbusException {
        if (slave != null) {
            return;
        }
        ModbusSlave opened = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        opened.addProcessImage(unitId, registers.image());
        try {
            opened.open();
        } catch (ModbusException e) {
            ModbusSlaveFactory.close(opened);
            throw e;
        }
        slave = opened;
    }

    @Override
    public synchronized void close() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    /** Advances the simulation to the clock's now and publishes the values. */
    public void tick() {
        model.tick();
        registers.refresh();
    }

    public void plugIn(String name, double maxCurrentAmpere, int phases, double energyWantedWattHour) {
        plugIn(new Vehicle(name, maxCurrentAmpere, phases, energyWantedWattHour, false, 0, ""));
    }

    void plugIn(Vehicle vehicle) {
        model.plugIn(vehicle);
        registers.refresh();
    }

    public void unplug() {
        model.unplug();
        registers.refresh();
    }

    public boolean plugged() {
        return model.plugged();
    }

    public int iecState() {
        return model.iecState();
    }

    public int status() {
        return model.status();
    }

    public double limitInForceAmpere() {
        return model.limitInForceAmpere();
    }

    double sessionEnergyWattHour() {
        return model.sessionEnergyWattHour();
    }
}
