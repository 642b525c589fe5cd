package org.echarge.point.internal.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @TempDir
    Path directory;

    @Test
    void roundTrip() throws IOException {
        SessionStore store = new SessionStore(directory);
        SessionState state = new SessionState(12345.5, new ChargingSession(2, T0, T0.plusSeconds(3600), 7200, "04A2B1C3"),
                new SessionState.Running(T0.plusSeconds(7200), 99_000, 150, null));
        store.save(2, state);
        assertEquals(state, new SessionStore(directory).load(2));
        assertEquals(SessionState.EMPTY, store.load(3));
    }

    @Test
    void aDamagedFileFallsBackToThePreviousGeneration() throws IOException {
        SessionStore store = new SessionStore(directory);
        SessionState older = new SessionState(1000, null, null);
        SessionState newer = new SessionState(2000, null, null);
        store.save(1, older);
        store.save(1, newer);
        Path file = directory.resolve("point-1.state");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01; // one flipped bit
        Files.write(file, bytes);
        assertEquals(older, store.load(1));

        Files.write(file, new byte[] {'e', 'c'}); // truncated
        assertEquals(older, store.load(1));
    }

    @Test
    void historyKeepsSessionsAndSkipsATornLine() throws IOException {
        SessionStore store = new SessionStore(directory);
        store.append(new ChargingSession(1, T0, T0.plusSeconds(5400), 11_000.4, "04A2B1C3"));
        Files.writeString(directory.resolve("history.log"), "2|2026-01-01T09:00:00Z|2026-01",
                java.nio.file.StandardOpenOption.APPEND); // a line torn by a crash
        Files.writeString(directory.resolve("history.log"), "\n", java.nio.file.StandardOpenOption.APPEND);
        store.append(new ChargingSession(3, T0.plusSeconds(3600), T0.plusSeconds(3660), 250, null));

        assertEquals(List.of(new ChargingSession(1, T0, T0.plusSeconds(5400), 11_000.4, "04A2B1C3"),
                new ChargingSession(3, T0.plusSeconds(3600), T0.plusSeconds(3660), 250, null)), store.history());
    }

    @Test
    void historyIsBounded() throws IOException {
        SessionStore store = new SessionStore(directory);
        int total = 2 * SessionStore.HISTORY_LIMIT + 5;
        for (int i = 0; i < total; i++) {
            store.append(new ChargingSession(1, T0.plusSeconds(i), T0.plusSeconds(i + 1), i, null));
        }
        List<ChargingSession> history = store.history();
        assertEquals(SessionStore.HISTORY_LIMIT, history.size());
        assertEquals(total - 1, history.get(history.size() - 1).energyWattHour(), 1e-9);
        assertTrue(Files.readAllLines(directory.resolve("history.log")).size() < 2 * SessionStore.HISTORY_LIMIT);
    }
}
