package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echarge.testsupport.SocatPty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RS485 line against pymodbus on the other end of a socat pty pair (units 1 and 2 answer,
 * unit 7 is dead, unit 9 answers 400 ms late). {@link RtuLineTest} and {@link AsciiLineTest}
 * run it with their framing.
 */
abstract class SerialLineContract {

    static final int DEAD = 7;
    static final int SLOW = 9;
    static final long SLOW_MILLIS = 400;
    static final Duration SHORT = Duration.ofMillis(300);
    static final ModbusOptions ONE_SECOND = new ModbusOptions(Duration.ofSeconds(1), Duration.ZERO);
    /** Allowance for scheduling and frame times on a loaded 2-core machine. */
    static final long SLACK_MILLIS = 150;

    private static SocatPty pty;
    private static PymodbusPeer peer;
    private ModbusTransportService transport;

    /** Called by the subclass's {@code @BeforeAll}. */
    static void startPeers(Path dir, String framing) throws Exception {
        if (!SocatPty.installed()) {
            return;
        }
        pty = SocatPty.start(dir);
        peer = PymodbusPeer.start(pty.peerEnd, framing, "1,2," + SLOW, SLOW + ":" + SLOW_MILLIS);
    }

    @AfterAll
    static void stopPeers() {
        if (peer != null) {
            peer.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    abstract Transport framing();

    @BeforeEach
    void configure() {
        SocatPty.assumeInstalled();
        transport = new ModbusTransportService();
        transport.configure(ConfigAnnotations.rs485("portPath", pty.gatewayEnd.toString(), "parity", "NONE",
                "framing", framing() == Transport.MODBUS_RTU ? "RTU" : "ASCII"));
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.deactivate();
        }
    }

    private ModbusClient open(int unit, ModbusOptions options) {
        return transport.open(new DeviceAddress(framing(), "", 0, unit), options);
    }

    @Test
    void readsAndWritesWithEveryFunctionCode() throws Exception {
        try (ModbusClient one = open(1, ONE_SECOND); ModbusClient two = open(2, ONE_SECOND)) {
            assertArrayEquals(new int[] {1000, 1001, 1002, 1003, 1004}, one.readHoldingRegisters(0, 5));
            assertArrayEquals(new int[] {1500, 1501}, one.readInputRegisters(0, 2));
            assertArrayEquals(new int[] {2099}, two.readHoldingRegisters(99, 1));
            assertEquals(1099, one.readHoldingRegisters(0, 100)[99]);
            one.writeRegister(10, 4711);
            one.writeRegisters(11, 1, 65535, 3);
            assertArrayEquals(new int[] {4711, 1, 65535, 3}, one.readHoldingRegisters(10, 4));
            assertArrayEquals(new int[] {2010}, two.readHoldingRegisters(10, 1));
        }
    }

    @Test
    void exceptionResponseIsACommunicationErrorWithItsCode() throws Exception {
        try (ModbusClient one = open(1, ONE_SECOND)) {
            ModbusException read = assertThrows(ModbusException.class, () -> one.readHoldingRegisters(100, 1));
            assertEquals(Kind.COMMUNICATION, read.kind());
            assertEquals(2, read.exceptionCode());
            ModbusException write = assertThrows(ModbusException.class, () -> one.writeRegisters(99, 1, 2));
            assertEquals(2, write.exceptionCode());
            assertArrayEquals(new int[] {1001}, one.readHoldingRegisters(1, 1));
        }
    }

    @Test
    void deadUnitIsNotReachableAfterItsTimeoutWhileTheOthersAreServed() throws Exception {
        ModbusOptions shortTimeout = new ModbusOptions(SHORT, Duration.ZERO);
        try (ModbusClient dead = open(DEAD, shortTimeout); ModbusClient healthy = open(1, shortTimeout)) {
            try (Poller poller = new Poller(healthy)) {
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    ModbusException e = assertThrows(ModbusException.class, () -> dead.readHoldingRegisters(0, 1));
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    assertEquals(Kind.NOT_REACHABLE, e.kind(), e.getMessage());
                    assertTrue(millis >= SHORT.toMillis() && millis < SHORT.toMillis() + SLACK_MILLIS,
                            "dead unit gave up after " + millis + " ms");
                }
                poller.assertServed(3, SHORT.toMillis() + SLACK_MILLIS);
            }
        }
    }

    @Test
    void lateAnswerOfASlowUnitIsNotTakenForTheNextUnitsAnswer() throws Exception {
        try (ModbusClient slow = open(SLOW, new ModbusOptions(Duration.ofMillis(200), Duration.ZERO));
                ModbusClient one = open(1, ONE_SECOND)) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(ModbusException.class, () -> slow.readHoldingRegisters(0, 1)).kind());
            // unit 9's answer arrives while unit 1's request is on the line
            assertArrayEquals(new int[] {1000}, one.readHoldingRegisters(0, 1));
        }
        try (ModbusClient patient = open(SLOW, ONE_SECOND)) {
            assertArrayEquals(new int[] {9000}, patient.readHoldingRegisters(0, 1));
        }
    }

    @Test
    void concurrentRequestsAreSerialisedOnTheLine() throws Exception {
        int threads = 6;
        int rounds = 15;
        try (ModbusClient first = open(1, ONE_SECOND)) {
            first.readHoldingRegisters(0, 1); // the port is open: what follows is about frames only
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                int unit = 1 + thread % 2;
                done.add(pool.submit(() -> {
                    try (ModbusClient client = open(unit, ONE_SECOND)) {
                        for (int round = 0; round < rounds; round++) {
                            int value = thread * 1000 + round;
                            client.writeRegister(20 + thread, value);
                            assertArrayEquals(new int[] {value}, client.readHoldingRegisters(20 + thread, 1));
                            assertArrayEquals(new int[] {1000 * unit + 500 + thread}, client.readInputRegisters(thread, 1));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS); // an interleaved frame makes a request fail
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void minimumIntervalIsKeptPerDeviceWithoutHoldingTheLine() throws Exception {
        Duration interval = Duration.ofMillis(400);
        try (ModbusClient paced = open(2, new ModbusOptions(Duration.ofSeconds(1), interval));
                ModbusClient other = open(1, ONE_SECOND)) {
            try (Poller poller = new Poller(other)) {
                long start = System.nanoTime();
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(new int[] {2000}, paced.readHoldingRegisters(0, 1));
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis >= 2 * interval.toMillis(), "3 requests took " + millis + " ms");
                // were the pauses taken on the line, the other device would get about one request per pause
                poller.assertServed(20, ONE_SECOND.timeout().toMillis());
            }
        }
    }

    @Test
    void deviceOfTheOtherFramingIsRefused() {
        Transport other = framing() == Transport.MODBUS_RTU ? Transport.MODBUS_ASCII : Transport.MODBUS_RTU;
        try (ModbusClient client = transport.open(new DeviceAddress(other, "", 0, 1), ONE_SECOND)) {
            ModbusException e = assertThrows(ModbusException.class, () -> client.readHoldingRegisters(0, 1));
            assertEquals(Kind.NOT_REACHABLE, e.kind());
            assertTrue(e.getMessage().contains("configured for " + other), e.getMessage());
        }
    }

    @Test
    void broadcastAndReservedAddressesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> open(0, ONE_SECOND));
        assertThrows(IllegalArgumentException.class, () -> open(248, ONE_SECOND));
    }

    /**
     * Reads unit 1's holding register 0 over and over in the background and records each
     * latency; the first read, which opens the port, is made before and not counted.
     */
    static final class Poller implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;

        Poller(ModbusClient client) throws ModbusException {
            client.readHoldingRegisters(0, 1);
            thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        assertArrayEquals(new int[] {1000}, client.readHoldingRegisters(0, 1));
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            }, "poller");
            thread.start();
        }

        void assertServed(int minCount, long maxMillis) {
            close();
            assertNull(failure.get(), () -> "the healthy device failed: " + failure.get());
            long worst = millis.stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
            assertTrue(millis.size() >= minCount && worst <= maxMillis,
                    "healthy device: " + millis.size() + " requests, the slowest " + worst + " ms");
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
