package org.echarge.point.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.fault.PointFault;
import org.echarge.api.meter.MeterDriver;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.PointStatusListener;
import org.echarge.api.point.SessionInfo;
import org.echarge.point.internal.sessions.SessionStorage;
import org.echarge.point.internal.config.PointEntry;
import org.echarge.point.internal.config.PointRegistry;
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
 * One configured charging point (factory PID {@code org.echarge.point}). Drivers are tracked
 * dynamically: updating a driver bundle unbinds and rebinds it here, and this component, its
 * service and every consumer of it stay up while the point reconnects.
 */
@Component(configurationPid = ChargingPointComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ChargingPoint.class, immediate = true) // a point polls whether or not anyone uses its service
@Designate(ocd = ChargingPointConfig.class, factory = true)
public final class ChargingPointComponent implements ChargingPoint {

    static final String PID = "org.echarge.point";
    private static final Logger LOG = LoggerFactory.getLogger(ChargingPointComponent.class);

    private final Map<String, ChargerDriver> drivers = new ConcurrentHashMap<>();
    private final List<PointStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, MeterDriver> meterDrivers = new ConcurrentHashMap<>();
    private final int number;
    private final PointRuntime runtime;
    private final PointStatus invalid;
    private final PointConfiguration configuration;
    private final ScheduledFuture<?> polling;
    private final PointRegistry registry;
    private final String id;
    private final Executor commands;

    @Activate
    public ChargingPointComponent(@Reference PollScheduler scheduler, @Reference PointRegistry registry,
            @Reference SessionStorage sessions, ChargingPointConfig config, Map<String, Object> properties) {
        this.number = config.number();
        this.registry = registry;
        this.id = String.valueOf(properties.get("service.pid")); // the factory configuration's PID
        PointSettings settings;
        try {
            settings = PointSettings.of(config);
        } catch (InvalidSettingsException e) {
            LOG.error("Conf Charger: {}", e.getMessage());
            registry.register(new PointEntry(id, number, config.model(), null, false), problems -> { });
            this.runtime = null;
            this.polling = null;
            this.commands = null;
            this.configuration = null;
            this.invalid = new PointStatus(number, config.name(), config.model(), "", false, PointState.NOT_AVAILABLE,
                    null, true, PointFault.CONF_CHARGER, e.getMessage(), false, false, false, Double.NaN,
                    SessionInfo.NONE, null);
            return;
        }
        this.invalid = null;
        this.configuration = settings.configuration();
        this.runtime = new PointRuntime(settings, this::driverFor, this::meterDriverFor, sessions.store(),
                Clock.systemUTC(), this::statusChanged);
        Duration interval = Duration.ofSeconds(1);
        this.polling = scheduler.every(interval, runtime::poll);
        this.commands = scheduler.executor();
        registry.register(new PointEntry(id, number, settings.modelId(), settings.address(), settings.meterAddress(),
                true), problems -> commands.execute(() -> runtime.gatewayProblems(problems)));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(ChargerDriver driver) {
        drivers.put(driver.id(), driver);
    }

    void unbindDriver(ChargerDriver driver) {
        if (drivers.remove(driver.id(), driver) && runtime != null) {
            runtime.driverRemoved(driver.id());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMeterDriver(MeterDriver driver) {
        meterDrivers.put(driver.id(), driver);
    }

    void unbindMeterDriver(MeterDriver driver) {
        if (meterDrivers.remove(driver.id(), driver) && runtime != null) {
            runtime.meterDriverRemoved(driver.id());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindListener(PointStatusListener listener) {
        listeners.add(listener);
        if (runtime != null) {
            listener.statusChanged(runtime.status());
        }
    }

    void unbindListener(PointStatusListener listener) {
        listeners.remove(listener);
    }

    private void statusChanged(PointStatus status) {
        for (PointStatusListener listener : listeners) {
            try {
                listener.statusChanged(status);
            } catch (RuntimeException e) {
                LOG.error("Charging point {}: status listener {} failed", number, listener, e);
            }
        }
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public PointConfiguration configuration() {
        return configuration;
    }

    @Override
    public Set<ChargerCapability> capabilities() {
        if (configuration == null) {
            return Set.of();
        }
        String modelId = configuration.modelId();
        return driverFor(modelId).flatMap(driver -> driver.models().stream()
                .filter(model -> model.id().equals(modelId)).findFirst())
                .map(ChargerModel::capabilities).orElse(Set.of());
    }

    @Override
    public PointStatus status() {
        return runtime == null ? invalid : runtime.status();
    }

    @Override
    public void startStop(boolean start) {
        command(runtime -> runtime.startStop(start));
    }

    @Override
    public void interruption(boolean active) {
        command(runtime -> runtime.interruption(active));
    }

    @Override
    public void setpoint(double currentAmpere) {
        command(runtime -> runtime.setpoint(currentAmpere));
    }

    @Override
    public void loadShare(LoadShare share) {
        command(runtime -> runtime.loadShare(share));
    }

    @Override
    public void unlock() {
        command(PointRuntime::unlock);
    }

    @Override
    public void gridControl(boolean active, double currentAmpere) {
        command(runtime -> runtime.gridControl(active, currentAmpere));
    }

    /** Commands run on the poll threads: the caller (KNX, web) never waits for Modbus I/O. */
    private void command(Consumer<PointRuntime> action) {
        if (runtime == null) {
            LOG.warn("Charging point {}: command ignored, the configuration is invalid", number);
            return;
        }
        try {
            commands.execute(() -> action.accept(runtime));
        } catch (RejectedExecutionException e) {
            LOG.warn("Charging point {}: command ignored, the gateway is stopping", number);
        }
    }

    @Deactivate
    void deactivate() {
        registry.unregister(id);
        if (polling != null) {
            polling.cancel(false);
            runtime.close();
        }
    }

    private Optional<MeterDriver> meterDriverFor(String modelId) {
        return meterDrivers.values().stream()
                .filter(driver -> driver.models().stream().anyMatch(model -> model.id().equals(modelId)))
                .findFirst();
    }

    private Optional<ChargerDriver> driverFor(String modelId) {
        return driverFor(drivers.values(), modelId);
    }

    /** The driver that offers a model, if one is installed. */
    static Optional<ChargerDriver> driverFor(Collection<ChargerDriver> drivers, String modelId) {
        return drivers.stream().filter(driver -> driver.models().stream().anyMatch(model -> model.id().equals(modelId)))
                .findFirst();
    }
}
