package org.echarge.knx.internal.link;

import static org.echarge.knx.internal.link.GroupTelegram.Service.READ;
import static org.echarge.knx.internal.link.GroupTelegram.Service.RESPONSE;
import static org.echarge.knx.internal.link.GroupTelegram.Service.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.process.ProcessCommunicatorImpl;

/** Group communication between the gateway's device and other participants of a virtual KNX network. */
class KnxGatewayDeviceTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));
    private static final IndividualAddress GATEWAY = new IndividualAddress(15, 15, 255);
    private static final IndividualAddress PEER = new IndividualAddress(1, 1, 7);
    private static final IndividualAddress TOOL = new IndividualAddress(1, 1, 250);
    private static final GroupAddress CURRENT = new GroupAddress(1, 2, 3);
    private static final GroupAddress COUNT = new GroupAddress(1, 2, 4);
    private static final GroupAddress SWITCH = new GroupAddress(1, 0, 1);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final VirtualKnxNetwork network = new VirtualKnxNetwork("test");
    private final List<AutoCloseable> closing = new ArrayList<>();

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : reversed(closing)) {
            c.close();
        }
        executor.shutdownNow();
    }

    @Test
    void writeReadAndResponseBetweenTwoDevices() throws Exception {
        Recorder<GroupTelegram> atGateway = new Recorder<>();
        Recorder<GroupTelegram> atPeer = new Recorder<>();
        KnxGatewayDevice[] gateway = new KnxGatewayDevice[1];
        gateway[0] = device("gateway", GATEWAY, telegram -> {
            atGateway.accept(telegram);
            if (telegram.service() == READ && telegram.destination().equals(COUNT)) {
                respond(gateway[0], COUNT, KnxDatapoint.UNSIGNED_COUNT, encode(KnxDatapoint.UNSIGNED_COUNT, 42L));
            }
        });
        KnxGatewayDevice peer = device("peer", PEER, atPeer);

        byte[] sixteenAmps = encode(KnxDatapoint.CURRENT_AMPERE_F32, 16.0);
        gateway[0].sendGroupWrite(CURRENT, KnxDatapoint.CURRENT_AMPERE_F32, sixteenAmps);
        assertEquals(new GroupTelegram(WRITE, CURRENT, GATEWAY, new byte[] { 0x41, (byte) 0x80, 0, 0 }),
                atPeer.next(WAIT));

        peer.sendGroupRead(COUNT);
        assertEquals(new GroupTelegram(READ, COUNT, PEER, new byte[0]), atGateway.next(WAIT));
        GroupTelegram answer = atPeer.next(WAIT);
        assertEquals(new GroupTelegram(RESPONSE, COUNT, GATEWAY, new byte[] { 42 }), answer);
        assertEquals(42L, DatapointCodec.decode(KnxDatapoint.UNSIGNED_COUNT, answer.asdu()));
        atGateway.assertNone(Duration.ofMillis(100)); // its own frames do not come back
    }

    @Test
    void valuesOfUpToSixBitsTravelInTheApciByte() throws Exception {
        Recorder<GroupTelegram> atGateway = new Recorder<>();
        KnxGatewayDevice gateway = device("gateway", GATEWAY, atGateway);
        Recorder<String> wire = new Recorder<>();
        KNXNetworkLink tool = rawParticipant(wire);

        gateway.sendGroupWrite(SWITCH, KnxDatapoint.SWITCH, new byte[] { 1 });
        assertEquals("00 81", wire.next(WAIT));
        gateway.sendGroupWrite(COUNT, KnxDatapoint.UNSIGNED_COUNT, new byte[] { 1 }); // 8 bit: not compacted
        assertEquals("00 80 01", wire.next(WAIT));
        gateway.sendGroupResponse(SWITCH, KnxDatapoint.STATE, new byte[] { 0 });
        assertEquals("00 40", wire.next(WAIT));
        gateway.sendGroupRead(SWITCH);
        assertEquals("00 00", wire.next(WAIT));

        tool.sendRequestWait(SWITCH, Priority.LOW, new byte[] { 0x00, (byte) 0x80 });
        assertEquals(new GroupTelegram(WRITE, SWITCH, TOOL, new byte[] { 0 }), atGateway.next(WAIT));
    }

    @Test
    void calimerosProcessCommunicatorReadsAValueTheGatewayAnswers() throws Exception {
        KnxGatewayDevice[] gateway = new KnxGatewayDevice[1];
        gateway[0] = device("gateway", GATEWAY, telegram -> {
            if (telegram.service() == READ) {
                respond(gateway[0], CURRENT, KnxDatapoint.CURRENT_AMPERE_F32,
                        encode(KnxDatapoint.CURRENT_AMPERE_F32, 21.75));
            }
        });
        ProcessCommunicatorImpl reader = new ProcessCommunicatorImpl(rawParticipant(new Recorder<>()));
        closing.add(reader::close);
        reader.responseTimeout(WAIT);
        assertEquals(21.75, reader.readFloat(CURRENT));
    }

    @Test
    void refusesValuesThatDoNotFitTheType() throws Exception {
        KnxGatewayDevice gateway = device("gateway", GATEWAY, t -> { });
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> gateway.sendGroupWrite(CURRENT, KnxDatapoint.CURRENT_MILLIAMPERE_F16, new byte[4]));
        assertEquals("DPT 9.021 takes 2 bytes, not 4", length.getMessage());
        IllegalArgumentException bit = assertThrows(IllegalArgumentException.class,
                () -> gateway.sendGroupWrite(SWITCH, KnxDatapoint.SWITCH, new byte[] { 2 }));
        assertEquals("DPT 1.001 takes 1 bit, not 2", bit.getMessage());
    }

    @Test
    void keepsWorkingAcrossAReconnect() throws Exception {
        Recorder<GroupTelegram> atGateway = new Recorder<>();
        Recorder<ConnectionState> states = new Recorder<>();
        KnxConnection connection = connection("gateway", GATEWAY);
        connection.addListener(new KnxConnection.Listener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.accept(state);
            }
        });
        KnxGatewayDevice gateway = new KnxGatewayDevice("gateway", connection, atGateway::accept);
        closing.add(gateway);
        connection.start();
        assertEquals(ConnectionState.CONNECTED, states.next(WAIT));

        network.down("restart");
        assertEquals(ConnectionState.LOST, states.next(WAIT));
        KnxNotConnectedException down = assertThrows(KnxNotConnectedException.class,
                () -> gateway.sendGroupWrite(SWITCH, KnxDatapoint.SWITCH, new byte[] { 1 }));
        assertEquals("not connected to KNX (virtual KNX network test): connection lost: restart; reconnecting",
                down.getMessage());
        network.up();
        assertEquals(ConnectionState.CONNECTED, states.next(s -> s == ConnectionState.CONNECTED, WAIT));

        KnxGatewayDevice peer = device("peer", PEER, t -> { });
        peer.sendGroupWrite(SWITCH, KnxDatapoint.SWITCH, new byte[] { 1 });
        assertEquals(new GroupTelegram(WRITE, SWITCH, PEER, new byte[] { 1 }), atGateway.next(WAIT));
        gateway.sendGroupWrite(SWITCH, KnxDatapoint.SWITCH, new byte[] { 0 });
    }

    private KnxGatewayDevice device(String name, IndividualAddress address,
            Consumer<GroupTelegram> telegrams) throws Exception {
        KnxConnection connection = connection(name, address);
        KnxGatewayDevice device = new KnxGatewayDevice(name, connection, telegrams::accept);
        closing.add(device);
        Recorder<ConnectionState> states = new Recorder<>();
        connection.addListener(new KnxConnection.Listener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.accept(state);
            }
        });
        connection.start();
        states.next(s -> s == ConnectionState.CONNECTED, WAIT);
        return device;
    }

    private KnxConnection connection(String name, IndividualAddress address) {
        KnxConnection connection = new KnxConnection(network.opener(name, address), executor, FAST,
                KnxConnection.DEFAULT_TRAFFIC_HOLD);
        closing.add(connection);
        return connection;
    }

    /** A bare Calimero link on the network (a commissioning tool, a bus monitor); records group APDUs. */
    private KNXNetworkLink rawParticipant(Recorder<String> apdus) throws KNXException {
        KNXNetworkLink link = network.join("tool", TOOL);
        closing.add(link);
        link.addLinkListener(new NetworkLinkListener() {
            @Override
            public void indication(FrameEvent e) {
                CEMILData frame = (CEMILData) e.getFrame();
                if (frame.getDestination() instanceof GroupAddress) {
                    apdus.accept(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame.getPayload()));
                }
            }
        });
        return link;
    }

    private static byte[] encode(KnxDatapoint type, Object value) {
        try {
            return DatapointCodec.encode(type, value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void respond(KnxGatewayDevice device, GroupAddress to, KnxDatapoint type, byte[] asdu) {
        try {
            device.sendGroupResponse(to, type, asdu);
        } catch (KNXException e) {
            throw new AssertionError(e);
        }
    }
}
