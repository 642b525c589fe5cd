package org.echarge.knx.internal.link;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tuwien.auto.calimero.CloseEvent;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.KNXAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.KNXTimeoutException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXLinkClosedException;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.link.medium.KNXMediumSettings;

/**
 * The gateway's connection to KNX: opens a Calimero link through a {@link LinkOpener}, reopens it
 * with {@link Backoff} whenever it is lost, and tells its {@link ConnectionState} for the COM
 * indicator.
 *
 * <p>{@link #link()} is one {@link KNXNetworkLink} for the connection's whole life: Calimero code on
 * it (the KNX device, process communicators) and the listeners of this class stay attached across
 * reconnects. While down, sending on it throws {@link KnxNotConnectedException}.
 *
 * <p>The connection runs its attempts on the given executor and starts no threads of its own.
 * Listeners are called on Calimero's link thread or on the executor; they must not block.
 */
public final class KnxConnection implements AutoCloseable {

    /** Telegram traffic keeps the state at TRAFFIC for this long after the last telegram. */
    public static final Duration DEFAULT_TRAFFIC_HOLD = Duration.ofMillis(500);

    public interface Listener {
        /** A telegram from the bus (L_Data.ind). */
        default void indication(FrameEvent e) {
        }

        default void stateChanged(ConnectionState state) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(KnxConnection.class);

    private final LinkOpener opener;
    private final ScheduledExecutorService executor;
    private final Backoff backoff;
    private final long trafficHoldNanos;
    private final KNXMediumSettings medium;
    private final SteadyLink steadyLink = new SteadyLink();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<NetworkLinkListener> linkListeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    /** Held while listeners hear of a state change (never taken while holding lock). */
    private final Object notifying = new Object();
    // guarded by lock
    private boolean started;
    private boolean closed;
    private int retry;
    private Future<?> pending;
    private ConnectionState state = ConnectionState.LOST;
    private boolean trafficCheckPending;

    private volatile KNXNetworkLink current;
    private volatile long lastTrafficNanos;
    private volatile String lastFailure;

    public KnxConnection(LinkOpener opener, ScheduledExecutorService executor) {
        this(opener, executor, Backoff.DEFAULT, DEFAULT_TRAFFIC_HOLD);
    }

    public KnxConnection(LinkOpener opener, ScheduledExecutorService executor, Backoff backoff,
            Duration trafficHold) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.trafficHoldNanos = trafficHold.toNanos();
        this.medium = opener.medium();
    }

    /** A connection as the settings say, with the default back-off and traffic hold. */
    public static KnxConnection of(KnxConnectionSettings settings, ScheduledExecutorService executor) {
        return new KnxConnection(new CalimeroLinkOpener(settings), executor);
    }

    /** A connection in one of the KNX IP Secure modes (or any other mode; then {@code secure} is not used). */
    public static KnxConnection of(KnxConnectionSettings settings, KnxSecureSettings secure,
            ScheduledExecutorService executor) {
        return new KnxConnection(new CalimeroLinkOpener(settings, secure), executor);
    }

    /** Starts connecting (on the executor); returns at once. */
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the KNX connection is closed");
            }
            if (!started) {
                started = true;
                pending = schedule(this::connect, 0);
            }
        }
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Why the last attempt failed or the connection was lost, empty while connected. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public String target() {
        return opener.target();
    }

    /** The link to use for the whole life of the connection (see the class comment). */
    public KNXNetworkLink link() {
        return steadyLink;
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Stops reconnecting and closes the link; the listeners of {@link #link()} see it closed. */
    @Override
    public void close() {
        KNXNetworkLink link;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (pending != null) {
                pending.cancel(true);
            }
            link = current;
            current = null;
        }
        if (link != null) {
            link.close();
        }
        setState(ConnectionState.LOST);
        CloseEvent closedByUser = new CloseEvent(steadyLink, CloseEvent.USER_REQUEST, "KNX connection closed");
        linkListeners.forEach(l -> l.linkClosed(closedByUser));
        LOG.info("KNX connection closed ({})", opener.target());
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        KNXNetworkLink link;
        try {
            link = opener.open(medium);
        } catch (KNXException | RuntimeException e) {
            failed("cannot connect: " + message(e), e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() cancelled the attempt
            return;
        }
        link.addLinkListener(new Forwarder(link));
        link.setHopCount(steadyLink.hopCount);
        synchronized (lock) {
            if (closed) {
                link.close();
                return;
            }
            current = link;
            retry = 0;
        }
        if (!link.isOpen()) { // closed before the forwarder was listening
            lost(link, "closed while connecting");
            return;
        }
        lastFailure = null;
        LOG.info("KNX connected: {}", opener.target());
        setState(ConnectionState.CONNECTED);
    }

    private void lost(KNXNetworkLink link, String reason) {
        synchronized (lock) {
            if (closed || current != link) {
                return; // an old link, or our own close()
            }
            current = null;
        }
        link.close();
        failed("connection lost: " + reason, null);
    }

    private void failed(String reason, Exception e) {
        Duration delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            delay = backoff.delay(retry++);
            pending = schedule(this::connect, delay.toNanos());
        }
        lastFailure = reason;
        LOG.warn("KNX {} ({}); next attempt in {} ms", reason, opener.target(), delay.toMillis());
        LOG.debug("KNX connection failure", e);
        setState(ConnectionState.LOST);
    }

    private void traffic() {
        lastTrafficNanos = System.nanoTime();
        synchronized (lock) {
            if (state != ConnectionState.CONNECTED || trafficCheckPending) {
                return;
            }
            trafficCheckPending = true;
        }
        setState(ConnectionState.TRAFFIC);
        schedule(this::endTraffic, trafficHoldNanos);
    }

    private void endTraffic() {
        long quietNanos = System.nanoTime() - lastTrafficNanos;
        if (quietNanos < trafficHoldNanos) {
            schedule(this::endTraffic, trafficHoldNanos - quietNanos);
            return;
        }
        synchronized (lock) {
            trafficCheckPending = false;
            if (state != ConnectionState.TRAFFIC) {
                return;
            }
        }
        setState(ConnectionState.CONNECTED);
    }

    /** Changes the state and tells the listeners, one change after the other. */
    private void setState(ConnectionState next) {
        synchronized (notifying) {
            synchronized (lock) {
                if (state == next || closed && next != ConnectionState.LOST) {
                    return;
                }
                if (next == ConnectionState.LOST) {
                    trafficCheckPending = false;
                }
                state = next;
            }
            for (Listener l : listeners) {
                try {
                    l.stateChanged(next);
                } catch (RuntimeException e) {
                    LOG.warn("KNX connection listener failed on state {}", next, e);
                }
            }
        }
    }

    /** Schedules on the executor; null when it has been shut down (the owner is going away). */
    private Future<?> schedule(Runnable task, long delayNanos) {
        try {
            return executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("KNX connection: executor refused a task ({})", e.getMessage());
            return null;
        }
    }

    private static String message(Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
                ? message + " (" + cause.getMessage() + ")"
                : message;
    }

    /** Passes one link's events on, and notices when that link goes down. */
    private final class Forwarder implements NetworkLinkListener {
        private final KNXNetworkLink link;

        Forwarder(KNXNetworkLink link) {
            this.link = link;
        }

        @Override
        public void indication(FrameEvent e) {
            if (current != link) {
                return;
            }
            traffic();
            for (NetworkLinkListener l : linkListeners) {
                try {
                    l.indication(e);
                } catch (RuntimeException ex) {
                    LOG.warn("KNX link listener failed on {}", e.getFrame(), ex);
                }
            }
            for (Listener l : listeners) {
                try {
                    l.indication(e);
                } catch (RuntimeException ex) {
                    LOG.warn("KNX connection listener failed on {}", e.getFrame(), ex);
                }
            }
        }

        @Override
        public void confirmation(FrameEvent e) {
            if (current != link) {
                return;
            }
            for (NetworkLinkListener l : linkListeners) {
                try {
                    l.confirmation(e);
                } catch (RuntimeException ex) {
                    LOG.warn("KNX link listener failed on {}", e.getFrame(), ex);
                }
            }
        }

        @Override
        public void linkClosed(CloseEvent e) {
            lost(link, e.getReason());
        }
    }

    /**
     * The link that outlives reconnects. Its medium settings are the connection's (Calimero's device
     * changes the individual address there, and every new link uses them).
     */
    private final class SteadyLink implements KNXNetworkLink {
        private volatile int hopCount = 6;

        @Override
        public void setKNXMedium(KNXMediumSettings settings) {
            throw new UnsupportedOperationException("the KNX connection's medium is fixed; change its settings");
        }

        @Override
        public KNXMediumSettings getKNXMedium() {
            return medium;
        }

        @Override
        public void addLinkListener(NetworkLinkListener l) {
            linkListeners.add(l);
        }

        @Override
        public void removeLinkListener(NetworkLinkListener l) {
            linkListeners.remove(l);
        }

        @Override
        public void setHopCount(int count) {
            hopCount = count;
            KNXNetworkLink link = current;
            if (link != null) {
                link.setHopCount(count);
            }
        }

        @Override
        public int getHopCount() {
            return hopCount;
        }

        @Override
        public void sendRequest(KNXAddress dst, Priority p, byte[] nsdu)
                throws KNXTimeoutException, KNXLinkClosedException {
            connected().sendRequest(dst, p, nsdu);
            traffic();
        }

        @Override
        public void sendRequestWait(KNXAddress dst, Priority p, byte[] nsdu)
                throws KNXTimeoutException, KNXLinkClosedException {
            connected().sendRequestWait(dst, p, nsdu);
            traffic();
        }

        @Override
        public void send(CEMILData msg, boolean waitForCon) throws KNXTimeoutException, KNXLinkClosedException {
            connected().send(msg, waitForCon);
            traffic();
        }

        private KNXNetworkLink connected() throws KnxNotConnectedException {
            KNXNetworkLink link = current;
            if (link != null) {
                return link;
            }
            synchronized (lock) {
                String why = closed ? "it is closed"
                        : !started ? "it has not been started"
                        : lastFailure != null ? lastFailure + "; reconnecting" : "connecting";
                throw new KnxNotConnectedException("not connected to KNX (" + opener.target() + "): " + why);
            }
        }

        @Override
        public String getName() {
            return "KNX connection " + opener.target();
        }

        @Override
        public boolean isOpen() {
            synchronized (lock) {
                return !closed;
            }
        }

        /** Closes the whole connection. */
        @Override
        public void close() {
            KnxConnection.this.close();
        }

        @Override
        public String toString() {
            return getName() + " (" + state() + ")";
        }
    }
}
