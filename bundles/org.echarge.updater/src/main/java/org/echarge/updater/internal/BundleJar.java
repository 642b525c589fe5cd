package org.echarge.updater.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.Bundle;

/**
 * Writes a bundle's current revision back into a jar, from its own entries (not its fragments').
 * The bundle's location cannot serve for a rollback: it stays the same across updates (for a
 * driver from a feature it names the version the feature shipped, not the one running now).
 */
final class BundleJar {

    private BundleJar() {
    }

    static void write(Bundle bundle, Path target) throws IOException {
        URL manifest = bundle.getEntry(JarFile.MANIFEST_NAME);
        if (manifest == null) {
            throw new IOException("bundle " + bundle.getBundleId() + " has no " + JarFile.MANIFEST_NAME);
        }
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temporary);
                    ZipOutputStream jar = new ZipOutputStream(file)) {
                // the manifest first, as JarInputStream expects it
                jar.putNextEntry(new ZipEntry("META-INF/"));
                jar.closeEntry();
                copy(manifest, JarFile.MANIFEST_NAME, jar);
                Deque<String> directories = new ArrayDeque<>(list(bundle, "/"));
                while (!directories.isEmpty()) {
                    String path = directories.pop();
                    if (path.equals("META-INF/") || path.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    if (path.endsWith("/")) {
                        jar.putNextEntry(new ZipEntry(path));
                        jar.closeEntry();
                        directories.addAll(list(bundle, path));
                    } else {
                        copy(bundle.getEntry(path), path, jar);
                    }
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static List<String> list(Bundle bundle, String directory) {
        Enumeration<String> paths = bundle.getEntryPaths(directory);
        return paths == null ? List.of() : Collections.list(paths);
    }

    private static void copy(URL entry, String path, ZipOutputStream jar) throws IOException {
        if (entry == null) {
            throw new IOException("entry " + path + " disappeared while copying the bundle");
        }
        jar.putNextEntry(new ZipEntry(path));
        try (InputStream in = entry.openStream()) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }
}
