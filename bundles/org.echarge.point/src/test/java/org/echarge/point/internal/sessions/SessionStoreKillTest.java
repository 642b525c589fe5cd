package org.echarge.point.internal.sessions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments while a process saves session state and appends to the
 * history: afterwards nothing is corrupted and nothing that was reported saved is lost.
 */
class SessionStoreKillTest {

    @TempDir
    Path directory;

    @Test
    void survivesKillNineAtAnyMoment() throws Exception {
        Random random = new Random(42);
        long lastReported = 0;
        for (int round = 0; round < 20; round++) {
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), CrashingWriter.class.getName(), directory.toString())
                    .redirectErrorStream(true).start();
            AtomicLong reported = new AtomicLong(lastReported);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.matches("\\d+")) {
                            reported.set(Long.parseLong(line));
                        }
                    }
                } catch (Exception e) {
                    // the child was killed
                }
            });
            reader.start();
            Thread.sleep(300 + random.nextInt(400)); // JVM start-up, then some hundred writes
            child.toHandle().destroyForcibly(); // SIGKILL; Process.destroyForcibly would also close our end of its output
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            reader.join(5000);

            SessionState loaded = new SessionStore(directory).load(1);
            long saved = (long) loaded.finishedWattHour();
            assertTrue(saved >= reported.get() && saved <= reported.get() + 1,
                    "round " + round + ": reported " + reported.get() + ", loaded " + saved);
            List<ChargingSession> history = new SessionStore(directory).history();
            if (!history.isEmpty()) {
                long newest = (long) history.get(history.size() - 1).energyWattHour();
                assertTrue(newest >= reported.get() - 1 && newest <= reported.get() + 1,
                        "round " + round + ": history ends at " + newest + ", reported " + reported.get());
                for (int i = 1; i < history.size(); i++) {
                    // strictly increasing: no damaged, duplicated or reordered line (a kill between the
                    // state and the history write leaves one number out, which is fine)
                    assertTrue(history.get(i).energyWattHour() > history.get(i - 1).energyWattHour(),
                            "history in order at line " + i);
                }
            }
            lastReported = Math.max(lastReported, saved);
        }
        assertTrue(lastReported > 20, "the child wrote something in every round: " + lastReported);
    }
}
