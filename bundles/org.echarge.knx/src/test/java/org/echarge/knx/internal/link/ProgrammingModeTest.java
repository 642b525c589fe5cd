package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.echarge.knx.KnxDatapoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXRemoteException;
import tuwien.auto.calimero.KNXTimeoutException;
import tuwien.auto.calimero.SerialNumber;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.mgmt.Destination;
import tuwien.auto.calimero.mgmt.ManagementClientImpl;
import tuwien.auto.calimero.mgmt.PropertyAccess.PID;

/**
 * A commissioning tool (Calimero's management client, as ETS would do it) against the gateway's
 * device on a virtual KNX network.
 */
class ProgrammingModeTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration NO_ANSWER = Duration.ofMillis(600);
    private static final IndividualAddress FACTORY = new IndividualAddress(15, 15, 255);
    private static final IndividualAddress TOOL = new IndividualAddress(1, 1, 250);
    private static final IndividualAddress NEW = new IndividualAddress(1, 1, 30);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final VirtualKnxNetwork network = new VirtualKnxNetwork("line 1.1");
    private final Recorder<IndividualAddress> addresses = new Recorder<>();
    private final Recorder<Boolean> programming = new Recorder<>();
    private final Recorder<IndividualAddress> groupSources = new Recorder<>();
    private KnxConnection connection;
    private KnxGatewayDevice gateway;
    private KNXNetworkLink toolLink;
    private ManagementClientImpl tool;

    @BeforeEach
    void setUp() throws Exception {
        connection = new KnxConnection(network.opener("gateway", FACTORY), executor,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), KnxConnection.DEFAULT_TRAFFIC_HOLD);
        gateway = new KnxGatewayDevice("e-charge gateway", connection, new KnxGatewayDevice.Listener() {
            @Override
            public void groupTelegram(GroupTelegram telegram) {
            }

            @Override
            public void individualAddressChanged(IndividualAddress address) {
                addresses.accept(address);
            }

            @Override
            public void programmingModeChanged(boolean on) {
                programming.accept(on);
            }
        });
        Recorder<ConnectionState> states = new Recorder<>();
        connection.addListener(new KnxConnection.Listener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.accept(state);
            }
        });
        connection.start();
        assertEquals(ConnectionState.CONNECTED, states.next(WAIT));

        toolLink = network.join("ETS", TOOL);
        toolLink.addLinkListener(new NetworkLinkListener() {
            @Override
            public void indication(FrameEvent e) {
                CEMILData frame = (CEMILData) e.getFrame();
                if (frame.getDestination() instanceof GroupAddress group && !group.equals(GroupAddress.Broadcast)) {
                    groupSources.accept(frame.getSource());
                }
            }
        });
        tool = new ManagementClientImpl(toolLink);
        tool.responseTimeout(NO_ANSWER);
    }

    @AfterEach
    void tearDown() {
        tool.close();
        toolLink.close();
        gateway.close();
        connection.close();
        executor.shutdownNow();
    }

    @Test
    void outsideProgrammingModeTheAddressIsNeitherReadNorWritten() throws Exception {
        assertFalse(gateway.programmingMode());
        assertThrows(KNXTimeoutException.class, () -> tool.readAddress(false));

        tool.writeAddress(NEW);
        addresses.assertNone(NO_ANSWER);
        assertEquals(FACTORY, gateway.address());
    }

    @Test
    void inProgrammingModeAToolReadsAndWritesTheAddress() throws Exception {
        gateway.setProgrammingMode(true);
        assertTrue(programming.next(WAIT));
        assertTrue(gateway.programmingMode());
        assertArrayEquals(new IndividualAddress[] { FACTORY }, tool.readAddress(false));

        tool.writeAddress(NEW);
        assertEquals(NEW, addresses.next(WAIT));
        assertEquals(NEW, gateway.address());
        assertArrayEquals(new IndividualAddress[] { NEW }, tool.readAddress(false));

        // the new address is the connection's: the device sends with it, also after a reconnect
        gateway.sendGroupWrite(new GroupAddress(1, 0, 1), KnxDatapoint.SWITCH, new byte[] { 1 });
        assertEquals(NEW, groupSources.next(WAIT));
        assertEquals(NEW, connection.link().getKNXMedium().getDeviceAddress());

        gateway.setProgrammingMode(false);
        assertFalse(programming.next(WAIT));
        tool.writeAddress(new IndividualAddress(1, 1, 31));
        addresses.assertNone(NO_ANSWER);
        assertEquals(NEW, gateway.address());
    }

    @Test
    void aToolCanEndProgrammingModeAndARestartEndsIt() throws Exception {
        gateway.setProgrammingMode(true);
        assertTrue(programming.next(WAIT));
        Destination device = tool.createDestination(FACTORY, false);
        tool.writeProperty(device, 0, PID.PROGMODE, 1, 1, new byte[] { 0 });
        assertFalse(programming.next(WAIT));
        assertFalse(gateway.programmingMode());

        gateway.setProgrammingMode(true);
        assertTrue(programming.next(WAIT));
        tool.restart(device);
        assertFalse(programming.next(WAIT));
    }

    @Test
    void serialNumberAddressingIsOff() throws Exception {
        tool.writeAddress(SerialNumber.Zero, NEW);
        addresses.assertNone(NO_ANSWER);
        assertEquals(FACTORY, gateway.address());
        assertThrows(KNXTimeoutException.class, () -> tool.readAddress(SerialNumber.Zero));
    }

    @Test
    void aPropertyWriteChangesTheAddressOnlyInProgrammingMode() throws Exception {
        Destination device = tool.createDestination(FACTORY, true);
        KNXRemoteException refused = assertThrows(KNXRemoteException.class,
                () -> tool.writeProperty(device, 0, PID.SUBNET_ADDRESS, 1, 1, new byte[] { 0x11 }));
        assertEquals("property write failed/forbidden", refused.getMessage());
        assertThrows(KNXRemoteException.class,
                () -> tool.writeProperty(device, 0, PID.DEVICE_ADDRESS, 1, 1, new byte[] { 0x1e }));
        addresses.assertNone(Duration.ofMillis(200));
        assertEquals(FACTORY, gateway.address());

        gateway.setProgrammingMode(true);
        // the device answers from its new address, so the tool's connection to the old one hears nothing
        assertThrows(KNXTimeoutException.class,
                () -> tool.writeProperty(device, 0, PID.SUBNET_ADDRESS, 1, 1, new byte[] { 0x11 }));
        IndividualAddress written = new IndividualAddress(1, 1, 255);
        assertEquals(written, addresses.next(WAIT));
        assertEquals(written, connection.link().getKNXMedium().getDeviceAddress());
    }
}
