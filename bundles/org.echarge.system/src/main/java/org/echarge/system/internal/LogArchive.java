package org.echarge.system.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The log files of one directory as a ZIP, every line through a {@link SecretRedactor}, plus a
 * gateway report. Streamed: a file is read line by line while the ZIP is written, so the memory
 * used does not depend on the size of the logs; a line longer than {@link #MAX_LINE_CHARS} is cut
 * (what is cut is not written at all, so a cut never splits a secret into a visible half).
 * Only regular files directly in the directory are taken, never links or subdirectories; gzip
 * files (rotated logs) are unpacked so that they are redacted too.
 */
final class LogArchive {

    static final int MAX_LINE_CHARS = 64 * 1024;
    static final String REPORT = "gateway.txt";

    private final Path directory;

    LogArchive(Path directory) {
        this.directory = directory;
    }

    List<Path> files() throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    void write(OutputStream out, String report) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer text = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry(REPORT));
        text.write(report);
        text.flush();
        zip.closeEntry();
        Set<String> names = new HashSet<>(Set.of(REPORT));
        for (Path file : files()) {
            String name = file.getFileName().toString();
            boolean gzip = name.endsWith(".gz");
            String entry = unique(names, gzip ? name.substring(0, name.length() - 3) : name);
            zip.putNextEntry(new ZipEntry(entry));
            try (InputStream raw = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
                    InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                copyRedacted(new InputStreamReader(in, StandardCharsets.UTF_8), text);
            }
            text.flush();
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    static void copyRedacted(Reader in, Writer out) throws IOException {
        SecretRedactor redactor = new SecretRedactor();
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[8192];
        long cut = 0;
        boolean pending = false;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                char c = buffer[i];
                pending = true;
                if (c == '\n') {
                    writeLine(out, redactor, line, cut);
                    line.setLength(0);
                    cut = 0;
                    pending = false;
                } else if (line.length() < MAX_LINE_CHARS) {
                    line.append(c);
                } else {
                    cut++;
                }
            }
        }
        if (pending) {
            writeLine(out, redactor, line, cut);
        }
    }

    private static void writeLine(Writer out, SecretRedactor redactor, StringBuilder line, long cut) throws IOException {
        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        out.write(redactor.redact(line.substring(0, end)));
        if (cut > 0) {
            out.write(" [" + cut + " characters cut]");
        }
        out.write('\n');
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 1; !names.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
