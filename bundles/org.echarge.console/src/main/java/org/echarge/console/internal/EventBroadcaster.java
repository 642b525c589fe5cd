package org.echarge.console.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open event streams and what is sent to them: the current status when a stream opens, a
 * status event after changes (the first at once, then at most one per
 * {@link EventStreamSettings#minInterval()}, each built when it is sent, so it carries every change
 * before it), and a heartbeat comment. {@link #changed()} only sets a flag and schedules; the
 * events are built and written on one thread of this class, which exists only while it has work.
 */
final class EventBroadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(EventBroadcaster.class);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(UTF_8);

    private final EventStreamSettings settings;
    private final Supplier<String> status;
    private final ScheduledThreadPoolExecutor executor;
    private final List<EventClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastPublished;
    private ScheduledFuture<?> heartbeat;
    private boolean closed;

    /** @param status the JSON of the current status, on one line */
    EventBroadcaster(EventStreamSettings settings, Supplier<String> status) {
        this.settings = settings;
        this.status = status;
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "echarge-console-events");
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(1, TimeUnit.MINUTES);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        this.lastPublished = System.nanoTime() - settings.minInterval().toNanos();
    }

    /**
     * Turns the request into an event stream that gets the current status at once.
     *
     * @return false, with nothing written, when {@link EventStreamSettings#maxClients()} streams
     *     are open or the broadcaster is closed
     */
    boolean open(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventClient client;
        synchronized (this) {
            if (closed || clients.size() >= settings.maxClients()) {
                return false;
            }
            try {
                client = EventClient.start(request, response, settings.queueCapacity(), this::remove);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("the live status stream needs asynchronous requests: every filter in "
                        + "front of it must be registered with osgi.http.whiteboard.filter.asyncSupported=true", e);
            }
            clients.add(client);
            if (heartbeat == null) {
                long period = settings.heartbeat().toNanos();
                heartbeat = executor.scheduleAtFixedRate(this::heartbeat, period, period, NANOSECONDS);
            }
        }
        run(() -> {
            String event = statusEvent();
            String retry = "retry: " + settings.retry().toMillis() + "\n";
            client.send((event == null ? retry + "\n" : retry + event).getBytes(UTF_8));
        });
        return true;
    }

    /** A point's status changed: schedules a status event. Never blocks. */
    void changed() {
        if (clients.isEmpty() || !pending.compareAndSet(false, true)) {
            return;
        }
        long wait = lastPublished + settings.minInterval().toNanos() - System.nanoTime();
        try {
            executor.schedule(this::publish, Math.max(0, wait), NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            pending.set(false);
        }
    }

    int clients() {
        return clients.size();
    }

    /** Ends every stream and the thread; idempotent. */
    void close() {
        List<EventClient> open;
        synchronized (this) {
            closed = true;
            open = List.copyOf(clients);
        }
        open.forEach(EventClient::close);
        executor.shutdownNow();
    }

    private synchronized void remove(EventClient client) {
        clients.remove(client);
        if (clients.isEmpty() && heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    private void publish() {
        lastPublished = System.nanoTime();
        pending.set(false);
        String event = statusEvent();
        if (event != null) {
            byte[] frame = event.getBytes(UTF_8);
            clients.forEach(client -> client.send(frame));
        }
    }

    private void heartbeat() {
        long stall = settings.stallTimeout().toNanos();
        long maxAge = settings.maxAge().toNanos();
        try {
            clients.forEach(client -> client.heartbeat(HEARTBEAT, stall, maxAge));
        } catch (RuntimeException e) {
            LOG.warn("Console: heartbeat failed", e); // caught: an exception would end the periodic task
        }
    }

    private String statusEvent() {
        try {
            return "event: status\ndata: " + status.get() + "\n\n";
        } catch (RuntimeException e) {
            LOG.warn("Console: status event could not be built", e);
            return null;
        }
    }

    private void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile: close() ends the streams
        }
    }
}
