package org.echarge.updater.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last N update attempts in a tab-separated file, one attempt per line, oldest first, replaced
 * atomically on every change. Read on first use, not at activation.
 */
final class UpdateHistory {

    static final String HEADER =
            "# time\toutcome\tsymbolicName\tfromVersion\ttoVersion\tlongestPointOutageMillis\tmessage";
    private static final Logger LOG = LoggerFactory.getLogger(UpdateHistory.class);
    private static final int COLUMNS = 7;

    private final Path file;
    private final int capacity;
    private List<UpdateRecord> records;

    UpdateHistory(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    synchronized List<UpdateRecord> records() {
        return List.copyOf(loaded());
    }

    synchronized void add(UpdateRecord record) throws IOException {
        List<UpdateRecord> next = new ArrayList<>(loaded());
        next.add(record);
        while (next.size() > capacity) {
            next.remove(0);
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        next.forEach(r -> text.append(line(r)).append('\n'));
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        records = next;
    }

    private List<UpdateRecord> loaded() {
        if (records == null) {
            records = read();
        }
        return records;
    }

    private List<UpdateRecord> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        } catch (IOException e) {
            LOG.warn("Driver update history {} cannot be read ({}); starting a new one", file, e.getMessage());
            return new ArrayList<>();
        }
        List<UpdateRecord> read = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                read.add(parse(line));
            } catch (RuntimeException e) {
                LOG.warn("Driver update history {}: skipping a damaged line ({})", file, e.getMessage());
            }
        }
        return new ArrayList<>(read.subList(Math.max(0, read.size() - capacity), read.size()));
    }

    private static String line(UpdateRecord r) {
        return String.join("\t", r.time().toString(), r.outcome().name(), field(r.symbolicName()),
                field(r.fromVersion()), field(r.toVersion()),
                r.pointOutage().map(d -> Long.toString(d.toMillis())).orElse(""), field(r.message()));
    }

    /** Tabs and line breaks would break the table; a message keeps its words on one line. */
    private static String field(String value) {
        return value.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static UpdateRecord parse(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != COLUMNS) {
            throw new IllegalArgumentException(columns.length + " columns instead of " + COLUMNS);
        }
        Duration outage = columns[5].isEmpty() ? null : Duration.ofMillis(Long.parseLong(columns[5]));
        return new UpdateRecord(Instant.parse(columns[0]), UpdateOutcome.valueOf(columns[1]), columns[2], columns[3],
                columns[4], outage, columns[6]);
    }
}
