package org.echarge.knx.internal.link;

import static org.echarge.knx.internal.link.ConnectionState.CONNECTED;
import static org.echarge.knx.internal.link.ConnectionState.LOST;
import static org.echarge.knx.internal.link.ConnectionState.TRAFFIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.CloseEvent;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.link.medium.KNXMediumSettings;
import tuwien.auto.calimero.link.medium.TPSettings;

class KnxConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400));
    private static final Duration HOLD = Duration.ofMillis(150);
    private static final IndividualAddress GATEWAY = new IndividualAddress(15, 15, 255);
    private static final IndividualAddress PEER = new IndividualAddress(1, 1, 7);
    private static final GroupAddress GROUP = new GroupAddress(1, 2, 3);
    private static final byte[] SWITCH_ON = { 0x00, (byte) 0x81 };

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final VirtualKnxNetwork network = new VirtualKnxNetwork("test");
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Recorder<ConnectionState> states = new Recorder<>();
    private final Recorder<CEMILData> indications = new Recorder<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        executor.shutdownNow();
    }

    @Test
    void connectsAndShowsTrafficForAWhileAfterEachTelegram() throws Exception {
        KnxConnection connection = start(network.opener("gateway", GATEWAY));
        assertEquals(CONNECTED, states.next(WAIT));
        KNXNetworkLink peer = peer();

        peer.sendRequestWait(GROUP, Priority.LOW, SWITCH_ON);
        CEMILData frame = indications.next(WAIT);
        assertEquals(PEER, frame.getSource());
        assertEquals(TRAFFIC, states.next(WAIT));
        long trafficAt = System.nanoTime();
        assertEquals(CONNECTED, states.next(WAIT));
        assertTrue(System.nanoTime() - trafficAt >= HOLD.toNanos() - Duration.ofMillis(20).toNanos());

        connection.link().sendRequestWait(GROUP, Priority.LOW, SWITCH_ON); // sending counts as traffic too
        assertEquals(TRAFFIC, states.next(WAIT));
        assertEquals(CONNECTED, states.next(WAIT));
        assertEquals(Optional.empty(), connection.lastFailure());
    }

    @Test
    void reconnectsAfterTheServerWentAwayAndListenersStayAttached() throws Exception {
        KnxConnection connection = start(network.opener("gateway", GATEWAY));
        Recorder<String> linkEvents = new Recorder<>();
        connection.link().addLinkListener(new NetworkLinkListener() {
            @Override
            public void indication(FrameEvent e) {
                linkEvents.accept("ind " + ((CEMILData) e.getFrame()).getDestination());
            }

            @Override
            public void linkClosed(CloseEvent e) {
                linkEvents.accept("closed");
            }
        });
        assertEquals(CONNECTED, states.next(WAIT));

        network.down("server restart");
        assertEquals(LOST, states.next(WAIT));
        assertEquals(Optional.of("connection lost: server restart"), connection.lastFailure());
        KnxNotConnectedException refused = assertThrows(KnxNotConnectedException.class,
                () -> connection.link().sendRequestWait(GROUP, Priority.LOW, SWITCH_ON));
        assertEquals("not connected to KNX (virtual KNX network test): connection lost: server restart; reconnecting",
                refused.getMessage());
        assertTrue(connection.link().isOpen(), "the steady link stays open while reconnecting");
        Thread.sleep(350); // a few refused attempts
        assertTrue(connection.lastFailure().orElseThrow().startsWith("cannot connect: virtual KNX network test is down"));

        network.up();
        assertEquals(CONNECTED, states.next(WAIT));
        assertEquals(List.of("gateway"), network.participants());
        peer().sendRequestWait(GROUP, Priority.LOW, SWITCH_ON);
        assertEquals(GROUP, indications.next(WAIT).getDestination());
        assertEquals("ind 1/2/3", linkEvents.next(WAIT));
        linkEvents.assertNone(Duration.ofMillis(100)); // the lost link's close was not passed on
    }

    @Test
    void retriesWithDoublingDelays() throws Exception {
        List<Long> attempts = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger(4);
        LinkOpener opener = new LinkOpener() {
            @Override
            public String target() {
                return "flaky";
            }

            @Override
            public KNXMediumSettings medium() {
                return new TPSettings(GATEWAY);
            }

            @Override
            public KNXNetworkLink open(KNXMediumSettings medium) throws KNXException {
                synchronized (attempts) {
                    attempts.add(System.nanoTime());
                }
                if (failures.getAndDecrement() > 0) {
                    throw new KNXException("no answer");
                }
                return network.join("gateway", GATEWAY);
            }
        };
        KnxConnection connection = start(opener);
        assertEquals(CONNECTED, states.next(Duration.ofSeconds(5))); // LOST before: no change to report
        List<Long> delaysMillis = new ArrayList<>();
        synchronized (attempts) {
            for (int i = 1; i < attempts.size(); i++) {
                delaysMillis.add((attempts.get(i) - attempts.get(i - 1)) / 1_000_000);
            }
        }
        List<Long> expected = List.of(100L, 200L, 400L, 400L);
        assertEquals(expected.size(), delaysMillis.size(), "delays " + delaysMillis);
        for (int i = 0; i < expected.size(); i++) {
            long d = delaysMillis.get(i);
            assertTrue(d >= expected.get(i) && d < expected.get(i) + 300, "delays " + delaysMillis);
        }
        assertEquals(Optional.empty(), connection.lastFailure());
    }

    @Test
    void aRefusedTcpTunnelIsReportedAndRetried() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        KnxConnectionSettings settings = new KnxConnectionSettings(KnxConnectionSettings.Mode.TUNNELING_TCP,
                "127.0.0.1", port, "127.0.0.1", "", GATEWAY);
        KnxConnection connection = new KnxConnection(new CalimeroLinkOpener(settings), executor, FAST, HOLD);
        closing.add(connection);
        connection.start();
        String failure = awaitFailure(connection);
        assertTrue(failure.startsWith("cannot connect: "), failure);
        assertTrue(failure.contains("Connection refused"), failure);
        assertEquals(LOST, connection.state());
        KnxNotConnectedException refused = assertThrows(KnxNotConnectedException.class,
                () -> connection.link().sendRequest(GROUP, Priority.LOW, SWITCH_ON));
        assertEquals("not connected to KNX (KNXnet/IP tunnel (TCP) to 127.0.0.1:" + port + "): " + failure
                + "; reconnecting", refused.getMessage());
    }

    static String awaitFailure(KnxConnection connection) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (connection.lastFailure().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return connection.lastFailure().orElseThrow(() -> new AssertionError("no failure reported"));
    }

    @Test
    void closeStopsEverythingAndTellsTheLinkListeners() throws Exception {
        KnxConnection connection = start(network.opener("gateway", GATEWAY));
        Recorder<Integer> closed = new Recorder<>();
        connection.link().addLinkListener(new NetworkLinkListener() {
            @Override
            public void linkClosed(CloseEvent e) {
                closed.accept(e.getInitiator());
            }
        });
        assertEquals(CONNECTED, states.next(WAIT));

        connection.close();
        assertEquals(LOST, states.next(WAIT));
        assertEquals(CloseEvent.USER_REQUEST, closed.next(WAIT));
        assertFalse(connection.link().isOpen());
        assertEquals(List.of(), network.participants());
        KnxNotConnectedException refused = assertThrows(KnxNotConnectedException.class,
                () -> connection.link().sendRequest(GROUP, Priority.LOW, SWITCH_ON));
        assertEquals("not connected to KNX (virtual KNX network test): it is closed", refused.getMessage());
        assertThrows(IllegalStateException.class, connection::start);
        connection.close(); // idempotent
        states.assertNone(Duration.ofMillis(200));
    }

    @Test
    void sendingBeforeStartSaysSo() {
        KnxConnection connection = new KnxConnection(network.opener("gateway", GATEWAY), executor, FAST, HOLD);
        closing.add(connection);
        assertEquals(LOST, connection.state());
        KnxNotConnectedException refused = assertThrows(KnxNotConnectedException.class,
                () -> connection.link().sendRequest(GROUP, Priority.LOW, SWITCH_ON));
        assertEquals("not connected to KNX (virtual KNX network test): it has not been started", refused.getMessage());
    }

    private KnxConnection start(LinkOpener opener) {
        KnxConnection connection = new KnxConnection(opener, executor, FAST, HOLD);
        closing.add(connection);
        connection.addListener(stateListener());
        connection.start();
        return connection;
    }

    private KnxConnection.Listener stateListener() {
        return new KnxConnection.Listener() {
            @Override
            public void indication(FrameEvent e) {
                indications.accept((CEMILData) e.getFrame());
            }

            @Override
            public void stateChanged(ConnectionState state) {
                states.accept(state);
            }
        };
    }

    private KNXNetworkLink peer() throws KNXException {
        KNXNetworkLink peer = network.join("peer", PEER);
        closing.add(peer);
        return peer;
    }
}
