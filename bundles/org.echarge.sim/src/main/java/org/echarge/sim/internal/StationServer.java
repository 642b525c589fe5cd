package org.echarge.sim.internal;

import java.net.InetAddress;
import java.time.Clock;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;

/**
 * One SIM-1 station served over Modbus TCP on 127.0.0.1 by a j2mod slave. Public so that driver
 * tests can run one on the test class path (the bundle exports nothing).
 */
public final class StationServer implements AutoCloseable {

    static final String FIRMWARE = "SIM1 1.0.0";
    private static final int CONNECTIONS = 4;
    /** Makes "is the port free in j2mod's slave map, then take it" one step for our stations. */
    private static final Object SLAVE_MAP = new Object();

    private final int port;
    private final int unitId;
    private final StationModel model;
    private final StationRegisters registers;
    private final StationImage image;
    private ModbusSlave slave;

    public StationServer(Clock clock, int port, int unitId, int phases, double maxCurrentAmpere, int watchdogSeconds,
            String serialNumber) {
        this.port = port;
        this.unitId = unitId;
        this.model = new StationModel(clock, phases, (int) Math.round(maxCurrentAmpere * 10), watchdogSeconds);
        this.registers = new StationRegisters(model, serialNumber, FIRMWARE);
        this.image = new StationImage(unitId, registers);
    }

    /**
     * Starts listening on 127.0.0.1. j2mod keeps one slave per port in a static map and would hand
     * out a slave that is already there (someone else's, or one whose open failed), so this refuses
     * a port already in the map and removes a slave whose open failed.
     */
    public synchronized void open() throws ModbusException {
        if (slave != null) {
            return;
        }
        synchronized (SLAVE_MAP) {
            if (ModbusSlaveFactory.getSlave(ModbusSlaveType.TCP, port) != null) {
                throw new ModbusException("port " + port + " is served by another Modbus slave in this JVM");
            }
            ModbusSlave created = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port,
                    CONNECTIONS, false);
            created.setThreadName("echarge-sim modbus 127.0.0.1:" + port);
            created.addProcessImage(unitId, image);
            try {
                created.open();
            } catch (ModbusException e) {
                ModbusSlaveFactory.close(created);
                throw e;
            }
            slave = created;
        }
    }

    /**
     * Stops listening and frees the port (also in j2mod's map); idempotent. A client still connected
     * gets exception 2 for its next request, then j2mod closes that connection.
     */
    @Override
    public synchronized void close() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    public synchronized boolean serving() {
        return slave != null;
    }

    /**
     * Hears of every holding register write the station takes, on the Modbus connection's thread:
     * register, value, {@link System#nanoTime()} when it took effect.
     */
    void observeWrites(StationRegisters.WriteObserver observer) {
        registers.observe(observer);
    }

    /** Holding register 100: the current limit in 0.1 A. */
    public int currentLimitRegister() {
        return registers.read(StationRegisters.CURRENT_LIMIT);
    }

    /** Advances the simulation to the clock's now. */
    public void tick() {
        model.tick();
    }

    /** What the station draws now on its terminal L1..L3 (phase 0..2), in A. */
    public double currentAmpere(int phase) {
        return model.currentAmpere(phase);
    }

    public void plugIn(String name, double maxCurrentAmpere, int phases, double energyWantedWattHour) {
        plugIn(new Vehicle(name, maxCurrentAmpere, phases, energyWantedWattHour, false, 0, ""));
    }

    void plugIn(Vehicle vehicle) {
        model.plugIn(vehicle);
    }

    public void unplug() {
        model.unplug();
    }

    public boolean plugged() {
        return model.plugged();
    }

    /** The station fails (IEC state F, status 4) with this error code until {@link #clearFault()}. */
    public void fault(int errorCode) {
        model.fault(errorCode);
    }

    public void clearFault() {
        model.clearFault();
    }

    /** IEC 61851 state as register 20 reports it: 1 = A .. 6 = F. */
    public int iecState() {
        return model.iecState().code();
    }

    /** Station status as register 21 reports it. */
    public int status() {
        return model.status().code();
    }

    public double limitInForceAmpere() {
        return model.limitInForceDeciAmpere() / 10.0;
    }

    public double sessionEnergyWattHour() {
        return model.sessionEnergyWattHour();
    }
}
