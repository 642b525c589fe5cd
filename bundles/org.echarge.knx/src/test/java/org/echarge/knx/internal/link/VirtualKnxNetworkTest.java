package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.CloseEvent;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXLinkClosedException;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;

class VirtualKnxNetworkTest {

    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final IndividualAddress A = new IndividualAddress(1, 1, 1);
    private static final IndividualAddress B = new IndividualAddress(1, 1, 2);
    private static final IndividualAddress C = new IndividualAddress(1, 1, 3);

    private final VirtualKnxNetwork network = new VirtualKnxNetwork("test");
    private final List<KNXNetworkLink> links = new java.util.ArrayList<>();

    /** What one participant hears: "ind", "con" and "closed" events. */
    private record Heard(String kind, CEMILData frame, int closeInitiator) {
    }

    @AfterEach
    void closeLinks() {
        links.forEach(KNXNetworkLink::close);
    }

    @Test
    void aGroupFrameIsAnIndicationAtEveryOtherParticipantAndConfirmedToTheSender() throws Exception {
        Recorder<Heard> a = new Recorder<>();
        Recorder<Heard> b = new Recorder<>();
        Recorder<Heard> c = new Recorder<>();
        KNXNetworkLink linkA = join("a", A, a);
        join("b", B, b);
        join("c", C, c);

        GroupAddress group = new GroupAddress(1, 2, 3);
        linkA.sendRequestWait(group, Priority.LOW, new byte[] { 0x00, (byte) 0x81 });

        for (Recorder<Heard> other : List.of(b, c)) {
            Heard heard = other.next(WAIT);
            assertEquals("ind", heard.kind);
            assertEquals(CEMILData.MC_LDATA_IND, heard.frame.getMessageCode());
            assertEquals(A, heard.frame.getSource());
            assertEquals(group, heard.frame.getDestination());
            assertArrayEquals(new byte[] { 0x00, (byte) 0x81 }, heard.frame.getPayload());
            assertFalse(heard.frame.isRepetition());
        }
        Heard confirmation = a.next(WAIT);
        assertEquals("con", confirmation.kind);
        assertTrue(confirmation.frame.isPositiveConfirmation());
        a.assertNone(QUIET);
    }

    @Test
    void aFrameToAnIndividualAddressReachesOnlyThatParticipant() throws Exception {
        Recorder<Heard> b = new Recorder<>();
        Recorder<Heard> c = new Recorder<>();
        KNXNetworkLink linkA = join("a", A, new Recorder<>());
        join("b", B, b);
        join("c", C, c);

        linkA.sendRequest(C, Priority.SYSTEM, new byte[] { (byte) 0x80 }); // T_Connect
        assertEquals(C, c.next(WAIT).frame.getDestination());
        b.assertNone(QUIET);
    }

    @Test
    void downClosesEveryParticipantAsTheServerWouldAndUpLetsThemJoinAgain() throws Exception {
        Recorder<Heard> a = new Recorder<>();
        KNXNetworkLink linkA = join("a", A, a);
        join("b", B, new Recorder<>());

        network.down("server restart");
        Heard closed = a.next(WAIT);
        assertEquals("closed", closed.kind);
        assertEquals(CloseEvent.SERVER_REQUEST, closed.closeInitiator);
        assertFalse(linkA.isOpen());
        assertEquals(List.of(), network.participants());
        assertThrows(KNXLinkClosedException.class,
                () -> linkA.sendRequest(new GroupAddress(1, 1, 1), Priority.LOW, new byte[2]));
        KNXException refused = assertThrows(KNXException.class, () -> network.join("c", C));
        assertEquals("virtual KNX network test is down (server restart)", refused.getMessage());

        network.up();
        join("c", C, new Recorder<>());
        assertEquals(List.of("c"), network.participants());
    }

    @Test
    void aClosedParticipantLeaves() throws Exception {
        KNXNetworkLink linkA = join("a", A, new Recorder<>());
        join("b", B, new Recorder<>());
        linkA.close();
        assertEquals(List.of("b"), network.participants());
    }

    private KNXNetworkLink join(String name, IndividualAddress address, Recorder<Heard> heard) throws KNXException {
        KNXNetworkLink link = network.join(name, address);
        links.add(link);
        link.addLinkListener(new NetworkLinkListener() {
            @Override
            public void indication(FrameEvent e) {
                heard.accept(new Heard("ind", (CEMILData) e.getFrame(), 0));
            }

            @Override
            public void confirmation(FrameEvent e) {
                heard.accept(new Heard("con", (CEMILData) e.getFrame(), 0));
            }

            @Override
            public void linkClosed(CloseEvent e) {
                heard.accept(new Heard("closed", null, e.getInitiator()));
            }
        });
        return link;
    }
}
