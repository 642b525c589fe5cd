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
import org.echarge.knx.virtual.VirtualKnx;
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
 * current is the house load plus what the simulated stations draw. The smart meter reports it as DLM
 * is configured (objects 10-12 in its datapoint type, every interval and on change; with "in
 * operation" monitoring object 20 cyclically and values on change), and a high power appliance that
 * switches on reports on object 13. It sends KNX telegrams on the virtual KNX network when the
 * gateway's KNX binding is on that network; otherwise the values go straight to DLM's service.
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
    private final KnxSmartMeter knxMeter;
    private volatile LoadManagement dlm;
    private volatile VirtualKnx knx;
    private final double[] lastSent = {Double.NaN, Double.NaN, Double.NaN};
    private Instant lastSentAt = Instant.MIN;
    private Instant lastSignOfLifeAt = Instant.MIN;
    private String path = "";
    private boolean closed;

    @Activate
    public SimulatedHouse(@Reference SimulationScheduler scheduler, SimulatedHouseConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        this.house = new HouseLoad(config.seed(), new double[] {config.baseL1Ampere(), config.baseL2Ampere(),
                config.baseL3Ampere()}, config.applianceScale(), clock.instant());
        this.knxMeter = new KnxSmartMeter(config);
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindKnx(VirtualKnx service) {
        knx = service;
    }

    void unbindKnx(VirtualKnx service) {
        if (knx == service) {
            knx = null;
        }
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
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
            switchedOn.forEach(appliance -> LOG.info("Simulated house: {} on ({} A)", appliance.name(),
                    format(appliance.ampere())));
            LoadManagement target = dlm;
            MeterSettings settings = target == null ? null : target.meterSettings();
            if (settings == null || !settings.dlmOn()) {
                return; // a smart meter for DLM only: nothing is sent while DLM is off
            }
            SmartMeter meter = meter(target, settings);
            if (switchedOn.stream().anyMatch(HouseLoad.Appliance::highPower)) {
                meter.highPowerDevices();
            }
            Duration interval = Duration.ofSeconds(config.meterIntervalSeconds());
            if (settings.inOperation() && !now.isBefore(lastSignOfLifeAt.plus(interval))) {
                meter.inOperation();
                lastSignOfLifeAt = now;
            }
            if (valuesDue(now, line, settings.inOperation())) {
                boolean power = settings.measurement() == MeterSettings.Measurement.POWER;
                double[] values = new double[settings.phases()];
                for (int p = 0; p < values.length; p++) {
                    values[p] = power ? line[p] * config.phaseVoltage() : line[p];
                }
                meter.values(values, settings.datapoint().id());
                lastSentAt = now;
                System.arraycopy(line, 0, lastSent, 0, 3);
            }
        } catch (RuntimeException e) { // an escaping exception would end the periodic tick for good
            LOG.error("Simulated house: tick failed", e);
        }
    }

    /**
     * KNX when the gateway's binding is on the configured virtual network, else straight to DLM (the
     * fallback); every change of the path is logged.
     */
    private SmartMeter meter(LoadManagement target, MeterSettings settings) {
        VirtualKnx bus = knx;
        boolean gatewayThere = bus != null && bus.gatewayNetwork().filter(config.knxNetwork()::equals).isPresent();
        SmartMeter meter = gatewayThere && knxMeter.connect(bus, settings) ? knxMeter : new DirectSmartMeter(target);
        if (!meter.describe().equals(path)) {
            path = meter.describe();
            if (meter == knxMeter) {
                LOG.info("Simulated house: the smart meter sends KNX telegrams, {}", path);
            } else {
                LOG.info("Simulated house: no virtual KNX network \"{}\" with the gateway on it; the smart meter's "
                        + "values go straight to DLM (fallback)", config.knxNetwork());
            }
        }
        if (meter != knxMeter) {
            knxMeter.close();
        }
        return meter;
    }

    /**
     * Every interval and on change; with "in operation" monitoring only on change (object 20 shows the
     * meter is alive). The first reading always goes.
     */
    private boolean valuesDue(Instant now, double[] line, boolean inOperation) {
        if (!inOperation && !now.isBefore(lastSentAt.plus(Duration.ofSeconds(config.meterIntervalSeconds())))) {
            return true;
        }
        double threshold = config.changeThresholdAmpere();
        for (int p = 0; p < 3; p++) {
            if (Double.isNaN(lastSent[p]) || threshold > 0 && Math.abs(line[p] - lastSent[p]) > threshold) {
                return true;
            }
        }
        return false;
    }

    private static String format(double[] ampere) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", ampere[0], ampere[1], ampere[2]);
    }

    @Deactivate
    synchronized void deactivate() {
        closed = true;
        ticking.cancel(false);
        knxMeter.close();
    }

    /** Where the smart meter's readings go. */
    interface SmartMeter {
        String describe();

        /** Objects 10-12 (as many as the meter has phases) in the gateway's unit of the datapoint type. */
        void values(double[] values, String datapoint);

        /** Object 13 = 1. */
        void highPowerDevices();

        /** Object 20, the cyclic sign of life. */
        void inOperation();
    }

    /** The fallback: straight to the DLM service, as the KNX binding would pass the values on. */
    private record DirectSmartMeter(LoadManagement dlm) implements SmartMeter {
        @Override
        public String describe() {
            return "straight to DLM";
        }

        @Override
        public void values(double[] values, String datapoint) {
            for (int p = 0; p < values.length; p++) {
                dlm.meterValue(Phase.values()[p], values[p]);
            }
        }

        @Override
        public void highPowerDevices() {
            dlm.highPowerDevices(true);
        }

        @Override
        public void inOperation() {
            dlm.meterInOperation(true);
        }
    }
}
