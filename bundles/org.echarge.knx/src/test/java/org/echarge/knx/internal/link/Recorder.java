package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects events from other threads; tests take them in order, with a timeout. */
final class Recorder<T> implements Consumer<T> {

    private final LinkedBlockingQueue<T> events = new LinkedBlockingQueue<>();

    /** Records the state changes of {@code connection}. */
    static Recorder<ConnectionState> states(KnxConnection connection) {
        Recorder<ConnectionState> states = new Recorder<>();
        connection.addListener(new KnxConnection.Listener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.accept(state);
            }
        });
        return states;
    }

    @Override
    public void accept(T event) {
        events.add(event);
    }

    T next(Duration timeout) throws InterruptedException {
        T event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            fail("nothing within " + timeout.toMillis() + " ms");
        }
        return event;
    }

    /** Skips events until one matches; fails after the timeout, naming what was skipped. */
    T next(Predicate<T> matching, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<T> skipped = new ArrayList<>();
        while (true) {
            T event = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                fail("no matching event within " + timeout.toMillis() + " ms; skipped " + skipped);
            }
            if (matching.test(event)) {
                return event;
            }
            skipped.add(event);
        }
    }

    /** The next event, or null after the timeout. */
    T poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void assertNone(Duration during) throws InterruptedException {
        assertNull(events.poll(during.toMillis(), TimeUnit.MILLISECONDS));
    }

    List<T> drain() {
        List<T> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }
}
