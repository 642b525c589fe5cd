package org.echarge.point.internal.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.fault.GeneralFault;
import org.echarge.point.internal.PollScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects every charging point's configuration and runs the gateway-wide {@link PointsCheck}
 * once the configuration has settled (a short moment after the last change, so that a gateway
 * starting with many points does not flash faults while they come up one by one). Problems
 * become the general faults and the point faults of the points concerned.
 */
@Component(service = PointRegistry.class, immediate = true) // checks also when no point is left
public final class PointRegistry {

    static final long SETTLE_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PointRegistry.class);

    private record Registration(PointEntry entry, Consumer<List<ConfigProblem>> problems) {
    }

    private final GatewayFaults faults;
    private final ScheduledExecutorService executor;
    private final Map<String, Registration> points = new HashMap<>();
    private ScheduledFuture<?> pending;

    @Activate
    public PointRegistry(@Reference GatewayFaults faults, @Reference PollScheduler scheduler) {
        this(faults, scheduler.executor());
    }

    PointRegistry(GatewayFaults faults, ScheduledExecutorService executor) {
        this.faults = faults;
        this.executor = executor;
        changed();
    }

    /** A point's configuration was activated; {@code problems} receives its gateway-wide problems (maybe none). */
    public synchronized void register(PointEntry entry, Consumer<List<ConfigProblem>> problems) {
        points.put(entry.id(), new Registration(entry, problems));
        changed();
    }

    public synchronized void unregister(String id) {
        if (points.remove(id) != null) {
            changed();
        }
    }

    private void changed() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = executor.schedule(this::evaluate, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs the check now (tests call it directly). */
    public synchronized List<ConfigProblem> evaluate() {
        List<ConfigProblem> problems = PointsCheck.check(points.values().stream().map(Registration::entry).toList());
        for (GeneralFault fault : List.of(GeneralFault.CONF_NO_CHARGER, GeneralFault.CONF_CHARGER,
                GeneralFault.CONF_EMETER)) {
            String messages = problems.stream().filter(p -> p.fault() == fault).map(ConfigProblem::message)
                    .collect(Collectors.joining("; "));
            if (messages.isEmpty()) {
                faults.clear(fault);
            } else {
                faults.raise(fault, messages);
            }
        }
        for (Registration registration : points.values()) {
            registration.problems().accept(problems.stream()
                    .filter(p -> p.pointIds().contains(registration.entry().id())).toList());
        }
        if (!problems.isEmpty()) {
            LOG.debug("configuration problems: {}", problems);
        }
        return problems;
    }

    @Deactivate
    public synchronized void close() {
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
