package org.echarge.sim.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.ModbusException;

/**
 * One simulated station of the demo site (factory PID {@code org.echarge.sim.station}): a j2mod
 * Modbus TCP slave on 127.0.0.1 serving the SIM-1 register map, advanced once a second, with
 * vehicles arriving and leaving on a seeded schedule.
 */
@Component(configurationPid = "org.echarge.sim.station", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = SimulatedStationConfig.class, factory = true)
public final class SimulatedStation {

    static final String FIRMWARE = "SIM1 1.0.0";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedStation.class);

    private final SimulatedStationConfig config;
    private final Clock clock;
    private final StationServer server;
    private final VehicleSchedule schedule;
    private final ScheduledFuture<?> ticking;
    private boolean serving;
    private Instant nextEvent;
    private boolean closed;

    @Activate
    public SimulatedStation(@Reference SimulationScheduler scheduler, SimulatedStationConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        this.server = new StationServer(clock, config.port(), config.unitId(), config.phases(),
                config.maxCurrentAmpere(), config.watchdogSeconds(), config.serialNumber());
        this.schedule = new VehicleSchedule(config.seed(), config.meanArrivalSeconds(), config.meanStaySeconds());
        this.nextEvent = clock.instant().plus(schedule.nextArrival().dividedBy(4)); // first car comes soon
        // Unlike gateway components, a simulated device binds its port at activation: it stands for
        // hardware that is there before the gateway starts (the bundle starts at level 70, the
        // gateway at 80). If the port is taken, the tick retries.
        serveIfClosed();
        this.ticking = scheduler.executor().scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void serveIfClosed() {
        if (serving || closed) {
            return;
        }
        try {
            server.open();
            serving = true;
            LOG.info("Simulated station {} serves Modbus TCP on 127.0.0.1:{} (unit {})", config.serialNumber(),
                    config.port(), config.unitId());
        } catch (ModbusException e) {
            LOG.error("Simulated station {}: cannot serve 127.0.0.1:{} ({}); retrying", config.serialNumber(),
                    config.port(), e.getMessage());
        }
    }

    /** Serves again if the port was taken at activation, then advances the simulation by one second. */
    private synchronized void tick() {
        if (closed) {
            return;
        }
        serveIfClosed();
        try {
            if (config.vehicles() && !clock.instant().isBefore(nextEvent)) {
                arriveOrLeave();
            }
            server.tick();
        } catch (RuntimeException e) {
            LOG.error("Simulated station {}: tick failed", config.serialNumber(), e);
        }
    }

    private void arriveOrLeave() {
        if (server.plugged()) {
            LOG.info("Simulated station {} (port {}): vehicle leaves after {} Wh", config.serialNumber(), config.port(),
                    Math.round(server.sessionEnergyWattHour()));
            server.unplug();
            nextEvent = clock.instant().plus(schedule.nextArrival());
        } else {
            Vehicle vehicle = schedule.nextVehicle();
            LOG.info("Simulated station {} (port {}): {} arrives, wants {} kWh", config.serialNumber(), config.port(),
                    vehicle.name(), Math.round(vehicle.energyWantedWattHour() / 1000));
            server.plugIn(vehicle);
            nextEvent = clock.instant().plus(schedule.nextStay());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        closed = true; // a tick that was already waiting for this lock does nothing
        ticking.cancel(false);
        server.close();
    }
}
