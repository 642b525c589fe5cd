package org.echarge.modbus.internal;

import static org.echarge.modbus.internal.RawSerialPeer.ascii;
import static org.echarge.modbus.internal.RawSerialPeer.rtu;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echarge.testsupport.SocatPty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers no real server sends, made up byte by byte on the peer end of a socat pty pair. */
class SerialLineFaultsTest {

    private static final ModbusOptions TIMEOUT = new ModbusOptions(Duration.ofMillis(300), Duration.ZERO);
    private static SocatPty pty;

    private final ModbusTransportService transport = new ModbusTransportService();
    private final ExecutorService gateway = Executors.newSingleThreadExecutor();
    private RawSerialPeer peer;
    private Transport framing = Transport.MODBUS_RTU;

    interface Request {
        int[] send(ModbusClient client) throws ModbusException;
    }

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        if (SocatPty.installed()) {
            pty = SocatPty.start(dir);
        }
    }

    @AfterAll
    static void stopPty() {
        if (pty != null) {
            pty.close();
        }
    }

    @BeforeEach
    void openPeer() {
        SocatPty.assumeInstalled();
        peer = new RawSerialPeer(pty.peerEnd);
    }

    @AfterEach
    void stop() {
        gateway.shutdownNow();
        transport.deactivate();
        if (peer != null) {
            peer.close();
        }
    }

    /** to "read 2 holding registers at 0" the peer answers: how the frame ends, its bytes, what the error says */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CRC error,                  bad CRC, 01 03 04 00 01 00 02,    CRC Error",
            "truncated answer,           no CRC,  01 03 04 00 01,          garbled",
            "noise,                      no CRC,  01 99 17 42 00 13 37 00, garbled",
            "answer of another function, CRC,     01 04 04 00 01 00 02,    answer with function 4",
            "too few registers,          CRC,     01 03 02 00 01,          implausible",
    })
    void garbledRtuAnswerIsACommunicationError(String fault, String ending, String bytes, String expected)
            throws Exception {
        configure(Transport.MODBUS_RTU);
        byte[] frame = switch (ending) {
            case "CRC" -> rtu(bytes);
            case "bad CRC" -> corruptCrc(rtu(bytes));
            default -> HexFormat.of().parseHex(bytes.replace(" ", ""));
        };
        ModbusException e = fails(frame, client -> client.readHoldingRegisters(0, 2));
        assertEquals(Kind.COMMUNICATION, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertLineStillWorks();
    }

    @Test
    void exceptionResponseCarriesItsCode() throws Exception {
        configure(Transport.MODBUS_RTU);
        ModbusException e = fails(rtu("01 86 04"), client -> {
            client.writeRegister(7, 1);
            return null;
        });
        assertEquals(Kind.COMMUNICATION, e.kind());
        assertEquals(4, e.exceptionCode());
    }

    @Test
    void lrcErrorIsACommunicationError() throws Exception {
        configure(Transport.MODBUS_ASCII);
        byte[] frame = ascii("01 03 04 00 01 00 02");
        frame[frame.length - 3] ^= 0x01; // last LRC digit
        ModbusException e = fails(frame, client -> client.readHoldingRegisters(0, 2));
        assertEquals(Kind.COMMUNICATION, e.kind(), e.getMessage());
        assertLineStillWorks();
    }

    @Test
    void asciiRequestIsFramedAsTheSpecificationSays() throws Exception {
        configure(Transport.MODBUS_ASCII);
        try (ModbusClient client = open(1)) {
            Future<int[]> read = gateway.submit(() -> client.readInputRegisters(0x102, 3));
            assertEquals(":010401020003F5\r\n", new String(peer.request(), StandardCharsets.US_ASCII));
            peer.send(ascii("01 04 06 00 0A 00 0B FF FF"));
            assertArrayEquals(new int[] {10, 11, 0xFFFF}, read.get(2, TimeUnit.SECONDS));
        }
    }

    @Test
    void portThatRefusesTheParityIsNotUsed() {
        // a Linux pty keeps no parity, as a port without parity support would
        transport.configure(ConfigAnnotations.rs485("portPath", pty.gatewayEnd.toString(), "parity", "EVEN"));
        try (ModbusClient client = open(1)) {
            ModbusException e = assertThrows(ModbusException.class, () -> client.readHoldingRegisters(0, 1));
            assertEquals(Kind.NOT_REACHABLE, e.kind());
            assertTrue(e.getMessage().contains("did not take the line settings: parity EVEN (the port uses NONE)"),
                    e.getMessage());
        }
    }

    private void configure(Transport framing) {
        this.framing = framing;
        transport.configure(ConfigAnnotations.rs485("portPath", pty.gatewayEnd.toString(), "parity", "NONE",
                "framing", framing == Transport.MODBUS_RTU ? "RTU" : "ASCII"));
    }

    private ModbusClient open(int unit) {
        return transport.open(new DeviceAddress(framing, "", 0, unit), TIMEOUT);
    }

    private ModbusException fails(byte[] answer, Request request) throws Exception {
        try (ModbusClient client = open(1)) {
            Future<int[]> pending = gateway.submit(() -> request.send(client));
            peer.request();
            peer.send(answer);
            ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
            return assertInstanceOf(ModbusException.class, e.getCause());
        }
    }

    /** After a garbled answer the line is cleared, and the next answer is read correctly. */
    private void assertLineStillWorks() throws Exception {
        try (ModbusClient client = open(1)) {
            Future<int[]> read = gateway.submit(() -> client.readHoldingRegisters(0, 2));
            peer.request();
            String answer = "01 03 04 00 01 00 02";
            peer.send(framing == Transport.MODBUS_ASCII ? ascii(answer) : rtu(answer));
            assertArrayEquals(new int[] {1, 2}, read.get(2, TimeUnit.SECONDS));
        }
    }

    private static byte[] corruptCrc(byte[] frame) {
        byte[] corrupt = Arrays.copyOf(frame, frame.length);
        corrupt[corrupt.length - 1] ^= (byte) 0xFF;
        return corrupt;
    }
}
