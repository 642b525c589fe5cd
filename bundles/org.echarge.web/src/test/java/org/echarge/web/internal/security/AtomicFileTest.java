package org.echarge.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path directory;

    @Test
    void createsOwnerOnlyFileInOwnerOnlyDirectories() throws IOException {
        Path file = directory.resolve("echarge/console/secret");
        AtomicFile.write(file, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));

        assertEquals("one", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("echarge"))));
    }

    @Test
    void failedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = directory.resolve("secret");
        AtomicFile.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));

        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), list());
    }

    @Test
    void readersSeeOnlyWholeVersionsWhileItIsReplaced() throws Exception {
        Path file = directory.resolve("secret");
        String small = "{\"v\":\"" + "a".repeat(10) + "\"}";
        String large = "{\"v\":\"" + "b".repeat(200_000) + "\"}";
        AtomicFile.write(file, out -> out.write(small.getBytes(StandardCharsets.UTF_8)));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Exception> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 200; i++) {
                    String content = i % 2 == 0 ? large : small;
                    AtomicFile.write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                writerFailure.set(e);
            } finally {
                writing.set(false);
            }
        });
        writer.start();
        int reads = 0;
        while (writing.get()) {
            String seen = Files.readString(file);
            assertTrue(seen.equals(small) || seen.equals(large), "partial content of " + seen.length() + " chars");
            reads++;
        }
        writer.join();
        assertEquals(null, writerFailure.get());
        assertTrue(reads > 0);
        assertEquals(List.of(file), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
