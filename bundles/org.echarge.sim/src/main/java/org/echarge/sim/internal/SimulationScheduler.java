package org.echarge.sim.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The one thread that advances every simulated station (started by the first station's tick). */
@Component(service = SimulationScheduler.class)
public final class SimulationScheduler {

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "echarge-sim");
        thread.setDaemon(true);
        return thread;
    });

    public SimulationScheduler() {
        executor.setRemoveOnCancelPolicy(true);
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
