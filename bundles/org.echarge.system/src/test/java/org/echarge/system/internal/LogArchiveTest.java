package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log archive: redacted, a valid ZIP, only the log directory's files, streamed; and over HTTP in Jetty. */
class LogArchiveTest {

    private static final String PATH = "/echarge/api/system/logs.zip";
    private static final Instant NOW = Instant.parse("2026-11-29T21:30:05Z");
    private static final GatewayIdentity GATEWAY = GatewayIdentity.of("test gateway", "0.1.0-SNAPSHOT",
            NOW.minusSeconds(3600));
    private static final List<InstalledBundle> BUNDLES = List.of(
            new InstalledBundle(0, "org.apache.felix.framework", "Apache Felix Framework", "7.0.5", "Active",
                    "Apache-2.0"),
            new InstalledBundle(42, "org.echarge.system", "e-charge gateway :: system", "0.1.0", "Active",
                    "Apache-2.0"));

    @TempDir
    Path home;

    private Path logs() throws IOException {
        Path logs = Files.createDirectories(home.resolve("data/log"));
        Files.writeString(logs.resolve("karaf.log"), """
                2026-11-29 21:00:00 INFO  Gateway started
                2026-11-29 21:00:01 DEBUG request Authorization: Bearer 7f3a9c
                2026-11-29 21:00:02 DEBUG login {"user":"admin","password":"hunter2 hunter2"}
                2026-11-29 21:00:03 WARN  KNX keyring password=ets-secret rejected
                2026-11-29 21:00:04 INFO  Point 1: charging 16 A
                """);
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(logs.resolve("karaf.log.1.gz")))) {
            gzip.write("2026-11-28 10:00:00 DEBUG token=old-token-value\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(home.resolve("outside-secret.txt"), "password=outside\n");
        Files.createSymbolicLink(logs.resolve("link.log"), home.resolve("outside-secret.txt"));
        Files.createDirectories(logs.resolve("archive"));
        Files.writeString(logs.resolve("archive/nested.log"), "nested\n");
        return logs;
    }

    /** The entries, read in order; the central directory (as unzip tools read it) must list the same. */
    private Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Path file = Files.write(Files.createTempFile(home, "download", ".zip"), zip);
        try (ZipFile archive = new ZipFile(file.toFile())) {
            assertEquals(List.copyOf(entries.keySet()), archive.stream().map(ZipEntry::getName).toList());
            for (ZipEntry entry : archive.stream().toList()) {
                assertEquals(entries.get(entry.getName()),
                        new String(archive.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void theDownloadIsAZipOfTheRedactedLogsAndTheGatewayReport() throws Exception {
        LogsServlet servlet = new LogsServlet(logs(), GATEWAY, () -> BUNDLES, Clock.fixed(NOW, ZoneOffset.UTC));
        try (JettyServer server = new JettyServer().servlet(servlet, PATH, false).start()) {
            HttpResponse<byte[]> response = server.download(PATH + "?file=../../outside-secret.txt");

            assertEquals(200, response.statusCode());
            assertEquals("application/zip", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"echarge-logs-20261129T213005Z.zip\"",
                    response.headers().firstValue("Content-Disposition").orElseThrow());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
            Map<String, String> entries = unzip(response.body());
            assertEquals(List.of("gateway.txt", "karaf.log", "karaf.log.1"), List.copyOf(entries.keySet()));
            String log = entries.get("karaf.log");
            assertTrue(log.contains("DEBUG request Authorization: <redacted>\n"), log);
            assertTrue(log.contains("\"password\":\"<redacted>\""), log);
            assertTrue(log.contains("KNX keyring password=<redacted> rejected"), log);
            assertTrue(log.contains("INFO  Point 1: charging 16 A\n"), log);
            assertEquals(5, log.lines().count());
            for (String secret : List.of("7f3a9c", "hunter2", "ets-secret", "outside", "nested")) {
                assertFalse(entries.values().stream().anyMatch(text -> text.contains(secret)), secret);
            }
            assertEquals("2026-11-28 10:00:00 DEBUG token=<redacted>\n", entries.get("karaf.log.1"));
            String report = entries.get("gateway.txt");
            assertTrue(report.startsWith("test gateway 0.1.0-SNAPSHOT\n"), report);
            assertTrue(report.contains("Uptime: 3600 s\n"), report);
            assertTrue(report.contains("  42 Active      org.echarge.system 0.1.0\n"), report);
        }
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        LogsServlet servlet = new LogsServlet(logs(), GATEWAY, () -> BUNDLES, Clock.fixed(NOW, ZoneOffset.UTC));
        try (JettyServer server = new JettyServer().servlet(servlet, PATH, false).start()) {
            HttpResponse<String> post = server.json("POST", PATH, "{}");
            assertEquals(405, post.statusCode());
            assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
            for (String trick : List.of(PATH + "/../../outside-secret.txt", PATH + "/x", PATH + "%2F..%2Foutside-secret.txt",
                    PATH + ";/../outside-secret.txt")) {
                HttpResponse<String> response = server.get(trick);
                assertEquals(4, response.statusCode() / 100, trick);
                assertFalse(response.body().contains("password=outside"), trick);
            }
        }
    }

    @Test
    void withoutALogDirectoryTheZipHoldsTheReportOnly() throws Exception {
        LogsServlet servlet = new LogsServlet(home.resolve("missing"), GATEWAY, () -> BUNDLES,
                Clock.fixed(NOW, ZoneOffset.UTC));
        try (JettyServer server = new JettyServer().servlet(servlet, PATH, false).start()) {
            assertEquals(List.of("gateway.txt"), List.copyOf(unzip(server.download(PATH).body()).keySet()));
        }
    }

    /**
     * A 256 MiB log (sparse, one endless line, then a secret) with a 64 MiB heap (surefire's
     * argLine): reading the file or the line into memory would fail. The endless line is cut.
     */
    @Test
    void hugeLogsAreStreamedAndEndlessLinesCut() throws Exception {
        Path logs = Files.createDirectories(home.resolve("big"));
        long size = 256L << 20;
        try (RandomAccessFile file = new RandomAccessFile(logs.resolve("karaf.log").toFile(), "rw")) {
            file.setLength(size);
            file.seek(size);
            file.write("\nlast line password=hunter2\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path zip = home.resolve("logs.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            new LogArchive(logs).write(out, "report\n");
        }

        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String log = new String(archive.getInputStream(archive.getEntry("karaf.log")).readAllBytes(),
                    StandardCharsets.UTF_8);
            List<String> lines = log.lines().toList();
            assertEquals(2, lines.size());
            assertEquals(LogArchive.MAX_LINE_CHARS + (" [" + (size - LogArchive.MAX_LINE_CHARS) + " characters cut]")
                    .length(), lines.get(0).length());
            assertTrue(lines.get(0).endsWith(" [" + (size - LogArchive.MAX_LINE_CHARS) + " characters cut]"));
            assertEquals("last line password=<redacted>", lines.get(1));
        }
    }
}
