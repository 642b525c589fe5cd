package org.echarge.knx.internal.link;

import static org.echarge.knx.internal.link.GroupTelegram.Service.READ;
import static org.echarge.knx.internal.link.GroupTelegram.Service.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;
import org.echarge.knx.internal.Validated;
import org.echarge.knx.internal.link.KnxSecureSettings.Input;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tuwien.auto.calimero.DetachEvent;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.SerialNumber;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.dptxlator.DPTXlator4ByteFloat;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.process.ProcessCommunicatorImpl;
import tuwien.auto.calimero.process.ProcessEvent;
import tuwien.auto.calimero.process.ProcessListener;
import tuwien.auto.calimero.secure.SecureApplicationLayer;
import tuwien.auto.calimero.secure.SecureApplicationLayer.SequenceNumbers;
import tuwien.auto.calimero.secure.Security;

/**
 * KNX Data Secure between the gateway's device (group keys from a keyring) and a device using
 * Calimero's own secure process communication, on a virtual KNX network with a bus monitor.
 */
class DataSecureTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final IndividualAddress GATEWAY = new IndividualAddress(1, 1, 10);
    private static final IndividualAddress PEER = new IndividualAddress(1, 1, 7);
    private static final IndividualAddress STRANGER = new IndividualAddress(1, 1, 8);
    private static final GroupAddress CURRENT = new GroupAddress(1, 2, 3);
    private static final GroupAddress PLAIN = new GroupAddress(1, 2, 9);
    private static final byte[] KEY = TestKeyring.key(0x10);

    @TempDir
    static Path dir;
    static KnxSecureSettings secure;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final VirtualKnxNetwork network = new VirtualKnxNetwork("secure");
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Recorder<GroupTelegram> atGateway = new Recorder<>();
    private final Recorder<String> refused = new Recorder<>();
    private final Recorder<CEMILData> wire = new Recorder<>();
    private KnxGatewayDevice gateway;

    @BeforeAll
    static void keyring() throws Exception {
        Path keyring = new TestKeyring().tunnel("1.1.1", "1.1.10", 2, "pw", "auth", "1/2/3=1.1.7 1.1.8")
                .group("1/2/3", KEY).write(dir.resolve("site.knxkeys"), "secret");
        Validated<KnxSecureSettings> v = KnxSecureSettings.validate(KnxConnectionSettings.Mode.VIRTUAL, GATEWAY, "",
                new Input(keyring.toString(), "secret", 0, "", "", "", 0));
        secure = ((Validated.Valid<KnxSecureSettings>) v).value();
    }

    @AfterEach
    void tearDown() throws Exception {
        List<AutoCloseable> copy = new ArrayList<>(closing);
        Collections.reverse(copy);
        for (AutoCloseable c : copy) {
            c.close();
        }
        executor.shutdownNow();
    }

    @Test
    void theGatewaySendsSecuredTelegramsThatASecureDeviceReads() throws Exception {
        startGateway();
        Recorder<ProcessEvent> atPeer = new Recorder<>();
        securePeer(PEER, KEY, 5000).addProcessListener(Telegrams.recording(atPeer));

        gateway.sendGroupWrite(CURRENT, KnxDatapoint.CURRENT_AMPERE_F32, Telegrams.ampereAsdu(16.0));
        CEMILData onWire = wire.next(WAIT);
        String payload = hex(onWire.getPayload());
        // TPCI/APCI of A_SecureService, SCF 10 (authenticated and encrypted data, no tool access)
        assertTrue(payload.startsWith("03 F1 10 "), payload);
        assertEquals(2 + 1 + 6 + 6 + 4, onWire.getPayload().length, payload);
        assertTrue(!payload.contains("41 80 00 00"), "the value is encrypted: " + payload);
        ProcessEvent event = atPeer.next(WAIT);
        assertEquals(GATEWAY, event.getSourceAddr());
        assertEquals(16.0, ProcessListener.asFloat(event));

        gateway.sendGroupWrite(PLAIN, KnxDatapoint.CURRENT_AMPERE_F32, Telegrams.ampereAsdu(6.0)); // no key: plain
        assertEquals("00 80 40 C0 00 00", hex(wire.next(WAIT).getPayload()));
    }

    @Test
    void securedTelegramsOfASecureDeviceReachTheGateway() throws Exception {
        startGateway();
        ProcessCommunicatorImpl peer = securePeer(PEER, KEY, 5000);
        peer.write(CURRENT, Telegrams.ampere(12.5));
        assertEquals(new GroupTelegram(WRITE, CURRENT, PEER, new byte[] { 0x41, 0x48, 0, 0 }), atGateway.next(WAIT));

        // a secured read, answered by the gateway with a secured response
        KnxGatewayDevice device = gateway;
        Thread answer = new Thread(() -> {
            try {
                GroupTelegram read = atGateway.next(WAIT);
                assertEquals(new GroupTelegram(READ, CURRENT, PEER, new byte[0]), read);
                device.sendGroupResponse(CURRENT, KnxDatapoint.CURRENT_AMPERE_F32, Telegrams.ampereAsdu(21.75));
            } catch (InterruptedException | KNXException e) {
                throw new AssertionError(e);
            }
        });
        answer.start();
        peer.responseTimeout(WAIT);
        assertEquals(21.75, peer.readFloat(CURRENT));
        answer.join();
        refused.assertNone(Duration.ofMillis(100));
    }

    @Test
    void plainTelegramsToASecuredAddressAreRefused() throws Exception {
        startGateway();
        KNXNetworkLink plain = network.join("plain device", PEER);
        closing.add(plain);
        plain.sendRequestWait(CURRENT, Priority.LOW, new byte[] { 0, (byte) 0x80, 0x41, 0x48, 0, 0 });
        assertEquals("plain WRITE from 1.1.7 to 1/2/3 refused: the group address is secured with KNX Data Secure",
                refused.next(WAIT));
        plain.sendRequestWait(PLAIN, Priority.LOW, new byte[] { 0, (byte) 0x80, 0x41, 0x48, 0, 0 });
        assertEquals(new GroupTelegram(WRITE, PLAIN, PEER, new byte[] { 0x41, 0x48, 0, 0 }), atGateway.next(WAIT));
        atGateway.assertNone(Duration.ofMillis(100));
    }

    @Test
    void aReplayedTelegramIsRefused() throws Exception {
        startGateway();
        securePeer(PEER, KEY, 5000).write(CURRENT, Telegrams.ampere(12.5));
        atGateway.next(WAIT);
        byte[] recorded = wire.next(WAIT).getPayload();

        KNXNetworkLink attacker = network.join("attacker", PEER); // sends with the peer's address
        closing.add(attacker);
        attacker.sendRequestWait(CURRENT, Priority.LOW, recorded);
        assertEquals("secured telegram from 1.1.7 to 1/2/3 refused: 1.1.7->1/2/3 received sequence number 5000 "
                + "< 5001 (expected)", refused.next(WAIT));
        atGateway.assertNone(Duration.ofMillis(100));
    }

    @Test
    void aTelegramWithAnotherKeyIsRefused() throws Exception {
        startGateway();
        securePeer(STRANGER, TestKeyring.key(0x30), 100).write(CURRENT, Telegrams.ampere(12.5));
        assertEquals("secured telegram from 1.1.8 to 1/2/3 refused: MAC mismatch 1.1.8->1/2/3", refused.next(WAIT));
        atGateway.assertNone(Duration.ofMillis(100));
    }

    @Test
    void aSenderTheKeyringDoesNotListIsRefused() throws Exception {
        startGateway();
        securePeer(new IndividualAddress(1, 1, 9), KEY, 100).write(CURRENT, Telegrams.ampere(12.5));
        assertEquals("secured telegram from 1.1.9 to 1/2/3 refused: the keyring does not list 1.1.9 as a sender on "
                + "1/2/3", refused.next(WAIT));
        atGateway.assertNone(Duration.ofMillis(100));
    }

    @Test
    void theGatewaysSequenceNumbersRiseAcrossRestarts() {
        long first = DataSecureLayer.firstSequenceNumber();
        assertTrue(first < 1L << 48, "six bytes");
        assertTrue(first > 10L * 1_700_000_000_000L, "ten per millisecond since 1970");
        assertNotEquals(0, first);
    }

    private void startGateway() throws Exception {
        KnxConnection connection = new KnxConnection(network.opener("gateway", GATEWAY), executor);
        closing.add(connection);
        gateway = new KnxGatewayDevice("gateway", connection, secure, new KnxGatewayDevice.Listener() {
            @Override
            public void groupTelegram(GroupTelegram telegram) {
                atGateway.accept(telegram);
            }

            @Override
            public void securityRefused(String reason) {
                refused.accept(reason);
            }
        });
        closing.add(gateway);
        Recorder<ConnectionState> states = Recorder.states(connection);
        connection.start();
        states.next(s -> s == ConnectionState.CONNECTED, WAIT);
        KNXNetworkLink monitor = network.join("monitor", new IndividualAddress(1, 1, 250));
        closing.add(monitor);
        monitor.addLinkListener(new NetworkLinkListener() {
            @Override
            public void indication(FrameEvent e) {
                wire.accept((CEMILData) e.getFrame());
            }
        });
    }

    /** A device with Calimero's secure process communication and its own key for 1/2/3. */
    private ProcessCommunicatorImpl securePeer(IndividualAddress address, byte[] key, long sequence)
            throws KNXException {
        KNXNetworkLink link = network.join("peer " + address, address);
        closing.add(link);
        Security security = Security.newSecurity();
        security.groupKeys().put(CURRENT, key);
        SecureApplicationLayer sal = new SecureApplicationLayer(link, security, SerialNumber.Zero,
                new SequenceNumbers(sequence, 1, Map.of(), Map.of()));
        ProcessCommunicatorImpl communicator = new ProcessCommunicatorImpl(link, sal, false);
        closing.add(communicator::close);
        return communicator;
    }




    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
