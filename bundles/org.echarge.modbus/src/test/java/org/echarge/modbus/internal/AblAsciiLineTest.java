package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echarge.testsupport.SocatPty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RS485 line in ABL framing over socat pty pairs: against {@link AblAsciiResponder} (Python,
 * units 1 and 2; unit 7 is absent), and against answers written byte by byte by {@link RawSerialPeer}.
 */
class AblAsciiLineTest {

    private static final ModbusOptions TIMEOUT = new ModbusOptions(Duration.ofMillis(300), Duration.ZERO);
    private static SocatPty responderLine;
    private static SocatPty rawLine;
    private static AblAsciiResponder responder;

    private final ModbusTransportService transport = new ModbusTransportService();
    private final ExecutorService gateway = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        if (SocatPty.installed()) {
            responderLine = SocatPty.start(Files.createDirectory(dir.resolve("responder")));
            rawLine = SocatPty.start(Files.createDirectory(dir.resolve("raw")));
            responder = AblAsciiResponder.start(responderLine.peerEnd, "1,2");
        }
    }

    @AfterAll
    static void stopPeers() {
        for (AutoCloseable peer : new AutoCloseable[] {responder, responderLine, rawLine}) {
            try {
                if (peer != null) {
                    peer.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterEach
    void stop() {
        gateway.shutdownNow();
        transport.deactivate();
    }

    @Test
    void readsAndWritesTheIndependentResponder() throws Exception {
        configure(responderLine);
        try (ModbusClient one = open(1); ModbusClient two = open(2)) {
            assertArrayEquals(new int[] {146, 147, 148, 149, 150}, one.readHoldingRegisters(0x2E, 5));
            one.writeRegisters(0x14, 1000);
            one.writeRegisters(0x05, 0xA1A1, 0xE0E0);
            assertArrayEquals(new int[] {0xA1A1, 0xE0E0}, one.readHoldingRegisters(0x05, 2));
            assertArrayEquals(new int[] {1000}, one.readHoldingRegisters(0x14, 1));
            assertArrayEquals(new int[] {220}, two.readHoldingRegisters(0x14, 1));
        }
    }

    @Test
    void exceptionAnswersCarryTheirCode() {
        configure(responderLine);
        try (ModbusClient one = open(1)) {
            ModbusException beyond = assertThrows(ModbusException.class, () -> one.readHoldingRegisters(99, 2));
            assertEquals(Kind.COMMUNICATION, beyond.kind());
            assertEquals(2, beyond.exceptionCode());
            ModbusException function6 = assertThrows(ModbusException.class, () -> one.writeRegister(0x14, 100));
            assertEquals(Kind.COMMUNICATION, function6.kind());
            assertEquals(1, function6.exceptionCode());
        }
    }

    @Test
    void absentUnitIsNotReachableAndTheLineGoesOn() throws Exception {
        configure(responderLine);
        try (ModbusClient absent = open(7); ModbusClient one = open(1)) {
            long start = System.nanoTime();
            ModbusException e = assertThrows(ModbusException.class, () -> absent.readHoldingRegisters(0, 1));
            assertEquals(Kind.NOT_REACHABLE, e.kind(), e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(300 + 500), "bounded by the timeout");
            assertArrayEquals(new int[] {100}, one.readHoldingRegisters(0, 1));
        }
    }

    @Test
    void rtuDeviceIsRefusedOnAnAblLine() {
        configure(responderLine);
        try (ModbusClient rtu = transport.open(new DeviceAddress(Transport.MODBUS_RTU, "", 0, 1), TIMEOUT)) {
            ModbusException e = assertThrows(ModbusException.class, () -> rtu.readHoldingRegisters(0, 1));
            assertEquals(Kind.NOT_REACHABLE, e.kind());
            assertTrue(e.getMessage().contains("configured for MODBUS_RTU but the line for ABL_ASCII framing"),
                    e.getMessage());
        }
    }

    /** evcc issue 526: the status report request and the answer of an eMH1 in state B2, byte for byte. */
    @Test
    void recordedExchangeByteForByteEvenAfterLineNoise() throws Exception {
        configure(rawLine);
        try (RawSerialPeer peer = new RawSerialPeer(rawLine.peerEnd); ModbusClient one = open(1)) {
            Future<int[]> read = gateway.submit(() -> one.readHoldingRegisters(0x2E, 5));
            assertEquals(":0103002E0005C9\r\n", new String(peer.request(), StandardCharsets.US_ASCII));
            peer.send(new byte[] {0x00, (byte) 0xFF}); // transceiver switching
            peer.send(ascii(">01030A2EB2910B03E803E803E8B5\r\n"));
            assertArrayEquals(new int[] {0x2EB2, 0x910B, 0x03E8, 0x03E8, 0x03E8}, read.get(2, TimeUnit.SECONDS));
        }
    }

    /** what the peer answers to "read 1 register at 4" of unit 1, what the error says */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "LRC error,                  '>01030204A156<CRLF>', LRC error",
            "standard ASCII start,       ':01030204A155<CRLF>', 'answer starts with '':'' instead of ''>'''",
            "truncated,                  '>01030204A1',         answer cut off after 11 characters",
            "not a hex digit,            '>0103020XA155<CRLF>', is not a hex digit",
            "no registers,               '>010300FC<CRLF>',     implausible answer reading 1 holding registers",
    })
    void malformedAnswerIsACommunicationError(String fault, String answer, String expected) throws Exception {
        configure(rawLine);
        try (RawSerialPeer peer = new RawSerialPeer(rawLine.peerEnd); ModbusClient one = open(1)) {
            Future<int[]> pending = gateway.submit(() -> one.readHoldingRegisters(4, 1));
            peer.request();
            peer.send(ascii(answer.replace("<CRLF>", "\r\n")));
            ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
            ModbusException failure = assertInstanceOf(ModbusException.class, e.getCause());
            assertEquals(Kind.COMMUNICATION, failure.kind(), failure.getMessage());
            assertEquals(0, failure.exceptionCode());
            assertTrue(failure.getMessage().contains(expected), failure.getMessage());

            Future<int[]> next = gateway.submit(() -> one.readHoldingRegisters(4, 1)); // the line is cleared
            peer.request();
            peer.send(ascii(">01030204A155\r\n"));
            assertArrayEquals(new int[] {0x04A1}, next.get(2, TimeUnit.SECONDS));
        }
    }

    private void configure(SocatPty line) {
        // the pty keeps no parity: 8N1 instead of the box's 8E1
        transport.configure(ConfigAnnotations.rs485("portPath", line.gatewayEnd.toString(), "baudRate", 38400,
                "parity", "NONE", "framing", "ABL_ASCII"));
    }

    private ModbusClient open(int unit) {
        return transport.open(new DeviceAddress(Transport.MODBUS_ASCII, "", 0, unit), TIMEOUT);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
