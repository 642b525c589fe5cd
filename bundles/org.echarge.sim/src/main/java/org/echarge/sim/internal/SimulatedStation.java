package org.echarge.sim.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.echarge.sim.control.RegisterWriteListener;
import org.echarge.sim.control.SimulatedStationControl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.ModbusException;

/**
 * One simulated station of the demo site (factory PID {@code org.echarge.sim.station}): a SIM-1
 * served on 127.0.0.1, advanced once a second on the bundle's simulation thread, with vehicles
 * arriving and leaving on a seeded schedule (or plugged in by a benchmark through
 * {@link SimulatedStationControl}).
 */
@Component(configurationPid = SimulatedStation.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {StationLoad.class, SimulatedStationControl.class},
        immediate = true) // the station serves Modbus whether or not a house uses it
@Designate(ocd = SimulatedStationConfig.class, factory = true)
public final class SimulatedStation implements StationLoad, SimulatedStationControl {

    static final String PID = "org.echarge.sim.station";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedStation.class);

    private final StationSettings settings;
    private final Clock clock;
    private final StationServer server;
    private final VehicleSchedule schedule;
    private final ScheduledFuture<?> ticking;
    private Instant nextTraffic;
    private boolean portTakenReported;
    private boolean closed;
    private final int wiredPhase;
    private final List<RegisterWriteListener> writeListeners = new CopyOnWriteArrayList<>();

    @Activate
    public SimulatedStation(@Reference SimulationScheduler scheduler, SimulatedStationConfig config) {
        this(scheduler.executor(), StationSettings.of(config), Clock.systemUTC(), wiredPhase(config.wiredPhase()));
    }

    SimulatedStation(ScheduledExecutorService executor, StationSettings settings, Clock clock) {
        this(executor, settings, clock, 0);
    }

    private static int wiredPhase(String phase) {
        return switch (phase.trim().toUpperCase(Locale.ROOT)) {
            case "L1" -> 0;
            case "L2" -> 1;
            case "L3" -> 2;
            default -> throw new IllegalArgumentException("simulated station: wiredPhase '" + phase
                    + "' is not L1, L2 or L3");
        };
    }

    /**
     * Unlike the gateway's components, a simulated station binds its port at activation: it stands
     * for hardware that is there before the gateway starts (README). If the port is taken, every
     * tick tries again.
     */
    SimulatedStation(ScheduledExecutorService executor, StationSettings settings, Clock clock, int wiredPhase) {
        this.settings = settings;
        this.wiredPhase = wiredPhase;
        this.clock = clock;
        this.server = new StationServer(clock, settings.port(), settings.unitId(), settings.phases(),
                settings.maxCurrentAmpere(), settings.watchdogSeconds(), settings.serialNumber());
        this.schedule = new VehicleSchedule(settings.seed(), settings.meanArrival(), settings.meanStay());
        this.nextTraffic = clock.instant().plus(schedule.firstWait());
        server.observeWrites((register, value, nanoTime) -> {
            for (RegisterWriteListener listener : writeListeners) {
                try {
                    listener.written(settings.serialNumber(), register, value, nanoTime);
                } catch (RuntimeException e) {
                    LOG.warn("Simulated station {}: register write listener failed", name(), e);
                }
            }
        });
        serveIfNotServing();
        this.ticking = executor.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Advances the station to now; a vehicle arrives or leaves when its time has come. */
    synchronized void tick() {
        if (closed) {
            return;
        }
        try {
            serveIfNotServing();
            if (settings.vehicles() && !clock.instant().isBefore(nextTraffic)) {
                arriveOrLeave();
            }
            server.tick();
        } catch (RuntimeException e) { // an escaping exception would end the periodic tick for good
            LOG.error("Simulated station {}: tick failed", name(), e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindWriteListener(RegisterWriteListener listener) {
        writeListeners.add(listener);
    }

    void unbindWriteListener(RegisterWriteListener listener) {
        writeListeners.remove(listener);
    }

    @Override
    public String serialNumber() {
        return settings.serialNumber();
    }

    @Override
    public int port() {
        return settings.port();
    }

    @Override
    public synchronized void plugIn(String name, double maxCurrentAmpere, int phases, double energyWantedWattHour) {
        Vehicle vehicle = new Vehicle(name, maxCurrentAmpere, phases, energyWantedWattHour, false, 0, "");
        if (server.plugged()) {
            server.unplug();
        }
        LOG.info("Simulated station {}: {} plugged in, wants {} kWh", name(), name,
                Math.round(energyWantedWattHour / 1000));
        server.plugIn(vehicle);
        nextTraffic = clock.instant().plus(schedule.nextStay());
    }

    @Override
    public synchronized void unplug() {
        if (server.plugged()) {
            LOG.info("Simulated station {}: vehicle taken away after {} Wh", name(),
                    Math.round(server.sessionEnergyWattHour()));
            server.unplug();
            nextTraffic = clock.instant().plus(schedule.nextWait());
        }
    }

    @Override
    public int currentLimitRegister() {
        return server.currentLimitRegister();
    }

    private void serveIfNotServing() {
        if (server.serving()) {
            return;
        }
        try {
            server.open();
            LOG.info("Simulated station {} serves Modbus TCP (unit {})", name(), settings.unitId());
        } catch (ModbusException e) {
            if (!portTakenReported) {
                LOG.error("Simulated station {}: cannot serve ({}); trying again every second", name(), e.getMessage());
                portTakenReported = true;
            }
        }
    }

    private void arriveOrLeave() {
        if (server.plugged()) {
            LOG.info("Simulated station {}: vehicle leaves after {} Wh", name(),
                    Math.round(server.sessionEnergyWattHour()));
            server.unplug();
            nextTraffic = clock.instant().plus(schedule.nextWait());
        } else {
            Vehicle vehicle = schedule.nextVehicle();
            LOG.info("Simulated station {}: {} arrives, wants {} kWh{}{}", name(), vehicle.name(),
                    Math.round(vehicle.energyWantedWattHour() / 1000),
                    vehicle.rfid() == 0 ? "" : String.format(Locale.ROOT, ", RFID %08X", vehicle.rfid()),
                    vehicle.evccId().isEmpty() ? "" : ", EVCCID " + vehicle.evccId());
            server.plugIn(vehicle);
            nextTraffic = clock.instant().plus(schedule.nextStay());
        }
    }

    private String name() {
        return settings.serialNumber() + " (127.0.0.1:" + settings.port() + ")";
    }

    @Override
    public double[] buildingAmpere() {
        double[] building = new double[3];
        for (int terminal = 0; terminal < 3; terminal++) {
            building[(wiredPhase + terminal) % 3] += server.currentAmpere(terminal);
        }
        return building;
    }

    StationServer server() {
        return server;
    }

    boolean vehiclePlugged() {
        return server.plugged();
    }

    /** Stops ticking and frees the port; idempotent. */
    @Deactivate
    synchronized void deactivate() {
        closed = true;
        ticking.cancel(false);
        server.close();
    }
}
