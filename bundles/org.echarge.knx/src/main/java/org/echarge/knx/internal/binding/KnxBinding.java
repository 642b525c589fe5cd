package org.echarge.knx.internal.binding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.knx.KnxState;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointStatus;
import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.GatewayObjects;
import org.echarge.knx.internal.GatewaySetup;
import org.echarge.knx.internal.GroupObjectLinks;
import org.echarge.knx.internal.GroupObjectTable;
import org.echarge.knx.internal.PointSetup;
import org.echarge.knx.internal.Validated;
import org.echarge.knx.internal.link.ConnectionState;
import org.echarge.knx.internal.link.GroupTelegram;
import org.echarge.knx.internal.link.KnxConnection;
import org.echarge.knx.internal.link.KnxGatewayDevice;
import org.echarge.knx.internal.link.KnxSecureSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;

/**
 * The KNX binding at work: the gateway's device on the connection, its group objects built from
 * the current configuration (points, their models, DLM's meter settings) and the links, state
 * values in, commands out. Everything runs on one executor thread; sends that block (a bus
 * confirmation takes up to 2 s when the link is bad) delay only the KNX side.
 */
public final class KnxBinding implements AutoCloseable {

    /** The gateway services the binding works on; all may change at any time. */
    public interface Services {
        Map<Integer, ChargingPoint> points();

        Optional<LoadManagement> loadManagement();

        Optional<GatewayFaults> faults();

        /** What the model of a point can do, empty while no installed driver offers it. */
        Set<ChargerCapability> capabilities(String modelId);
    }

    /** The gateway's name as a KNX device, and as a participant of a virtual network. */
    public static final String DEVICE_NAME = "e-charge gateway";

    private static final Logger LOG = LoggerFactory.getLogger(KnxBinding.class);
    /**
     * How long the setup must stay the same before refused links are reported: at start the
     * points and DLM register one after the other within a second or two, and links to objects of
     * a point that is still coming are not an error yet.
     */
    static final Duration SETTLE = Duration.ofSeconds(2);
    static final MeterSettings DLM_OFF = new MeterSettings(false, 3, MeterSettings.MeterDatapoint.DPT_14_019,
            false, Duration.ofSeconds(60));

    private final KnxConnection connection;
    private final List<String> linkEntries;
    private final Services services;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<IndividualAddress> addressChanged;
    private final GatewayCommands commands;
    private final GroupObjectTable table = GroupObjectTable.standard();
    private volatile boolean gridControlActive;
    private KnxGatewayDevice device;
    private GatewaySetup setup;
    private GroupObjectRuntime runtime;
    private volatile List<org.echarge.knx.internal.GroupObject> objects = List.of();
    private volatile GroupObjectLinks links = GroupObjectLinks.none();
    private ConnectionState lastState = ConnectionState.LOST;
    private volatile List<String> problems = List.of();
    /** Link errors of the current setup, reported once it has settled; null while the links are valid. */
    private List<String> pendingProblems;
    private Instant setupSince;
    private boolean associationRaised;
    private ScheduledFuture<?> ticking;
    /** Group telegrams from the bus handed to the executor, and those it has dealt with. */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dealtWith = new AtomicLong();
    private final KnxSecureSettings secure;
    /** Telegrams KNX Data Secure refused, and the last one with the objects' refusal count at that time. */
    private final AtomicLong securityRefused = new AtomicLong();
    private volatile SecurityRefusal lastSecurityRefusal;

    private record SecurityRefusal(String reason, long objectRefusalsBefore) {
    }

    public KnxBinding(KnxConnection connection, List<String> linkEntries, double gridControlAmpere, Services services,
            ScheduledExecutorService executor, Clock clock, ZoneId zone, Consumer<IndividualAddress> addressChanged) {
        this(connection, KnxSecureSettings.NONE, linkEntries, gridControlAmpere, services, executor, clock, zone,
                addressChanged);
    }

    /** With KNX Data Secure for the group addresses {@code secure} has keys for. */
    public KnxBinding(KnxConnection connection, KnxSecureSettings secure, List<String> linkEntries,
            double gridControlAmpere, Services services, ScheduledExecutorService executor, Clock clock, ZoneId zone,
            Consumer<IndividualAddress> addressChanged) {
        this.connection = connection;
        this.secure = secure;
        this.linkEntries = List.copyOf(linkEntries);
        this.services = services;
        this.executor = executor;
        this.clock = clock;
        this.zone = zone;
        this.addressChanged = addressChanged;
        ServiceCommands carried = new ServiceCommands(services::points, () -> services.loadManagement().orElse(null),
                gridControlAmpere);
        this.commands = new TrackingCommands(carried);
    }

    /** Attaches the device, connects, and starts the once-a-second work. */
    public void start() throws KNXException {
        device = new KnxGatewayDevice(DEVICE_NAME, connection, secure, new KnxGatewayDevice.Listener() {
            @Override
            public void securityRefused(String reason) {
                GroupObjectRuntime objects = runtime;
                lastSecurityRefusal = new SecurityRefusal(reason, objects == null ? 0 : objects.refusedTelegrams());
                securityRefused.incrementAndGet();
            }

            @Override
            public void groupTelegram(GroupTelegram telegram) {
                queued.incrementAndGet();
                executor.execute(() -> {
                    try {
                        received(telegram);
                    } finally {
                        dealtWith.incrementAndGet();
                    }
                });
            }

            @Override
            public void individualAddressChanged(IndividualAddress address) {
                LOG.info("KNX individual address is now {}", address);
                addressChanged.accept(address);
            }
        });
        connection.start();
        ticking = executor.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** A point's new status: its objects take the values (and send what changed). */
    public void statusChanged(PointStatus status) {
        executor.execute(() -> {
            if (runtime != null) {
                Instant now = clock.instant();
                runtime.update(ObjectValues.point(status, now, zone), now);
            }
        });
    }

    /** The current objects with their links, for the console's table. */
    public List<org.echarge.api.knx.KnxObject> objects() {
        return org.echarge.knx.internal.GroupObjectRows.of(objects, links).stream()
                .map(row -> new org.echarge.api.knx.KnxObject(row.number(), row.name(), row.datapoint(), row.flags(),
                        row.addresses()))
                .toList();
    }

    /** The linked addresses as ETS imports them. */
    public String etsGroupAddressCsv() {
        return org.echarge.knx.internal.EtsGroupAddressExport.csv(objects, links, "e-charge gateway");
    }

    public void programmingMode(boolean on) {
        if (device != null) {
            device.setProgrammingMode(on);
        }
    }

    public KnxState state() {
        KnxGatewayDevice current = device;
        GroupObjectRuntime objects = runtime;
        KnxState.Connection shown = switch (connection.state()) {
            case CONNECTED -> KnxState.Connection.CONNECTED;
            case TRAFFIC -> KnxState.Connection.TRAFFIC;
            case LOST -> KnxState.Connection.LOST;
        };
        long done = dealtWith.get();
        long objectRefusals = objects == null ? 0 : objects.refusedTelegrams();
        SecurityRefusal security = lastSecurityRefusal;
        String lastRefusal = security != null && objectRefusals <= security.objectRefusalsBefore() ? security.reason()
                : objects == null ? "" : objects.lastRefusal();
        List<String> shownProblems = problems;
        java.util.Optional<String> failure = connection.lastFailure();
        if (shown == KnxState.Connection.LOST && failure.isPresent()) {
            shownProblems = new ArrayList<>(problems);
            shownProblems.add("KNX connection: " + failure.get());
        }
        return new KnxState(shown, connection.target(), current == null ? "" : current.address().toString(),
                current != null && current.programmingMode(), objectRefusals + securityRefused.get(), lastRefusal,
                shownProblems, done, Math.max(0, queued.get() - done));
    }

    private void tick() {
        try {
            rebuildIfChanged();
            if (runtime == null) {
                return;
            }
            Instant now = clock.instant();
            ConnectionState state = connection.state();
            if (lastState == ConnectionState.LOST && state != ConnectionState.LOST) {
                runtime.start(); // objects with the I flag read their values at every (re)connect
                services.points().values().forEach(point -> statusChanged(point.status()));
            }
            lastState = state;
            FaultStatus<GeneralFault> faults = services.faults().map(GatewayFaults::status)
                    .orElse(new FaultStatus<>(false, GeneralFault.NO_ERROR, ""));
            runtime.update(ObjectValues.general(gridControlActive, faults), now);
            runtime.tick(now);
        } catch (RuntimeException e) { // an escaping exception would end the periodic work for good
            LOG.error("KNX binding: tick failed", e);
        }
    }

    /**
     * Objects and links follow the configuration: points come and go, DLM is switched on or off.
     * Valid links take effect at once; refused ones only count once the setup has settled.
     */
    private void rebuildIfChanged() {
        GatewaySetup next = currentSetup();
        Instant now = clock.instant();
        if (next.equals(setup)) {
            reportRefusedLinksOnceSettled(now);
            return;
        }
        setup = next;
        setupSince = now;
        Validated<GroupObjectLinks> links = GroupObjectLinks.parse(linkEntries, table, next);
        if (links instanceof Validated.Invalid<GroupObjectLinks> invalid) {
            pendingProblems = invalid.errors();
            return;
        }
        GroupObjectLinks valid = ((Validated.Valid<GroupObjectLinks>) links).value();
        pendingProblems = null;
        problems = List.of();
        objects = GatewayObjects.of(table, next);
        this.links = valid;
        runtime = new GroupObjectRuntime(objects, valid, next, this::send, commands);
        LOG.info("KNX: {} group objects, {} linked", objects.size(), valid.objectNumbers().size());
        checkDlmAssociation(next, valid);
        if (connection.state() != ConnectionState.LOST) {
            runtime.start();
        }
        services.points().values().forEach(point -> statusChanged(point.status()));
    }

    private void reportRefusedLinksOnceSettled(Instant now) {
        if (pendingProblems == null || Duration.between(setupSince, now).compareTo(SETTLE) < 0) {
            return;
        }
        problems = pendingProblems;
        pendingProblems = null;
        problems.forEach(error -> LOG.error("KNX group address links refused: {}", error));
        if (runtime == null) {
            LOG.error("KNX: no group objects until the links are corrected");
        } else {
            LOG.error("KNX: the previous group objects and links stay in force");
        }
    }

    /** DLM on needs its meter objects linked (DLMAssociation, spec section 4). */
    private void checkDlmAssociation(GatewaySetup next, GroupObjectLinks links) {
        List<String> missing = new ArrayList<>();
        MeterSettings meter = next.meter();
        if (meter.dlmOn()) {
            List<Integer> needed = new ArrayList<>(List.of(10));
            if (meter.phases() == 3) {
                needed.addAll(List.of(11, 12));
            }
            if (meter.inOperation()) {
                needed.add(20);
            }
            for (int number : needed) {
                if (links.addresses(number).isEmpty()) {
                    missing.add(number + " " + table.definition(number).map(d -> d.name()).orElse(""));
                }
            }
        }
        Optional<GatewayFaults> faults = services.faults();
        if (missing.isEmpty()) {
            if (associationRaised) {
                faults.ifPresent(f -> f.clear(GeneralFault.DLM_ASSOCIATION));
                associationRaised = false;
            }
        } else {
            String detail = "DLM is on but object(s) " + String.join(", ", missing) + " have no group address";
            LOG.error("KNX: DLMAssociation: {}", detail);
            faults.ifPresent(f -> f.raise(GeneralFault.DLM_ASSOCIATION, detail));
            associationRaised = true;
        }
    }

    private GatewaySetup currentSetup() {
        MeterSettings meter = services.loadManagement().map(LoadManagement::meterSettings).orElse(DLM_OFF);
        List<PointSetup> points = new ArrayList<>();
        for (ChargingPoint point : services.points().values()) {
            PointConfiguration configuration = point.configuration();
            if (configuration != null) {
                points.add(PointSetup.of(configuration, services.capabilities(configuration.modelId())));
            }
        }
        points.sort(java.util.Comparator.comparingInt(PointSetup::number));
        return new GatewaySetup(meter, points);
    }

    private void received(GroupTelegram telegram) {
        if (runtime == null) {
            return;
        }
        Telegram.Service service = switch (telegram.service()) {
            case READ -> Telegram.Service.READ;
            case RESPONSE -> Telegram.Service.RESPONSE;
            case WRITE -> Telegram.Service.WRITE;
        };
        runtime.received(new Telegram(service, telegram.destination(),
                telegram.source() == null ? null : telegram.source().toString(), telegram.asdu()));
    }

    private void send(Telegram telegram, KnxDatapoint datapoint) {
        KnxGatewayDevice current = device;
        if (current == null) {
            return;
        }
        try {
            switch (telegram.service()) {
                case READ -> current.sendGroupRead(telegram.destination());
                case WRITE -> current.sendGroupWrite(telegram.destination(), datapoint, telegram.asdu());
                case RESPONSE -> current.sendGroupResponse(telegram.destination(), datapoint, telegram.asdu());
            }
        } catch (KNXException e) {
            LOG.debug("KNX: {} not sent: {}", telegram, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (device != null) {
            device.close();
        }
        connection.close();
    }

    /** Remembers grid-supporting control for object 2. */
    private final class TrackingCommands implements GatewayCommands {
        private final GatewayCommands target;

        TrackingCommands(GatewayCommands target) {
            this.target = target;
        }

        @Override
        public void gridControl(boolean active) {
            gridControlActive = active;
            target.gridControl(active);
        }

        @Override
        public void meterValue(org.echarge.api.Phase phase, double value) {
            target.meterValue(phase, value);
        }

        @Override
        public void highPowerDevices(boolean on) {
            target.highPowerDevices(on);
        }

        @Override
        public void meterInOperation(boolean inOperation) {
            target.meterInOperation(inOperation);
        }

        @Override
        public void startStop(int point, boolean start) {
            target.startStop(point, start);
        }

        @Override
        public void interruption(int point, boolean active) {
            target.interruption(point, active);
        }

        @Override
        public void unlock(int point) {
            target.unlock(point);
        }

        @Override
        public void setpoint(int point, double ampere) {
            target.setpoint(point, ampere);
        }
    }
}
