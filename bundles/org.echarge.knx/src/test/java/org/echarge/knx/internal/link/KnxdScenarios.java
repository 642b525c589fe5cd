package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;
import org.echarge.knx.internal.Validated;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.KNXNetworkLinkIP;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.link.medium.KnxIPSettings;

/**
 * The connection and the device against knxd, a KNX stack that shares no code with Calimero, and
 * KNX IP Secure routing between Calimero routers (multicast too, hence here). Runs
 * only inside the network namespace that {@link KnxdNamespaceTest} creates (the class name keeps
 * surefire from running it directly); it refuses to start elsewhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnxdScenarios {

    /** The interfaces of the test's namespace; anything else means we are not in it. */
    static final Set<String> NAMESPACE_INTERFACES = Set.of("lo", Knxd.INTERFACE, "gw0");
    /** The gateway's end of the veth pair in the namespace, for routing. */
    static final String GATEWAY_IP = "10.201.0.2";

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final IndividualAddress TUNNEL_DEVICE = new IndividualAddress(15, 15, 255);
    private static final IndividualAddress ROUTING_DEVICE = new IndividualAddress(1, 1, 98);
    private static final GroupAddress FROM_KNXTOOL = new GroupAddress(1, 2, 3);
    private static final GroupAddress FROM_DEVICE = new GroupAddress(1, 2, 4);
    private static final GroupAddress READ_BY_KNXTOOL = new GroupAddress(1, 2, 7);

    private static Path work;
    private static Knxd knxd;
    private static ScheduledExecutorService executor;
    private static KnxConnection tunnel;
    private static KnxGatewayDevice device;
    private static final Recorder<GroupTelegram> telegrams = new Recorder<>();
    private static final Recorder<ConnectionState> states = new Recorder<>();

    @BeforeAll
    static void startKnxd() throws Exception {
        Set<String> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName).collect(Collectors.toSet());
        if (!NAMESPACE_INTERFACES.containsAll(interfaces)) {
            throw new IllegalStateException("not inside the test's network namespace (interfaces " + interfaces
                    + "): knxd would join 224.0.23.12 on a real network");
        }
        work = Files.createDirectories(Path.of(System.getProperty("knxd.work")));
        knxd = Knxd.start(work);
        executor = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopKnxd() throws Exception {
        if (device != null) {
            device.close(); // idempotent, as the connection's close
        }
        if (tunnel != null) {
            tunnel.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (knxd != null) {
            knxd.close();
        }
    }

    @Test
    @Order(1)
    void tunnellingConnects() throws Exception {
        KnxConnectionSettings settings = KnxConnectionSettings.tunneling("127.0.0.1", Knxd.PORT);
        tunnel = new KnxConnection(new CalimeroLinkOpener(settings), executor,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), Duration.ofMillis(200));
        tunnel.addListener(new KnxConnection.Listener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.accept(state);
            }
        });
        device = new KnxGatewayDevice("e-charge gateway", tunnel, telegram -> {
            telegrams.accept(telegram);
            if (telegram.service() == GroupTelegram.Service.READ && telegram.destination().equals(READ_BY_KNXTOOL)) {
                try {
                    device.sendGroupResponse(READ_BY_KNXTOOL, KnxDatapoint.CURRENT_AMPERE_F32,
                            DatapointCodec.encode(KnxDatapoint.CURRENT_AMPERE_F32, 21.75));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        tunnel.start();
        assertEquals(ConnectionState.CONNECTED, states.next(WAIT));
        assertEquals(TUNNEL_DEVICE, device.address());
    }

    @Test
    @Order(2)
    void aKnxtoolWriteReachesTheDevice() throws Exception {
        knxd.groupWrite("1/2/3", "41", "48", "00", "00");
        GroupTelegram t = telegrams.next(g -> g.destination().equals(FROM_KNXTOOL), WAIT);
        assertEquals(GroupTelegram.Service.WRITE, t.service());
        assertEquals("41 48 00 00", hex(t.asdu()));
        assertEquals(12.5, DatapointCodec.decode(KnxDatapoint.CURRENT_AMPERE_F32, t.asdu()));
    }

    @Test
    @Order(3)
    void aDeviceWriteIsSeenByKnxtool() throws Exception {
        Recorder<String> seen = new Recorder<>();
        knxd.listen(seen);
        device.sendGroupWrite(FROM_DEVICE, KnxDatapoint.CURRENT_AMPERE_F32,
                DatapointCodec.encode(KnxDatapoint.CURRENT_AMPERE_F32, 21.75));
        device.sendGroupWrite(FROM_DEVICE, KnxDatapoint.SWITCH, new byte[] { 1 });
        assertEquals("Write from 15.15.255 to 1/2/4: 41 AE 00 00", seen.next(l -> l.contains("1/2/4"), WAIT));
        assertEquals("Write from 15.15.255 to 1/2/4: 01", seen.next(l -> l.contains("1/2/4"), WAIT));
    }

    @Test
    @Order(4)
    void knxtoolReadsAValueTheDeviceAnswers() throws Exception {
        assertEquals("Response from 15.15.255: 41 AE 00 00", knxd.groupReadResponse("1/2/7").lines().map(String::strip)
                .filter(l -> l.startsWith("Response")).findFirst().orElse("no response"));
        GroupTelegram read = telegrams.next(g -> g.destination().equals(READ_BY_KNXTOOL), WAIT);
        assertEquals(GroupTelegram.Service.READ, read.service());
    }

    @Test
    @Order(5)
    void afterAKnxdRestartTheConnectionReconnectsByItself() throws Exception {
        knxd.close();
        knxd = Knxd.start(work);
        // knxd does not disconnect tunnels when it stops: Calimero notices at the next send (or heartbeat)
        states.drain();
        try {
            device.sendGroupWrite(FROM_DEVICE, KnxDatapoint.SWITCH, new byte[] { 0 });
        } catch (KNXException expected) {
            // the restarted knxd does not know the tunnel: no acknowledgement
        }
        assertEquals(ConnectionState.LOST, states.next(s -> s == ConnectionState.LOST, WAIT));
        assertEquals(ConnectionState.CONNECTED, states.next(s -> s == ConnectionState.CONNECTED, WAIT));

        knxd.groupWrite("1/2/3", "41", "AE", "00", "00");
        assertEquals("41 AE 00 00", hex(telegrams.next(g -> g.destination().equals(FROM_KNXTOOL), WAIT).asdu()));
        Recorder<String> seen = new Recorder<>();
        knxd.listen(seen);
        device.sendGroupWrite(FROM_DEVICE, KnxDatapoint.SWITCH, new byte[] { 1 });
        assertEquals("Write from 15.15.255 to 1/2/4: 01", seen.next(l -> l.contains("1/2/4"), WAIT));
    }

    /**
     * Routing: knxd and the gateway on the two ends of a veth pair. On one host knxd also receives
     * the gateway's multicast through the local loopback, so knxtool may see a telegram twice. The
     * tunnel is closed first: Calimero's routing socket binds port 3671 too, and on one host it
     * would take the tunnel's datagrams to knxd (knxd then drops the tunnel).
     */
    @Test
    @Order(6)
    void routing() throws Exception {
        device.close();
        tunnel.close();
        KnxConnectionSettings settings = new KnxConnectionSettings(KnxConnectionSettings.Mode.ROUTING, "",
                Knxd.PORT, GATEWAY_IP, "", ROUTING_DEVICE);
        Recorder<GroupTelegram> routed = new Recorder<>();
        Recorder<ConnectionState> routingStates = new Recorder<>();
        try (KnxConnection routing = new KnxConnection(new CalimeroLinkOpener(settings), executor)) {
            routing.addListener(new KnxConnection.Listener() {
                @Override
                public void stateChanged(ConnectionState state) {
                    routingStates.accept(state);
                }
            });
            KnxGatewayDevice routingDevice = new KnxGatewayDevice("routing gateway", routing, routed::accept);
            routing.start();
            assertEquals(ConnectionState.CONNECTED, routingStates.next(WAIT));

            knxd.groupWrite("1/3/1", "0C", "1A");
            GroupTelegram t = routed.next(g -> g.destination().equals(new GroupAddress(1, 3, 1)), WAIT);
            assertEquals("0C 1A", hex(t.asdu()));

            Recorder<String> seen = new Recorder<>();
            knxd.listen(seen);
            routingDevice.sendGroupWrite(new GroupAddress(1, 3, 2), KnxDatapoint.UNSIGNED_COUNT, new byte[] { 7 });
            assertEquals("Write from 1.1.98 to 1/3/2: 07", seen.next(l -> l.contains("1/3/2"), WAIT));
            routingDevice.close();
        }
        assertTrue(routingStates.drain().contains(ConnectionState.LOST));
    }

    /**
     * KNX IP Secure routing (knxd has none, so two Calimero routers): the gateway on {@code gw0} with
     * the backbone key from a keyring, a secure router on {@code knx0} with the same key; group
     * writes both ways. A router with another key is not heard: its frames fail the MAC check.
     */
    @Test
    @Order(7)
    void secureRouting() throws Exception {
        byte[] backboneKey = TestKeyring.key(0x50);
        Path keyring = new TestKeyring().backbone("224.0.23.12", backboneKey, 1000)
                .write(work.resolve("backbone.knxkeys"), "backbone");
        Validated<KnxSecureSettings> validated = KnxSecureSettings.validate(KnxConnectionSettings.Mode.ROUTING_SECURE,
                ROUTING_DEVICE, "224.0.23.12", new KnxSecureSettings.Input(keyring.toString(), "backbone", 0, "", "",
                        "", 0));
        KnxSecureSettings secure = ((Validated.Valid<KnxSecureSettings>) validated).value();
        KnxConnectionSettings settings = new KnxConnectionSettings(KnxConnectionSettings.Mode.ROUTING_SECURE, "",
                Knxd.PORT, GATEWAY_IP, "", ROUTING_DEVICE);
        Recorder<GroupTelegram> routed = new Recorder<>();
        try (KnxConnection routing = KnxConnection.of(settings, secure, executor)) {
            Recorder<ConnectionState> routingStates = Recorder.states(routing);
            KnxGatewayDevice routingDevice = new KnxGatewayDevice("secure routing gateway", routing, routed::accept);
            routing.start();
            assertEquals(ConnectionState.CONNECTED, routingStates.next(WAIT), () -> routing.lastFailure().orElse(""));
            assertEquals("KNX IP Secure routing on 224.0.23.12", routing.target());

            NetworkInterface knx0 = NetworkInterface.getByName(Knxd.INTERFACE);
            try (KNXNetworkLink stranger = KNXNetworkLinkIP.newSecureRoutingLink(knx0,
                    KNXNetworkLinkIP.DefaultMulticast, TestKeyring.key(0x60), Duration.ofMillis(1000),
                    new KnxIPSettings(new IndividualAddress(1, 1, 96)))) {
                stranger.sendRequestWait(new GroupAddress(1, 4, 1), Priority.LOW, new byte[] { 0, (byte) 0x81 });
                routed.assertNone(Duration.ofMillis(1000));
            }
            try (KNXNetworkLink router = KNXNetworkLinkIP.newSecureRoutingLink(knx0,
                    KNXNetworkLinkIP.DefaultMulticast, backboneKey, Duration.ofMillis(1000),
                    new KnxIPSettings(new IndividualAddress(1, 1, 97)));
                    KNXNetworkLink plainRouter = KNXNetworkLinkIP.newRoutingLink(knx0, KNXNetworkLinkIP.DefaultMulticast,
                            new KnxIPSettings(new IndividualAddress(1, 1, 95)))) {
                Recorder<String> atPlainRouter = new Recorder<>();
                plainRouter.addLinkListener(new NetworkLinkListener() {
                    @Override
                    public void indication(FrameEvent e) {
                        atPlainRouter.accept(((CEMILData) e.getFrame()).getDestination().toString());
                    }
                });
                Recorder<String> atRouter = new Recorder<>();
                router.addLinkListener(new NetworkLinkListener() {
                    @Override
                    public void indication(FrameEvent e) {
                        CEMILData frame = (CEMILData) e.getFrame();
                        atRouter.accept(frame.getSource() + " " + frame.getDestination() + " "
                                + hex(frame.getPayload()));
                    }
                });
                router.sendRequestWait(new GroupAddress(1, 4, 1), Priority.LOW, new byte[] { 0, (byte) 0x81 });
                GroupTelegram t = routed.next(g -> g.destination().equals(new GroupAddress(1, 4, 1)), WAIT);
                assertEquals(new GroupTelegram(GroupTelegram.Service.WRITE, new GroupAddress(1, 4, 1),
                        new IndividualAddress(1, 1, 97), new byte[] { 1 }), t);

                routingDevice.sendGroupWrite(new GroupAddress(1, 4, 2), KnxDatapoint.UNSIGNED_COUNT, new byte[] { 9 });
                assertEquals("1.1.98 1/4/2 00 80 09", atRouter.next(l -> l.contains("1/4/2"), WAIT));
                // a plain router hears nothing of the secure backbone: the first it hears is knxd's plain write
                knxd.groupWrite("1/5/1", "0C");
                assertEquals("1/5/1", atPlainRouter.next(WAIT));
            }
            routingDevice.close();
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
