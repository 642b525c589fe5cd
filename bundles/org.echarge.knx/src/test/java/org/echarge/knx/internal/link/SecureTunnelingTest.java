package org.echarge.knx.internal.link;

import static org.echarge.knx.internal.link.GroupTelegram.Service.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;
import org.echarge.knx.internal.Validated;
import org.echarge.knx.internal.link.KnxConnectionSettings.Mode;
import org.echarge.knx.internal.link.KnxSecureSettings.Input;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tuwien.auto.calimero.DetachEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.SerialNumber;
import tuwien.auto.calimero.dptxlator.DPTXlator4ByteFloat;
import tuwien.auto.calimero.knxnetip.SecureConnection;
import tuwien.auto.calimero.knxnetip.TcpConnection;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.KNXNetworkLinkIP;
import tuwien.auto.calimero.link.medium.TPSettings;
import tuwien.auto.calimero.process.ProcessCommunicatorImpl;
import tuwien.auto.calimero.process.ProcessEvent;
import tuwien.auto.calimero.process.ProcessListener;
import tuwien.auto.calimero.secure.SecureApplicationLayer;
import tuwien.auto.calimero.secure.Security;

/**
 * KNX IP Secure tunnelling over TCP against calimero-server 2.6-rc1 on 127.0.0.1: the gateway
 * (secure tunnel 1.1.10 of user 2, from a keyring) and a second secure client (user 3, 1.1.11)
 * exchange plain and Data Secure group telegrams through the server's virtual subnet; a wrong user
 * password is refused by the server and reported by the connection.
 */
class SecureTunnelingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final IndividualAddress GATEWAY = new IndividualAddress(1, 1, 10);
    private static final IndividualAddress PEER = new IndividualAddress(1, 1, 11);
    private static final GroupAddress PLAIN = new GroupAddress(1, 2, 9);
    private static final GroupAddress SECURED = new GroupAddress(1, 2, 3);
    private static final byte[] GROUP_KEY = TestKeyring.key(0x10);

    @TempDir
    static Path work;
    static CalimeroServer server;
    static Path keyring;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = CalimeroServer.start(work);
        keyring = new TestKeyring()
                .tunnel("1.1.1", "1.1.10", 2, CalimeroServer.USER_2_PASSWORD, CalimeroServer.DEVICE_AUTHENTICATION_CODE)
                .tunnel("1.1.1", "1.1.11", 3, CalimeroServer.USER_3_PASSWORD, CalimeroServer.DEVICE_AUTHENTICATION_CODE)
                .group("1/2/3", GROUP_KEY)
                .write(work.resolve("site.knxkeys"), "keyring password");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
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
    void theGatewayAndASecondSecureClientExchangeGroupTelegrams() throws Exception {
        KnxSecureSettings secure = valid(new Input(keyring.toString(), "keyring password", 0, "", "", "", 0));
        Recorder<GroupTelegram> atGateway = new Recorder<>();
        KnxConnection connection = KnxConnection.of(settings(), secure, executor);
        closing.add(connection);
        Recorder<ConnectionState> states = Recorder.states(connection);
        KnxGatewayDevice gateway = new KnxGatewayDevice("gateway", connection, secure, atGateway::accept);
        closing.add(gateway);
        connection.start();
        assertEquals(ConnectionState.CONNECTED, states.next(s -> s == ConnectionState.CONNECTED, WAIT),
                () -> connection.lastFailure().orElse(""));
        assertEquals("KNX IP Secure tunnel (TCP) to 127.0.0.1:" + server.port(), connection.target());

        Recorder<ProcessEvent> atPeer = new Recorder<>();
        ProcessCommunicatorImpl peer = securePeer();
        peer.addProcessListener(Telegrams.recording(atPeer));

        gateway.sendGroupWrite(PLAIN, KnxDatapoint.CURRENT_AMPERE_F32, Telegrams.ampereAsdu(16.0));
        ProcessEvent plain = atPeer.next(WAIT);
        assertEquals(PLAIN, plain.getDestination());
        assertEquals(GATEWAY, plain.getSourceAddr());
        assertEquals(16.0, ProcessListener.asFloat(plain));

        peer.write(PLAIN, Telegrams.ampere(12.5));
        assertEquals(new GroupTelegram(WRITE, PLAIN, PEER, new byte[] { 0x41, 0x48, 0, 0 }), atGateway.next(WAIT));

        // KNX Data Secure inside the secure tunnel
        gateway.sendGroupWrite(SECURED, KnxDatapoint.CURRENT_AMPERE_F32, Telegrams.ampereAsdu(6.0));
        ProcessEvent secured = atPeer.next(WAIT);
        assertEquals(SECURED, secured.getDestination());
        assertEquals(6.0, ProcessListener.asFloat(secured));
        peer.write(SECURED, Telegrams.ampere(32.0));
        assertEquals(new GroupTelegram(WRITE, SECURED, PEER, new byte[] { 0x42, 0x00, 0, 0 }), atGateway.next(WAIT));
    }

    @Test
    void theSecureTunnelReconnectsAfterTheServerRestarted() throws Exception {
        KnxSecureSettings secure = valid(new Input(keyring.toString(), "keyring password", 0, "", "", "", 0));
        KnxConnection connection = new KnxConnection(new CalimeroLinkOpener(settings(), secure), executor,
                new Backoff(Duration.ofMillis(200), Duration.ofMillis(500)), KnxConnection.DEFAULT_TRAFFIC_HOLD);
        closing.add(connection);
        Recorder<ConnectionState> states = Recorder.states(connection);
        Recorder<GroupTelegram> atGateway = new Recorder<>();
        KnxGatewayDevice gateway = new KnxGatewayDevice("gateway", connection, secure, atGateway::accept);
        closing.add(gateway);
        connection.start();
        assertEquals(ConnectionState.CONNECTED, states.next(s -> s == ConnectionState.CONNECTED, WAIT));

        server.close();
        assertEquals(ConnectionState.LOST, states.next(s -> s == ConnectionState.LOST, WAIT));
        server = CalimeroServer.start(work.resolve("restarted"), server.port());
        // while the old server shut down, the gateway may have reconnected to it once more and lost
        // that too: what counts is that telegrams reach it again, without any help
        ProcessCommunicatorImpl peer = securePeer();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        GroupTelegram received = null;
        while (received == null && System.nanoTime() < end) {
            peer.write(SECURED, Telegrams.ampere(10.0));
            received = atGateway.poll(Duration.ofSeconds(1));
        }
        assertEquals(new GroupTelegram(WRITE, SECURED, PEER, Telegrams.ampereAsdu(10.0)), received,
                () -> connection.lastFailure().orElse("no failure"));
        assertNotEquals(ConnectionState.LOST, connection.state());
    }

    @Test
    void aWrongUserPasswordIsRefusedWithTheServersReason() throws Exception {
        KnxSecureSettings secure = valid(new Input("", "", 2, "not the password",
                CalimeroServer.DEVICE_AUTHENTICATION_CODE, "", 0));
        KnxConnection connection = new KnxConnection(new CalimeroLinkOpener(settings(), secure), executor,
                new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)), KnxConnection.DEFAULT_TRAFFIC_HOLD);
        closing.add(connection);
        Recorder<ConnectionState> states = Recorder.states(connection);
        connection.start();
        long end = System.nanoTime() + WAIT.toNanos();
        while (connection.lastFailure().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals("cannot connect: secure session authorization failed", connection.lastFailure().orElse(""));
        assertEquals(ConnectionState.LOST, connection.state());
        states.assertNone(Duration.ofMillis(200)); // never connected
    }

    private static KnxConnectionSettings settings() {
        return new KnxConnectionSettings(Mode.TUNNELING_SECURE, "127.0.0.1", server.port(), "127.0.0.1", "",
                GATEWAY);
    }

    private static KnxSecureSettings valid(Input input) {
        Validated<KnxSecureSettings> v = KnxSecureSettings.validate(Mode.TUNNELING_SECURE, GATEWAY, "", input);
        assertTrue(v instanceof Validated.Valid, v::toString);
        return ((Validated.Valid<KnxSecureSettings>) v).value();
    }

    /** User 3 in a secure session of its own, with Calimero's secure process communication for 1/2/3. */
    private ProcessCommunicatorImpl securePeer() throws Exception {
        TcpConnection tcp = TcpConnection.newTcpConnection(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", server.port()));
        closing.add(tcp);
        KNXNetworkLink link = KNXNetworkLinkIP.newSecureTunnelingLink(tcp.newSecureSession(3,
                SecureConnection.hashUserPassword(CalimeroServer.USER_3_PASSWORD.toCharArray()),
                SecureConnection.hashDeviceAuthenticationPassword(
                        CalimeroServer.DEVICE_AUTHENTICATION_CODE.toCharArray())), new TPSettings());
        // no address asked for: 2.6-rc1 grants a requested address only to the first user of its table
        // (ControlEndpointService.extendedConnectRequest); the server assigns user 3's 1.1.11
        assertEquals(PEER, link.getKNXMedium().getDeviceAddress());
        closing.add(link);
        Security security = Security.newSecurity();
        security.groupKeys().put(SECURED, GROUP_KEY);
        ProcessCommunicatorImpl communicator = new ProcessCommunicatorImpl(link, new SecureApplicationLayer(link,
                security, SerialNumber.Zero, new SecureApplicationLayer.SequenceNumbers(1000, 1, Map.of(),
                        Map.of())), false);
        closing.add(communicator::close);
        return communicator;
    }



}
