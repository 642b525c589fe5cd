package org.echarge.point.internal.sessions;

import java.nio.file.Path;
import java.time.Instant;

/** Child process of {@link SessionStoreKillTest}: saves and appends as fast as it can until killed. */
public final class CrashingWriter {

    public static void main(String[] args) throws Exception {
        SessionStore store = new SessionStore(Path.of(args[0]));
        long start = store.load(1).running() == null ? (long) store.load(1).finishedWattHour() : 0;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (long i = start + 1;; i++) {
            store.save(1, new SessionState(i, null, null));
            store.append(new ChargingSession(1, t0.plusSeconds(i), t0.plusSeconds(i + 1), i, null));
            System.out.println(i);
            System.out.flush();
        }
    }
}
