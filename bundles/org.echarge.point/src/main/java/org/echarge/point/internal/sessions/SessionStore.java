package org.echarge.point.internal.sessions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session state and history on disk, safe against a power cut or {@code kill -9} at any moment.
 * A point's state file is replaced atomically (temp file, fsync, atomic rename, fsync of the
 * folder), the previous one kept as {@code .bak}; every file ends with a CRC32 line, and a file
 * whose CRC does not match is never used: the previous generation is. The history is
 * append-only with a CRC per line, so a line torn by a crash is skipped; it is compacted to the
 * newest {@link #HISTORY_LIMIT} sessions when it has grown to twice that. Thread-safe.
 */
public final class SessionStore {

    public static final int HISTORY_LIMIT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final String VERSION = "echarge-sessions 1";

    private final Path directory;
    private int historyLines = -1;

    public SessionStore(Path directory) {
        this.directory = directory;
    }

    public synchronized void save(int point, SessionState state) throws IOException {
        Files.createDirectories(directory);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("point", Integer.toString(point));
        fields.put("finishedWh", Double.toString(state.finishedWattHour()));
        fields.put("last", state.last() == null ? "" : session(state.last()));
        SessionState.Running running = state.running();
        fields.put("running", running == null ? "" : String.join("|", running.start().toString(),
                Double.toString(running.counterBaselineWattHour()), Double.toString(running.energyWattHour()),
                nullable(running.rfidTag())));
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        fields.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path file = stateFile(point);
        Path temp = directory.resolve(file.getFileName() + ".tmp");
        writeDurably(temp, withCrc(text.toString()));
        if (Files.exists(file)) {
            Files.copy(file, directory.resolve(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        move(temp, file);
    }

    /** The stored state, or the previous generation when the newest is damaged, or empty. Never throws. */
    public synchronized SessionState load(int point) {
        Path file = stateFile(point);
        for (Path candidate : List.of(file, directory.resolve(file.getFileName() + ".bak"))) {
            try {
                if (Files.exists(candidate)) {
                    return parse(checked(Files.readString(candidate, StandardCharsets.UTF_8)), point);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Session state {} is damaged ({}); using the previous generation", candidate, e.getMessage());
            }
        }
        return SessionState.EMPTY;
    }

    public synchronized void append(ChargingSession session) throws IOException {
        Files.createDirectories(directory);
        Path history = historyFile();
        String line = withCrcInline(session(session));
        try (FileChannel channel = FileChannel.open(history, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        if (historyLines < 0) {
            historyLines = (int) Files.lines(history).count();
        } else {
            historyLines++;
        }
        if (historyLines >= 2 * HISTORY_LIMIT) {
            List<ChargingSession> newest = history();
            StringBuilder text = new StringBuilder();
            newest.forEach(s -> text.append(withCrcInline(session(s))).append('\n'));
            Path temp = directory.resolve("history.tmp");
            writeDurably(temp, text.toString());
            move(temp, history);
            historyLines = newest.size();
        }
    }

    /** The newest {@link #HISTORY_LIMIT} finished sessions, oldest first; damaged lines are skipped. */
    public synchronized List<ChargingSession> history() throws IOException {
        Path history = historyFile();
        if (!Files.exists(history)) {
            return List.of();
        }
        List<ChargingSession> sessions = new ArrayList<>();
        for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
            int bar = line.lastIndexOf('|');
            if (bar < 0 || !crc(line.substring(0, bar)).equals(line.substring(bar + 1))) {
                continue; // torn by a crash, or damaged
            }
            try {
                sessions.add(parseSession(line.substring(0, bar)));
            } catch (RuntimeException e) {
                LOG.warn("Skipping a damaged session history line");
            }
        }
        return sessions.size() <= HISTORY_LIMIT ? sessions
                : List.copyOf(sessions.subList(sessions.size() - HISTORY_LIMIT, sessions.size()));
    }

    private Path stateFile(int point) {
        return directory.resolve("point-" + point + ".state");
    }

    private Path historyFile() {
        return directory.resolve("history.log");
    }

    private void writeDurably(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    private void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true); // make the rename itself durable
        } catch (IOException e) {
            // not every platform can open a folder for fsync
        }
    }

    private static String withCrc(String text) {
        return text + "crc=" + crc(text) + "\n";
    }

    private static String checked(String text) throws IOException {
        int at = text.lastIndexOf("crc=");
        if (at < 0 || !text.startsWith(VERSION + "\n")) {
            throw new IOException("no checksum or unknown format");
        }
        String body = text.substring(0, at);
        if (!crc(body).equals(text.substring(at + 4).trim())) {
            throw new IOException("checksum mismatch");
        }
        return body;
    }

    private static SessionState parse(String body, int point) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.lines().skip(1).forEach(line -> {
            int eq = line.indexOf('=');
            fields.put(line.substring(0, eq), line.substring(eq + 1));
        });
        if (Integer.parseInt(fields.get("point")) != point) {
            throw new IllegalStateException("file of point " + fields.get("point"));
        }
        String last = fields.get("last");
        String running = fields.get("running");
        SessionState.Running run = null;
        if (!running.isEmpty()) {
            String[] p = running.split("\\|", -1);
            run = new SessionState.Running(Instant.parse(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    p[3].isEmpty() ? null : p[3]);
        }
        return new SessionState(Double.parseDouble(fields.get("finishedWh")),
                last.isEmpty() ? null : parseSession(last), run);
    }

    private static String session(ChargingSession s) {
        return String.join("|", Integer.toString(s.point()), s.start().toString(), s.end().toString(),
                Double.toString(s.energyWattHour()), nullable(s.rfidTag()));
    }

    private static ChargingSession parseSession(String text) {
        String[] p = text.split("\\|", -1);
        return new ChargingSession(Integer.parseInt(p[0]), Instant.parse(p[1]), Instant.parse(p[2]),
                Double.parseDouble(p[3]), p[4].isEmpty() ? null : p[4]);
    }

    private static String withCrcInline(String text) {
        return text + "|" + crc(text);
    }

    private static String nullable(String text) {
        return text == null ? "" : text;
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08X", crc.getValue());
    }
}
