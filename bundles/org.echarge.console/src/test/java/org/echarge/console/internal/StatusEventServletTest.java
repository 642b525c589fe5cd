package org.echarge.console.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.indicator.Pattern;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The event stream in a real Jetty 9.4, through HTTP. */
class StatusEventServletTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(300);

    private final FakePoint point = new FakePoint(1);
    private final List<AutoCloseable> open = new ArrayList<>();
    private StatusEventServlet servlet;
    private URI events;

    private void start(EventStreamSettings settings) throws Exception {
        servlet = new StatusEventServlet(new GatewayInfo("test", "9.9.9", FakePoint.NOW), Clock.systemUTC(), settings);
        servlet.bindPoint(point);
        TestServer server = new TestServer().with(servlet, StatusEventServlet.PATH).start();
        open.add(server);
        events = server.uri(StatusEventServlet.PATH);
    }

    private void start() throws Exception {
        start(settings(3, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    private static EventStreamSettings settings(int maxClients, Duration heartbeat, Duration stallTimeout) {
        return new EventStreamSettings(maxClients, 4, MIN_INTERVAL, heartbeat, stallTimeout, Duration.ofHours(1),
                Duration.ofSeconds(2));
    }

    private SseStream connect() throws Exception {
        SseStream stream = SseStream.open(events);
        open.add(stream);
        return stream;
    }

    private void change(String name) {
        PointStatus status = FakePoint.charging(1, name, PointState.CHARGE_REDUCED, 10);
        point.set(status);
        servlet.statusChanged(status);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (servlet != null) {
            servlet.deactivate();
        }
    }

    @Test
    void streamStartsWithRetryAndTheCurrentStatus() throws Exception {
        start();
        servlet.bindIndicators(() -> new IndicatorState(Pattern.OFF, Pattern.SLOW_FLASH, Pattern.ON, "not configured"));
        SseStream stream = connect();

        assertEquals(200, stream.response.statusCode());
        assertEquals("text/event-stream;charset=utf-8",
                stream.response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase());
        assertEquals("no-store", stream.response.headers().firstValue("Cache-Control").orElseThrow());
        String first = stream.next(WAIT);
        assertTrue(first.startsWith("retry: 2000\nevent: status\ndata: {"), first);
        JsonNode status = new ObjectMapper().readTree(first.substring(first.indexOf("data: ") + 6));
        assertEquals("test", status.at("/gateway/name").asText());
        assertEquals("SLOW_FLASH", status.at("/indicators/app").asText());
        assertTrue(status.get("dlm").isNull());
        assertEquals("P1", status.at("/points/0/name").asText());
        assertEquals(1, servlet.openStreams());
    }

    @Test
    void statusChangeIsPushed() throws Exception {
        start();
        SseStream stream = connect();
        assertNotNull(stream.nextStatus(WAIT));

        change("renamed");

        JsonNode status = stream.nextStatus(WAIT);
        assertEquals("renamed", status.at("/points/0/name").asText());
        assertEquals(9, status.at("/points/0/state/value").asInt());
        assertEquals(10.0, status.at("/points/0/setpointAmpere").asDouble());
    }

    @Test
    void pointsComingAndGoingArePushed() throws Exception {
        start();
        SseStream stream = connect();
        assertEquals(1, stream.nextStatus(WAIT).get("points").size());

        servlet.bindPoint(new FakePoint(2));
        assertEquals(2, stream.nextStatus(WAIT).get("points").size());

        servlet.unbindPoint(point);
        JsonNode status = stream.nextStatus(WAIT);
        assertEquals(1, status.get("points").size());
        assertEquals(2, status.at("/points/0/number").asInt());
    }

    @Test
    void burstsAreCoalescedAndTheLastEventCarriesTheLastChange() throws Exception {
        start();
        SseStream stream = connect();
        assertNotNull(stream.nextStatus(WAIT));

        long started = System.nanoTime();
        for (int i = 1; i <= 100; i++) {
            change("burst-" + i);
            Thread.sleep(10);
        }
        Duration burst = Duration.ofNanos(System.nanoTime() - started);
        List<String> names = new ArrayList<>();
        for (JsonNode status; (status = stream.nextStatus(MIN_INTERVAL.multipliedBy(3))) != null;) {
            names.add(status.at("/points/0/name").asText());
        }

        long allowed = 2 + burst.toMillis() / MIN_INTERVAL.toMillis();
        assertTrue(names.size() >= 2 && names.size() <= allowed,
                names.size() + " events for 100 changes in " + burst.toMillis() + " ms, at most " + allowed + ": " + names);
        assertEquals("burst-100", names.get(names.size() - 1));
    }

    @Test
    void idleStreamGetsHeartbeats() throws Exception {
        start(settings(3, Duration.ofMillis(200), Duration.ofSeconds(30)));
        SseStream stream = connect();
        assertNotNull(stream.nextStatus(WAIT));

        assertEquals(": heartbeat\n", stream.next(WAIT));
        assertEquals(": heartbeat\n", stream.next(WAIT));
    }

    @Test
    void clientsBeyondTheLimitAreRefusedUntilOneLeaves() throws Exception {
        start(settings(2, Duration.ofMillis(200), Duration.ofSeconds(30)));
        SseStream first = connect();
        SseStream second = connect();
        assertNotNull(first.nextStatus(WAIT));
        assertNotNull(second.nextStatus(WAIT));

        SseStream third = connect();
        assertEquals(503, third.response.statusCode());
        assertEquals("30", third.response.headers().firstValue("Retry-After").orElseThrow());

        first.close();
        awaitOpenStreams(1); // the next heartbeat finds the closed connection
        SseStream fourth = connect();
        assertEquals(200, fourth.response.statusCode());
        assertNotNull(fourth.nextStatus(WAIT));
    }

    @Test
    void slowClientNeitherBlocksThePointThreadsNorTheOthersAndIsDroppedWhenStalled() throws Exception {
        start(new EventStreamSettings(3, 4, Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofSeconds(2)));
        SseStream fast = connect();
        assertNotNull(fast.nextStatus(WAIT));
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(events.getHost(), events.getPort()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET " + events.getPath() + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(US_ASCII));
            request.flush();
            awaitOpenStreams(2);

            String big = "x".repeat(200_000); // every event is ~200 kB: the slow client's buffers fill at once
            long slowest = 0;
            for (int i = 1; i <= 150; i++) {
                long before = System.nanoTime();
                change(big + i);
                slowest = Math.max(slowest, System.nanoTime() - before);
                Thread.sleep(2);
            }
            change("last");

            assertTrue(Duration.ofNanos(slowest).toMillis() < 500, "statusChanged took " + slowest / 1000 + " us");
            JsonNode status;
            do {
                status = fast.nextStatus(WAIT);
                assertNotNull(status, "the fast client gets every change up to the last one");
            } while (!status.at("/points/0/name").asText().equals("last"));
            awaitOpenStreams(1); // the slow one accepted nothing for a second
        }
    }

    @Test
    void headOpensNoStream() throws Exception {
        start();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        assertEquals(0, servlet.openStreams());
    }

    @Test
    void deactivationEndsTheStreams() throws Exception {
        start();
        SseStream stream = connect();
        assertNotNull(stream.nextStatus(WAIT));

        servlet.deactivate();

        assertNull(stream.nextStatus(WAIT), "the stream ends");
        assertEquals(0, servlet.openStreams());
        assertEquals(503, connect().response.statusCode());
    }

    private void awaitOpenStreams(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (servlet.openStreams() != expected) {
            assertTrue(System.nanoTime() < deadline, "open streams: " + servlet.openStreams() + ", expected " + expected);
            Thread.sleep(20);
        }
    }
}
