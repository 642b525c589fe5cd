package org.echarge.system.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces a set of files so that a reader or a power cut sees each either old or new, never a
 * part: every new content goes to a temporary file beside its target and is fsynced first; only
 * then are they renamed over the targets, one after the other, and the directories fsynced. When a
 * rename fails, the targets already replaced get their old content back. The files are readable
 * by everyone (0644), as systemd's services read them under their own users.
 */
final class AtomicFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    static void replace(Map<Path, byte[]> contents) throws IOException {
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        Map<Path, byte[]> previous = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> entry : contents.entrySet()) {
                Path target = entry.getKey();
                Files.createDirectories(target.getParent());
                previous.put(target, Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        ? Files.readAllBytes(target) : null);
                temporaries.put(target, prepare(target, entry.getValue()));
            }
            List<Path> replaced = new ArrayList<>();
            try {
                for (Map.Entry<Path, Path> entry : temporaries.entrySet()) {
                    Files.move(entry.getValue(), entry.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                    replaced.add(entry.getKey());
                }
            } catch (IOException e) {
                restore(replaced, previous, e);
                throw e;
            }
            for (Path target : contents.keySet()) {
                syncDirectory(target.getParent());
            }
        } finally {
            for (Path temporary : temporaries.values()) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static Path prepare(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        if (POSIX) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return temporary;
    }

    private static void restore(List<Path> replaced, Map<Path, byte[]> previous, IOException cause) {
        for (Path target : replaced) {
            try {
                byte[] old = previous.get(target);
                if (old == null) {
                    Files.deleteIfExists(target);
                } else {
                    replace(Map.of(target, old));
                }
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the rename itself is still atomic there
        }
    }
}
