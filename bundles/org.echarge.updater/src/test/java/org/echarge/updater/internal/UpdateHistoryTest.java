package org.echarge.updater.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateHistoryTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheNewestEntriesUpToItsCapacity() throws Exception {
        Path file = directory.resolve("updater/history.tsv");
        UpdateHistory history = new UpdateHistory(file, 3);
        for (int i = 0; i < 5; i++) {
            history.add(record(i, "attempt " + i));
        }

        List<UpdateRecord> expected = IntStream.range(2, 5).mapToObj(i -> record(i, "attempt " + i)).toList();
        assertEquals(expected, history.records());
        assertEquals(expected, new UpdateHistory(file, 3).records());
        assertEquals(4, Files.readAllLines(file).size(), "header and three lines");
    }

    @Test
    void aMessageWithTabsAndLineBreaksStaysOnItsLine() throws Exception {
        Path file = directory.resolve("history.tsv");
        new UpdateHistory(file, 10).add(record(1, "first\tsecond\r\nthird"));

        assertEquals("first second third", new UpdateHistory(file, 10).records().get(0).message());
    }

    @Test
    void skipsDamagedLinesAndKeepsTheRest() throws Exception {
        Path file = directory.resolve("history.tsv");
        new UpdateHistory(file, 10).add(record(1, "kept"));
        Files.writeString(file, "garbage without tabs\n2026-13-01T00:00:00Z\tUPDATED\ta\tb\tc\t\td\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertEquals(List.of(record(1, "kept")), new UpdateHistory(file, 10).records());
    }

    private static UpdateRecord record(int i, String message) {
        return new UpdateRecord(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), UpdateOutcome.UPDATED,
                "org.echarge.driver.sim", "1.0." + i, "1.0." + (i + 1), i % 2 == 0 ? Duration.ofMillis(1500 + i) : null,
                message);
    }
}
