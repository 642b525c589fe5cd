package org.echarge.sim.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The one daemon thread, {@code echarge-sim}, that advances every simulated station of this bundle. */
@Component(service = SimulationScheduler.class)
public final class SimulationScheduler {

    static final String THREAD_NAME = "echarge-sim";

    private final ScheduledThreadPoolExecutor executor;

    public SimulationScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true); // the thread starts with the first task scheduled
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
