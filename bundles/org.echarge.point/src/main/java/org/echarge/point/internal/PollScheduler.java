package org.echarge.point.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The threads that poll all charging points. Polls block for at most their Modbus timeout, so a
 * few threads serve many points; a dead charger delays only its own polls.
 */
@Component(service = PollScheduler.class)
public final class PollScheduler {

    private static final int THREADS = 4;

    private final ScheduledThreadPoolExecutor executor;

    public PollScheduler() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "echarge-poll-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // threads start with the first scheduled poll, not here
        executor = new ScheduledThreadPoolExecutor(THREADS, threads);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs the task now and then again {@code interval} after each run ends. */
    ScheduledFuture<?> every(Duration interval, Runnable task) {
        return executor.scheduleWithFixedDelay(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public ScheduledExecutorService executor() {
        return executor;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
