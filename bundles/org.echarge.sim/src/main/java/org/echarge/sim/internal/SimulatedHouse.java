package org.echarge.sim.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.echarge.api.Phase;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.dlm.MeterSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo site's house and smart meter (PID {@code org.echarge.sim.house}): every second the line
 * current is the house load plus what the simulated stations draw; it goes to DLM like a smart
 * meter's telegrams (every interval and on change, in A or W as DLM expects), and switching on a
 * high power appliance reports like object 13. Until the KNX binding's virtual network exists,
 * the values go straight to the {@link LoadManagement} service.
 */
@Component(configurationPid = SimulatedHouse.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = SimulatedHouseConfig.class)
public final class SimulatedHouse {

    static final String PID = "org.echarge.sim.house";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedHouse.class);

    private final List<StationLoad> stations = new CopyOnWriteArrayList<>();
    private final SimulatedHouseConfig config;
    private final Clock clock;
    private final HouseLoad house;
    private final ScheduledFuture<?> ticking;
    private volatile LoadManagement dlm;
    private final double[] lastSent = {Double.NaN, Double.NaN, Double.NaN};
    private Instant lastSentAt = Instant.MIN;

    @Activate
    public SimulatedHouse(@Reference SimulationScheduler scheduler, SimulatedHouseConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        this.house = new HouseLoad(config.seed(), new double[] {config.baseL1Ampere(), config.baseL2Ampere(),
                config.baseL3Ampere()}, config.applianceScale(), clock.instant());
        this.ticking = scheduler.executor().scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStation(StationLoad station) {
        stations.add(station);
    }

    void unbindStation(StationLoad station) {
        stations.remove(station);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoadManagement(LoadManagement service) {
        dlm = service;
    }

    void unbindLoadManagement(LoadManagement service) {
        if (dlm == service) {
            dlm = null;
        }
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            List<HouseLoad.Appliance> switchedOn = house.advance(now);
            double[] line = house.ampere();
            for (StationLoad station : stations) {
                double[] draw = station.buildingAmpere();
                for (int p = 0; p < 3; p++) {
                    line[p] += draw[p];
                }
            }
            LoadManagement target = dlm;
            for (HouseLoad.Appliance appliance : switchedOn) {
                LOG.info("Simulated house: {} on ({} A)", appliance.name(), format(appliance.ampere()));
                if (appliance.highPower() && target != null && target.meterSettings().dlmOn()) {
                    target.highPowerDevices(true);
                }
            }
            if (target != null && target.meterSettings().dlmOn() && due(now, line)) {
                send(target, line);
                lastSentAt = now;
                System.arraycopy(line, 0, lastSent, 0, 3);
            }
        } catch (RuntimeException e) { // an escaping exception would end the periodic tick for good
            LOG.error("Simulated house: tick failed", e);
        }
    }

    private boolean due(Instant now, double[] line) {
        if (!now.isBefore(lastSentAt.plus(Duration.ofSeconds(config.meterIntervalSeconds())))) {
            return true;
        }
        double threshold = config.changeThresholdAmpere();
        for (int p = 0; p < 3; p++) {
            if (threshold > 0 && (Double.isNaN(lastSent[p]) || Math.abs(line[p] - lastSent[p]) > threshold)) {
                return true;
            }
        }
        return false;
    }

    /** As the smart meter: objects 10-12 in the unit DLM expects; a 1-phase meter sends L1 only. */
    private void send(LoadManagement target, double[] line) {
        MeterSettings meter = target.meterSettings();
        boolean power = meter.measurement() == MeterSettings.Measurement.POWER;
        for (int p = 0; p < meter.phases(); p++) {
            target.meterValue(Phase.values()[p], power ? line[p] * config.phaseVoltage() : line[p]);
        }
    }

    private static String format(double[] ampere) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", ampere[0], ampere[1], ampere[2]);
    }

    @Deactivate
    void deactivate() {
        ticking.cancel(false);
    }
}
