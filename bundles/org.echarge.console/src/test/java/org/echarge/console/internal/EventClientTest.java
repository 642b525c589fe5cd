package org.echarge.console.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;

import org.junit.jupiter.api.Test;

/** The non-blocking write side of one stream, against an output whose readiness the test controls. */
class EventClientTest {

    private static final long STALL = TimeUnit.SECONDS.toNanos(60);
    private static final long MAX_AGE = TimeUnit.MINUTES.toNanos(5);

    private final FakeOutput out = new FakeOutput();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger completed = new AtomicInteger();
    private final List<EventClient> closed = new ArrayList<>();
    private final EventClient client = new EventClient(out, completed::incrementAndGet, 3, nanos::get, closed::add);

    @Test
    void writesAndFlushesEachFrameWhileTheConnectionTakesIt() {
        client.send(frame("a"));
        client.send(frame("b"));

        assertEquals("a\n\nb\n\n", out.written());
        assertEquals(2, out.flushes);
        assertEquals(0, client.queued());
    }

    @Test
    void slowClientKeepsOnlyTheNewestFramesAndSendNeverWaits() {
        out.ready = false;
        for (int i = 1; i <= 10; i++) {
            client.send(frame("e" + i));
        }

        assertEquals("", out.written());
        assertEquals(3, client.queued());
        assertEquals(7, client.dropped());

        out.ready = true;
        client.onWritePossible();

        assertEquals("e8\n\ne9\n\ne10\n\n", out.written(), "the newest frames, in order");
        assertEquals(0, client.queued());
    }

    @Test
    void aFrameIsFlushedBeforeTheNextIsWritten() {
        out.readyWrites = 1; // takes one write, then is busy until onWritePossible
        client.send(frame("a"));
        client.send(frame("b"));
        assertEquals("a\n\n", out.written());
        assertEquals(0, out.flushes);

        out.readyWrites = Integer.MAX_VALUE;
        client.onWritePossible();

        assertEquals("a\n\nb\n\n", out.written());
        assertEquals(2, out.flushes);
    }

    @Test
    void heartbeatOnlyWhenNothingElseWaits() {
        client.heartbeat(frame(": hb"), STALL, MAX_AGE);
        assertEquals(": hb\n\n", out.written());

        out.ready = false;
        client.send(frame("status"));
        client.heartbeat(frame(": hb"), STALL, MAX_AGE);
        assertEquals(1, client.queued(), "no heartbeat behind a waiting event");
    }

    @Test
    void clientThatAcceptsNothingIsClosedAfterTheStallTimeout() {
        out.ready = false;
        client.send(frame("status"));
        nanos.addAndGet(STALL);
        client.heartbeat(frame(": hb"), STALL, MAX_AGE);
        assertTrue(closed.isEmpty(), "exactly at the timeout it still waits");

        nanos.addAndGet(1);
        client.heartbeat(frame(": hb"), STALL, MAX_AGE);

        assertEquals(List.of(client), closed);
        assertEquals(1, completed.get());
        assertEquals(0, client.queued());
    }

    @Test
    void progressResetsTheStallClock() {
        out.ready = false;
        client.send(frame("1"));
        nanos.addAndGet(STALL - 1);
        client.onWritePossible(); // still not ready, but the container reported progress
        nanos.addAndGet(2);

        client.heartbeat(frame(": hb"), STALL, MAX_AGE);

        assertTrue(closed.isEmpty());
    }

    @Test
    void streamEndsAfterItsMaximumAgeSoTheBrowserReconnectsThroughTheAccessFilter() {
        nanos.addAndGet(MAX_AGE + 1);

        client.heartbeat(frame(": hb"), STALL, MAX_AGE);

        assertEquals(List.of(client), closed);
        assertEquals("", out.written());
    }

    @Test
    void writeFailureClosesOnceAndLaterFramesAreIgnored() {
        out.failing = true;
        client.send(frame("a"));
        client.onError(new IOException("reset"));
        client.onComplete(null);
        client.close();
        out.failing = false;
        client.send(frame("b"));

        assertEquals(List.of(client), closed, "the owner hears of it once");
        assertEquals(1, completed.get());
        assertEquals("", out.written());
    }

    @Test
    void completeFailingBecauseTheContainerEndedFirstStillReportsTheClose() {
        EventClient ended = new EventClient(out, () -> {
            throw new IllegalStateException("already completed");
        }, 3, nanos::get, closed::add);

        ended.close();

        assertEquals(List.of(ended), closed);
    }

    private static byte[] frame(String text) {
        return (text + "\n\n").getBytes(UTF_8);
    }

    /** Servlet output in non-blocking mode: ready or not, as the test says. */
    private static final class FakeOutput extends ServletOutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ready = true;
        int readyWrites = Integer.MAX_VALUE;
        boolean failing;
        int flushes;

        String written() {
            return bytes.toString(UTF_8);
        }

        @Override
        public boolean isReady() {
            return ready && readyWrites > 0;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failing) {
                throw new IOException("connection reset");
            }
            if (!isReady()) {
                throw new IllegalStateException("write while not ready");
            }
            bytes.write(b, off, len);
            readyWrites--;
        }

        @Override
        public void flush() throws IOException {
            if (!isReady()) {
                throw new IllegalStateException("flush while not ready");
            }
            flushes++;
        }
    }
}
