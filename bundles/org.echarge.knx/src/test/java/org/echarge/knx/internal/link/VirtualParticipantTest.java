package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.KnxValueException;
import org.echarge.knx.internal.DatapointCodec;
import org.echarge.knx.virtual.GroupValue;
import org.echarge.knx.virtual.GroupValue.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;

/** Participants of a virtual network in the gateway's units, against the gateway's own KNX device. */
class VirtualParticipantTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final IndividualAddress GATEWAY = new IndividualAddress(15, 15, 255);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final VirtualKnxNetwork network = new VirtualKnxNetwork("test");
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        executor.shutdownNow();
    }

    @Test
    void valuesTravelInTheGatewaysUnitsAndEncoding() throws Exception {
        Recorder<GroupTelegram> atGateway = new Recorder<>();
        KnxGatewayDevice gateway = gateway(atGateway);
        VirtualParticipant meter = participant("smart meter", "1.1.10", value -> { });

        meter.write("0/1/10", "9.021", 12.5); // mA as a KNX float on the bus
        assertEquals(new GroupTelegram(GroupTelegram.Service.WRITE, new GroupAddress(0, 1, 10),
                new IndividualAddress(1, 1, 10), DatapointCodec.encode(KnxDatapoint.CURRENT_MILLIAMPERE_F16, 12.5)),
                atGateway.next(WAIT));
        meter.write("0/1/13", "1.002", true);
        GroupTelegram bit = atGateway.next(WAIT);
        assertEquals(new GroupAddress(0, 1, 13), bit.destination());
        assertEquals(List.of((byte) 1), List.of(bit.asdu()[0]));
        assertEquals(1, bit.asdu().length);

        Recorder<GroupValue> atVisu = new Recorder<>();
        VirtualParticipant visu = participant("visualisation", "1.1.20", atVisu);
        visu.listen("1/1/50", "5.010");
        visu.listen("1/1/62", "7.012");
        visu.listen("1/1/76", "10.001");
        gateway.sendGroupWrite(new GroupAddress(1, 1, 50), KnxDatapoint.UNSIGNED_COUNT,
                DatapointCodec.encode(KnxDatapoint.UNSIGNED_COUNT, 8L));
        gateway.sendGroupWrite(new GroupAddress(1, 1, 62), KnxDatapoint.CURRENT_MILLIAMPERE_U16,
                DatapointCodec.encode(KnxDatapoint.CURRENT_MILLIAMPERE_U16, 15.2));
        gateway.sendGroupResponse(new GroupAddress(1, 1, 76), KnxDatapoint.TIME_OF_DAY,
                DatapointCodec.encode(KnxDatapoint.TIME_OF_DAY, LocalTime.of(18, 30, 5)));
        assertEquals(new GroupValue(Service.WRITE, "15.15.255", "1/1/50", "5.010", 8L), atVisu.next(WAIT));
        assertEquals(new GroupValue(Service.WRITE, "15.15.255", "1/1/62", "7.012", 15.2), atVisu.next(WAIT));
        assertEquals(new GroupValue(Service.RESPONSE, "15.15.255", "1/1/76", "10.001", LocalTime.of(18, 30, 5)),
                atVisu.next(WAIT));
    }

    @Test
    void readsAreAnsweredWithRespond() throws Exception {
        Recorder<GroupTelegram> atGateway = new Recorder<>();
        KnxGatewayDevice gateway = gateway(atGateway);
        VirtualParticipant[] meter = new VirtualParticipant[1];
        meter[0] = participant("smart meter", "1.1.10", value -> {
            if (value.service() == Service.READ) {
                try {
                    meter[0].respond(value.groupAddress(), "14.019", 7.25);
                } catch (KnxValueException e) {
                    throw new AssertionError(e);
                }
            }
        });
        meter[0].listen("0/1/11", "14.019");

        gateway.sendGroupRead(new GroupAddress(0, 1, 11));
        GroupTelegram answer = atGateway.next(WAIT);
        assertEquals(GroupTelegram.Service.RESPONSE, answer.service());
        assertEquals(7.25, DatapointCodec.decode(KnxDatapoint.CURRENT_AMPERE_F32, answer.asdu()));

        Recorder<GroupValue> atVisu = new Recorder<>();
        VirtualParticipant visu = participant("visualisation", "1.1.20", atVisu);
        visu.listen("0/1/11", "14.019");
        visu.read("0/1/11");
        assertEquals(new GroupValue(Service.RESPONSE, "1.1.10", "0/1/11", "14.019", 7.25),
                atVisu.next(v -> v.service() == Service.RESPONSE, WAIT));
    }

    @Test
    void onlyListenedAddressesArriveAndBadTelegramsAreDropped() throws Exception {
        KnxGatewayDevice gateway = gateway(t -> { });
        Recorder<GroupValue> heard = new Recorder<>();
        VirtualParticipant visu = participant("visualisation", "1.1.20", heard);
        visu.listen("2/0/1", "14.019");
        gateway.sendGroupWrite(new GroupAddress(2, 0, 2), KnxDatapoint.CURRENT_AMPERE_F32,
                DatapointCodec.encode(KnxDatapoint.CURRENT_AMPERE_F32, 1.0));
        // 2 bytes where a 4-byte float is expected: refused
        gateway.sendGroupWrite(new GroupAddress(2, 0, 1), KnxDatapoint.CURRENT_MILLIAMPERE_U16,
                DatapointCodec.encode(KnxDatapoint.CURRENT_MILLIAMPERE_U16, 1.0));
        heard.assertNone(QUIET);

        visu.listen("2/0/1", "7.012"); // listening again changes the type
        gateway.sendGroupWrite(new GroupAddress(2, 0, 1), KnxDatapoint.CURRENT_MILLIAMPERE_U16,
                DatapointCodec.encode(KnxDatapoint.CURRENT_MILLIAMPERE_U16, 1.0));
        assertEquals(1.0, heard.next(WAIT).value());
    }

    @Test
    void wrongInputIsRefusedWithTheReason() throws Exception {
        VirtualParticipant p = participant("p", "1.1.30", v -> { });
        assertEquals("\"1/2/3/4\" is not a group address: write main/middle/sub (e.g. 1/2/3), main/sub (e.g. 1/515)"
                + " or a number (e.g. 2563)", assertThrows(IllegalArgumentException.class,
                        () -> p.write("1/2/3/4", "1.001", true)).getMessage());
        assertEquals("datapoint type \"1.999\" is not one the gateway knows; e.g. 14.019 or 1.001",
                assertThrows(IllegalArgumentException.class, () -> p.listen("1/2/3", "1.999")).getMessage());
        assertEquals(KnxValueException.Reason.WRONG_TYPE,
                assertThrows(KnxValueException.class, () -> p.write("1/2/3", "1.001", "on")).reason());
        assertEquals(KnxValueException.Reason.OUT_OF_RANGE,
                assertThrows(KnxValueException.class, () -> p.write("1/2/3", "7.012", 70.0)).reason());
        assertThrows(IllegalArgumentException.class,
                () -> VirtualParticipant.join(network, "q", "1.1.0", v -> { }));
    }

    @Test
    void aClosedParticipantOrANetworkThatWentDownRefusesToSend() throws Exception {
        VirtualParticipant p = participant("p", "1.1.30", v -> { });
        VirtualParticipant q = participant("q", "1.1.31", v -> { });
        assertTrue(p.isOpen());
        p.close();
        assertFalse(p.isOpen());
        assertThrows(IllegalStateException.class, () -> p.write("1/2/3", "1.001", true));

        network.down("test over");
        assertFalse(q.isOpen());
        assertThrows(IllegalStateException.class, () -> q.read("1/2/3"));
        assertEquals("virtual KNX network test is down (test over)", assertThrows(IllegalStateException.class,
                () -> VirtualParticipant.join(network, "r", "1.1.32", v -> { })).getMessage());
    }

    private VirtualParticipant participant(String name, String address,
            java.util.function.Consumer<GroupValue> values) {
        VirtualParticipant participant = VirtualParticipant.join(network, name, address, values::accept);
        closing.add(participant);
        return participant;
    }

    private KnxGatewayDevice gateway(java.util.function.Consumer<GroupTelegram> telegrams) throws Exception {
        KnxConnection connection = new KnxConnection(network.opener("gateway", GATEWAY), executor);
        closing.add(connection);
        KnxGatewayDevice device = new KnxGatewayDevice("gateway", connection, telegrams::accept);
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
}
