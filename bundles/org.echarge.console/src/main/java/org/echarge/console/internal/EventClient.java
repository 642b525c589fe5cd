package org.echarge.console.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream. Writes only through non-blocking servlet output: {@link #send} queues
 * the frame and writes as much as the connection takes now; the container calls
 * {@link #onWritePossible} when it takes more. A client that reads too slowly loses its oldest
 * queued frames, so no thread ever waits for a browser. Every way the stream ends (error,
 * completion, {@link #close()}) reports it once to the owner.
 */
final class EventClient implements WriteListener, AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventClient.class);
    private static final long NOT_BLOCKED = Long.MIN_VALUE;

    private final ServletOutputStream out;
    private final Runnable complete;
    private final int capacity;
    private final LongSupplier nanoTime;
    private final Consumer<EventClient> onClosed;
    private final long openedAt;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private boolean flushPending;
    private boolean closed;
    private long blockedSince = NOT_BLOCKED;
    private long dropped;

    EventClient(ServletOutputStream out, Runnable complete, int capacity, LongSupplier nanoTime,
            Consumer<EventClient> onClosed) {
        this.out = out;
        this.complete = complete;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.onClosed = onClosed;
        this.openedAt = nanoTime.getAsLong();
    }

    /** Turns the request into an event stream; frames can be sent at once. */
    static EventClient start(HttpServletRequest request, HttpServletResponse response, int capacity,
            Consumer<EventClient> onClosed) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        ServletOutputStream out = response.getOutputStream();
        EventClient client = new EventClient(out, async::complete, capacity, System::nanoTime, onClosed);
        async.addListener(client);
        out.setWriteListener(client);
        return client;
    }

    /** Queues one frame (dropping the oldest when full) and writes what the connection takes. */
    synchronized void send(byte[] frame) {
        if (closed) {
            return;
        }
        if (queue.size() == capacity) {
            queue.removeFirst();
            dropped++;
        }
        queue.addLast(frame);
        drain();
    }

    /**
     * Called every heartbeat: ends a stream that accepted nothing for {@code stallNanos} or is
     * older than {@code maxAgeNanos}, else sends {@code frame} when nothing else is waiting.
     */
    synchronized void heartbeat(byte[] frame, long stallNanos, long maxAgeNanos) {
        if (closed) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - openedAt > maxAgeNanos || blockedSince != NOT_BLOCKED && now - blockedSince > stallNanos) {
            close();
        } else if (queue.isEmpty()) {
            send(frame);
        }
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        LOG.debug("Console: live status stream closed after {} s, {} events dropped for reading too slowly",
                (nanoTime.getAsLong() - openedAt) / 1_000_000_000L, dropped);
        try {
            complete.run();
        } catch (IllegalStateException alreadyCompleted) {
            // the container ended the request first
        }
        onClosed.accept(this);
    }

    private void drain() {
        try {
            while (out.isReady()) {
                if (flushPending) {
                    flushPending = false;
                    out.flush();
                    continue;
                }
                byte[] next = queue.pollFirst();
                if (next == null) {
                    blockedSince = NOT_BLOCKED;
                    return;
                }
                out.write(next);
                flushPending = true;
            }
            if (blockedSince == NOT_BLOCKED) {
                blockedSince = nanoTime.getAsLong();
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    @Override
    public synchronized void onWritePossible() {
        if (!closed) {
            blockedSince = NOT_BLOCKED;
            drain();
        }
    }

    @Override
    public void onError(Throwable failure) {
        close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
