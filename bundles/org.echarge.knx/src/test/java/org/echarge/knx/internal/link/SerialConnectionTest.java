package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.link.KnxConnectionSettings.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.serial.spi.SerialConnectionProvider;

/** Serial KNX interfaces through Calimero's serial SPI and {@link JSerialCommProvider}. */
class SerialConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final IndividualAddress GATEWAY = new IndividualAddress(15, 15, 255);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final Recorder<ConnectionState> states = new Recorder<>();
    private KnxConnection connection;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        executor.shutdownNow();
    }

    @Test
    void theProviderIsRegisteredForCalimerosServiceLoader() {
        assertEquals(JSerialCommProvider.class,
                ServiceLoader.load(SerialConnectionProvider.class).findFirst().orElseThrow().getClass());
    }

    @Test
    void aMissingPortIsReportedAndRetried(@TempDir Path dir) throws Exception {
        for (Mode mode : new Mode[] { Mode.SERIAL_TPUART, Mode.SERIAL_FT12 }) {
            String path = dir.resolve("ttyKNX-" + mode).toString();
            connection = start(new KnxConnectionSettings(mode, "", 0, "", path, GATEWAY));
            assertEquals("cannot connect: serial port " + path + " does not exist",
                    KnxConnectionTest.awaitFailure(connection));
            assertEquals(ConnectionState.LOST, connection.state());
            connection.close();
        }
    }

    /** TP-UART over a pty: the bytes on the line are checked against the TP1 frame format. */
    @Test
    void tpuartCarriesGroupTelegramsBothWays(@TempDir Path dir) throws Exception {
        try (FakeTpuart tpuart = FakeTpuart.start(dir)) {
            connection = start(new KnxConnectionSettings(Mode.SERIAL_TPUART, "", 0, "",
                    tpuart.hostPort().toString(), GATEWAY));
            Recorder<GroupTelegram> telegrams = new Recorder<>();
            KnxGatewayDevice device = new KnxGatewayDevice("gateway", connection, telegrams::accept);
            assertEquals(ConnectionState.CONNECTED, states.next(s -> s == ConnectionState.CONNECTED, WAIT),
                    () -> "last failure: " + connection.lastFailure());

            device.sendGroupWrite(new GroupAddress(1, 2, 3), KnxDatapoint.SWITCH, new byte[] { 1 });
            // control BC (standard, not repeated, low priority), 15.15.255 -> 1/2/3, group + hop count 6 +
            // length 1, TPCI/APCI 00 81 (GroupValueWrite, value 1), checksum
            String frame = tpuart.sent.next(WAIT);
            assertEquals("BC FF FF 0A 03 E1 00 81", frame.substring(0, frame.length() - 3));
            assertChecksum(frame);

            // 1.1.7 -> 1/2/4 GroupValueWrite 0C 1A
            tpuart.frameFromBus(HexFormat.of().parseHex("bc11070a04e300800c1a"));
            assertEquals(new GroupTelegram(GroupTelegram.Service.WRITE, new GroupAddress(1, 2, 4),
                    new IndividualAddress(1, 1, 7), new byte[] { 0x0c, 0x1a }), telegrams.next(WAIT));
            device.close();
        }
    }

    /**
     * FT1.2 over a pty against a BCU2 (EMI2): reset, the switch to link layer mode, an L_Data.req
     * the BCU confirms, and an L_Data.ind from the bus.
     */
    @Test
    void ft12CarriesGroupTelegramsBothWays(@TempDir Path dir) throws Exception {
        try (FakeFt12 bcu = new FakeFt12(dir)) {
            connection = start(new KnxConnectionSettings(Mode.SERIAL_FT12, "", 0, "", bcu.hostPort().toString(),
                    GATEWAY));
            Recorder<GroupTelegram> telegrams = new Recorder<>();
            KnxGatewayDevice device = new KnxGatewayDevice("gateway", connection, telegrams::accept);
            assertEquals(ConnectionState.CONNECTED, states.next(s -> s == ConnectionState.CONNECTED, WAIT),
                    () -> "last failure: " + connection.lastFailure());
            assertEquals("reset", bcu.resets.next(WAIT));
            // PEI switch to link layer mode (EMI2)
            assertEquals("A9 00 18 34 56 78 0A", bcu.sent.next(WAIT));

            device.sendGroupWrite(new GroupAddress(1, 2, 3), KnxDatapoint.SWITCH, new byte[] { 1 });
            // L_Data.req: control, source (filled in by the BCU), 1/2/3, group + hop count 6 + length 1,
            // GroupValueWrite 1
            String request = bcu.sent.next(WAIT);
            assertTrue(request.startsWith("11 ") && request.endsWith(" 0A 03 E1 00 81"), request);

            // L_Data.ind 1.1.7 -> 1/2/4 GroupValueWrite 0C 1A
            bcu.toHost(HexFormat.of().parseHex("29bc11070a04e300800c1a"));
            assertEquals(new GroupTelegram(GroupTelegram.Service.WRITE, new GroupAddress(1, 2, 4),
                    new IndividualAddress(1, 1, 7), new byte[] { 0x0c, 0x1a }), telegrams.next(WAIT));
            device.close();
        }
    }

    private static void assertChecksum(String hexFrame) {
        byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hexFrame);
        byte[] body = Arrays.copyOf(bytes, bytes.length - 1);
        assertTrue(FakeTpuart.checksum(body) == bytes[bytes.length - 1], "checksum of " + hexFrame);
    }

    private KnxConnection start(KnxConnectionSettings settings) {
        KnxConnection c = new KnxConnection(new CalimeroLinkOpener(settings), executor,
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)), Duration.ofMillis(100));
        c.addListener(new KnxConnection.Listener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.accept(state);
            }
        });
        c.start();
        return c;
    }
}
