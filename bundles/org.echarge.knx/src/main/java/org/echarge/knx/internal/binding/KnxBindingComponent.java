package org.echarge.knx.internal.binding;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.knx.KnxDevice;
import org.echarge.api.knx.KnxState;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.PointStatusListener;
import org.echarge.knx.internal.Validated;
import org.echarge.knx.internal.link.KnxConnection;
import org.echarge.knx.internal.link.KnxConnectionSettings;
import org.echarge.knx.internal.link.KnxSecureSettings;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
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

import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;

/**
 * The KNX binding as a service (PID {@code org.echarge.knx}): connects as configured, runs the
 * {@link KnxBinding}, and keeps an individual address written by a commissioning tool in the
 * configuration. A changed configuration restarts the binding; an invalid one is refused as a
 * whole and the running binding stays.
 */
@Component(configurationPid = KnxBindingComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {KnxDevice.class, PointStatusListener.class}, immediate = true)
@Designate(ocd = KnxBindingConfig.class)
public final class KnxBindingComponent implements KnxDevice, PointStatusListener, KnxBinding.Services {

    static final String PID = "org.echarge.knx";
    private static final Logger LOG = LoggerFactory.getLogger(KnxBindingComponent.class);

    private final Map<Integer, ChargingPoint> points = new ConcurrentHashMap<>();
    private final Map<String, ChargerDriver> drivers = new ConcurrentHashMap<>();
    private final ConfigurationAdmin configurationAdmin;
    private final VirtualKnxService virtualKnx;
    private volatile LoadManagement loadManagement;
    private volatile GatewayFaults faults;
    private ScheduledExecutorService executor;
    private volatile KnxBinding binding;
    private volatile List<String> problems = List.of();
    private KnxBindingConfig running;

    @Activate
    public KnxBindingComponent(@Reference ConfigurationAdmin configurationAdmin,
            @Reference VirtualKnxService virtualKnx, KnxBindingConfig config) {
        this.configurationAdmin = configurationAdmin;
        this.virtualKnx = virtualKnx;
        apply(config);
    }

    @org.osgi.service.component.annotations.Modified
    void modified(KnxBindingConfig config) {
        apply(config);
    }

    private synchronized void apply(KnxBindingConfig config) {
        if (running != null && same(running, config)) {
            return; // e.g. the individual address a tool wrote, stored back: nothing to restart
        }
        Optional<Validated<ConnectionSetup>> settings = connection(config);
        if (settings.isEmpty()) {
            stop();
            running = config;
            problems = List.of();
            LOG.info("KNX is not configured (no KNXnet/IP server); the binding is idle");
            return;
        }
        if (settings.get() instanceof Validated.Invalid<ConnectionSetup> invalid) {
            refuse(invalid.errors());
            return;
        }
        ConnectionSetup setup = ((Validated.Valid<ConnectionSetup>) settings.get()).value();
        KnxConnectionSettings valid = setup.settings();
        KnxSecureSettings secure = setup.secure();
        stop();
        problems = List.of();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "echarge-knx");
            thread.setDaemon(true);
            return thread;
        });
        KnxConnection connection = valid.mode() == KnxConnectionSettings.Mode.VIRTUAL
                ? new KnxConnection(virtualKnx.network(valid.virtualNetwork()).opener(KnxBinding.DEVICE_NAME,
                        valid.individualAddress()), executor)
                : KnxConnection.of(valid, secure, executor);
        KnxBinding next = new KnxBinding(connection, secure, List.of(config.links()), config.gridControlAmpere(),
                this, executor, Clock.systemDefaultZone(), ZoneId.systemDefault(), this::storeAddress);
        try {
            next.start();
            binding = next;
            running = config;
            LOG.info("KNX: {} as {}{}", connection.target(), config.individualAddress(),
                    secure.source().isEmpty() ? "" : "; " + secure);
        } catch (KNXException e) {
            problems = List.of("KNX device: " + e.getMessage());
            LOG.error("KNX binding could not start: {}", e.getMessage());
            next.close();
            executor.shutdownNow();
        }
    }

    /** The connection a configuration asks for, with its KNX Secure settings. */
    record ConnectionSetup(KnxConnectionSettings settings, KnxSecureSettings secure) {
    }

    /**
     * The connection a configuration asks for: empty when KNX is not configured (no server; the
     * binding is idle), else the settings or every reason why the configuration is refused. The
     * {@link KnxConfigurationValidator} runs the same check. The messages name settings and files,
     * never a password or key.
     */
    static Optional<Validated<ConnectionSetup>> connection(KnxBindingConfig config) {
        if (config.host().isBlank() && (config.mode().isBlank() || config.mode().toUpperCase().startsWith("TUNNELING"))) {
            return Optional.empty();
        }
        Validated<KnxConnectionSettings> settings = KnxConnectionSettings.validate(config.mode(), config.host(),
                config.port(), config.localAddress(), config.serialPath(), config.individualAddress());
        if (settings instanceof Validated.Invalid<KnxConnectionSettings> invalid) {
            return Optional.of(new Validated.Invalid<>(invalid.errors()));
        }
        KnxConnectionSettings valid = ((Validated.Valid<KnxConnectionSettings>) settings).value();
        Validated<KnxSecureSettings> secure = KnxSecureSettings.validate(valid.mode(), valid.individualAddress(),
                valid.multicastGroup(), secureInput(config));
        if (secure instanceof Validated.Invalid<KnxSecureSettings> invalid) {
            return Optional.of(new Validated.Invalid<>(invalid.errors()));
        }
        if (!(config.gridControlAmpere() == 0 || config.gridControlAmpere() == 6)) {
            return Optional.of(new Validated.Invalid<>(
                    List.of("gridControlAmpere: 0 or 6 A, not " + config.gridControlAmpere())));
        }
        return Optional.of(new Validated.Valid<>(
                new ConnectionSetup(valid, ((Validated.Valid<KnxSecureSettings>) secure).value())));
    }

    /** Refuses a configuration as a whole: the running binding (if any) stays, the console shows why. */
    private void refuse(List<String> errors) {
        problems = errors;
        LOG.error("KNX configuration refused{}: {}", binding == null ? "" : ", the running one stays",
                String.join("; ", errors));
    }

    private static KnxSecureSettings.Input secureInput(KnxBindingConfig config) {
        return new KnxSecureSettings.Input(config.keyringFile(), config.keyringPassword(), config.tunnelUserId(),
                config.tunnelUserPassword(), config.deviceAuthenticationCode(), config.backboneKey(),
                config.latencyTolerance());
    }

    private static boolean same(KnxBindingConfig a, KnxBindingConfig b) {
        return a.mode().equals(b.mode()) && a.host().equals(b.host()) && a.port() == b.port()
                && a.localAddress().equals(b.localAddress()) && a.serialPath().equals(b.serialPath())
                && a.individualAddress().equals(b.individualAddress()) && List.of(a.links()).equals(List.of(b.links()))
                && a.gridControlAmpere() == b.gridControlAmpere() && secureInput(a).equals(secureInput(b));
    }

    /** A commissioning tool wrote the individual address in programming mode: keep it. */
    private void storeAddress(IndividualAddress address) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(PID, null);
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new java.util.Hashtable<>();
            }
            properties.put("individualAddress", address.toString());
            synchronized (this) {
                running = withAddress(running, address.toString());
            }
            configuration.update(properties);
        } catch (IOException | RuntimeException e) {
            LOG.error("KNX: the new individual address {} could not be stored", address, e);
        }
    }

    private static KnxBindingConfig withAddress(KnxBindingConfig config, String address) {
        return (KnxBindingConfig) java.lang.reflect.Proxy.newProxyInstance(KnxBindingConfig.class.getClassLoader(),
                new Class<?>[] {KnxBindingConfig.class}, (proxy, method, args) -> method.getName()
                        .equals("individualAddress") ? address : method.invoke(config, args));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPoint(ChargingPoint point) {
        points.put(point.number(), point);
    }

    void unbindPoint(ChargingPoint point) {
        points.remove(point.number(), point);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(ChargerDriver driver) {
        drivers.put(driver.id(), driver);
    }

    void unbindDriver(ChargerDriver driver) {
        drivers.remove(driver.id(), driver);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoadManagement(LoadManagement service) {
        loadManagement = service;
    }

    void unbindLoadManagement(LoadManagement service) {
        if (loadManagement == service) {
            loadManagement = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFaults(GatewayFaults service) {
        faults = service;
    }

    void unbindFaults(GatewayFaults service) {
        if (faults == service) {
            faults = null;
        }
    }

    @Override
    public void statusChanged(PointStatus status) {
        KnxBinding current = binding;
        if (current != null) {
            current.statusChanged(status);
        }
    }

    @Override
    public KnxState state() {
        KnxBinding current = binding;
        if (current == null) {
            return new KnxState(KnxState.Connection.OFF, "", "", false, 0, "", problems);
        }
        KnxState state = current.state();
        if (problems.isEmpty()) {
            return state;
        }
        List<String> all = new java.util.ArrayList<>(state.problems());
        all.addAll(problems);
        return new KnxState(state.connection(), state.target(), state.individualAddress(), state.programmingMode(),
                state.refusedTelegrams(), state.lastRefusal(), all, state.receivedTelegrams(),
                state.pendingTelegrams());
    }

    @Override
    public void programmingMode(boolean on) {
        KnxBinding current = binding;
        if (current != null) {
            current.programmingMode(on);
        }
    }

    @Override
    public List<org.echarge.api.knx.KnxObject> objects() {
        KnxBinding current = binding;
        return current == null ? List.of() : current.objects();
    }

    @Override
    public String etsGroupAddressCsv() {
        KnxBinding current = binding;
        return current == null ? "" : current.etsGroupAddressCsv();
    }

    @Override
    public Map<Integer, ChargingPoint> points() {
        return points;
    }

    @Override
    public Optional<LoadManagement> loadManagement() {
        return Optional.ofNullable(loadManagement);
    }

    @Override
    public Optional<GatewayFaults> faults() {
        return Optional.ofNullable(faults);
    }

    @Override
    public Set<ChargerCapability> capabilities(String modelId) {
        for (ChargerDriver driver : drivers.values()) {
            for (ChargerModel model : driver.models()) {
                if (model.id().equals(modelId)) {
                    return model.capabilities();
                }
            }
        }
        return Set.of();
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private void stop() {
        KnxBinding current = binding;
        binding = null;
        if (current != null) {
            current.close();
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
