package org.echarge.updater.internal.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.echarge.updater.internal.verify.PackageFormat;
import org.echarge.updater.internal.verify.UpdateRefusedException;

/**
 * A firmware package: the whole distribution, signed like a driver package. A ZIP archive with
 * exactly {@code update.properties} ({@code format=1}, {@code kind=firmware},
 * {@code firmware.version}, {@code firmware.sha256}), {@code update.sig} (Ed25519 of the exact
 * properties bytes) and {@code firmware.tar.gz} (the distribution as the build made it).
 *
 * <p>{@link #stage} verifies everything and leaves the distribution in the supervisor's staging
 * directory ({@link FirmwareLayout#staged()}). The archive is streamed to disk while it is hashed
 * (it is larger than the gateway's heap would like); the staging directory appears under its
 * final name only when complete and synced, so the supervisor never sees half a firmware.
 */
public final class FirmwarePackage {

    public static final String ARCHIVE = "firmware.tar.gz";
    public static final List<String> ENTRIES = List.of(PackageFormat.PROPERTIES, PackageFormat.SIGNATURE, ARCHIVE);
    public static final String KIND = "kind";
    public static final String KIND_FIRMWARE = "firmware";
    public static final String VERSION = "firmware.version";
    public static final String SHA_256 = "firmware.sha256";

    /** What was staged: the version, and a warning when the configuration's major version differs. */
    public record Staged(String version, String runningVersion, String applicationVersion, String warning) {
    }

    private final PublicKey key;
    private final long maxBytes;

    public FirmwarePackage(PublicKey key, long maxBytes) {
        this.key = key;
        this.maxBytes = maxBytes;
    }

    /**
     * Verifies the package and stages the distribution for the supervisor. Nothing is left behind
     * when it refuses (a previously staged firmware is replaced only by a verified one).
     *
     * @param runningVersion the firmware that runs now; only newer versions are accepted
     * @param applicationVersion the application version of the configuration (for the warning)
     */
    public Staged stage(Path file, FirmwareLayout layout, String runningVersion, String applicationVersion)
            throws UpdateRefusedException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new UpdateRefusedException("the firmware package is " + size + " bytes, more than the limit of "
                        + maxBytes + " bytes");
            }
        } catch (NoSuchFileException e) {
            throw new UpdateRefusedException("no such file: " + file);
        } catch (IOException e) {
            throw new UpdateRefusedException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Path work = layout.stagedWork();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(zip);
            byte[] properties = readSmall(zip, PackageFormat.PROPERTIES, PackageFormat.MAX_PROPERTIES_BYTES);
            byte[] signature = readSmall(zip, PackageFormat.SIGNATURE, PackageFormat.SIGNATURE_BYTES);
            if (signature == null) {
                throw new UpdateRefusedException("the firmware package is not signed: it has no "
                        + PackageFormat.SIGNATURE);
            }
            if (properties == null || zip.getEntry(ARCHIVE) == null) {
                throw new UpdateRefusedException("the firmware package is incomplete: it needs " + ENTRIES);
            }
            checkSignature(properties, signature);
            Properties claims = claims(properties);
            String version = claims.getProperty(VERSION, "").trim();
            FirmwareVersion offered = FirmwareVersion.parse(version, VERSION);
            FirmwareVersion running = FirmwareVersion.parse(runningVersion, "the running firmware version");
            int order = offered.compareTo(running);
            if (order == 0) {
                throw new UpdateRefusedException("firmware " + version + " is already installed");
            }
            if (order < 0) {
                throw new UpdateRefusedException("firmware " + version + " is older than the installed "
                        + runningVersion + "; only newer versions are accepted");
            }
            deleteTree(work);
            Files.createDirectories(work);
            String sha256 = copyHashed(zip, zip.getEntry(ARCHIVE), work.resolve(ARCHIVE));
            if (!sha256.equalsIgnoreCase(claims.getProperty(SHA_256, "").trim())) {
                throw new UpdateRefusedException(ARCHIVE + " does not match the signed SHA-256: the firmware package "
                        + "is corrupted or its archive was replaced");
            }
            String staged = "version=" + version + "\nsha256=" + sha256 + "\nfrom=" + runningVersion + "\n";
            writeSynced(work.resolve(FirmwareLayout.STAGED_PROPERTIES), staged.getBytes(StandardCharsets.UTF_8));
            FirmwareLayout.syncDirectory(work);
            deleteTree(layout.staged());
            Files.move(work, layout.staged(), StandardCopyOption.ATOMIC_MOVE);
            FirmwareLayout.syncDirectory(layout.staged().getParent());
            return new Staged(version, runningVersion, applicationVersion,
                    FirmwareVersion.compatibilityWarning(version, applicationVersion).orElse(null));
        } catch (ZipException e) {
            throw new UpdateRefusedException("the firmware package is not a readable ZIP archive (truncated or "
                    + "damaged: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UpdateRefusedException("cannot read or stage the firmware package: " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                // the next staging empties it again
            }
        }
    }

    private static void checkEntries(ZipFile zip) throws UpdateRefusedException {
        List<String> seen = new java.util.ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!ENTRIES.contains(name)) {
                throw new UpdateRefusedException("the firmware package has an unexpected entry '" + name + "': only "
                        + ENTRIES + " at the top level are allowed");
            }
            if (seen.contains(name)) {
                throw new UpdateRefusedException("the firmware package has the entry '" + name + "' twice");
            }
            seen.add(name);
        }
    }

    private static byte[] readSmall(ZipFile zip, String name, int limit) throws IOException, UpdateRefusedException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes(limit + 1);
            if (content.length > limit) {
                throw new UpdateRefusedException("the entry " + name + " is larger than " + limit + " bytes");
            }
            return content;
        }
    }

    private void checkSignature(byte[] properties, byte[] signature) throws UpdateRefusedException {
        boolean valid = false;
        if (signature.length == PackageFormat.SIGNATURE_BYTES) {
            try {
                Signature verifier = Signature.getInstance(PackageFormat.SIGNATURE_ALGORITHM);
                verifier.initVerify(key);
                verifier.update(properties);
                valid = verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new UpdateRefusedException("the signature is not valid: the firmware was not signed with this "
                    + "gateway's update key, or " + PackageFormat.PROPERTIES + " was altered");
        }
    }

    private static Properties claims(byte[] content) throws UpdateRefusedException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UpdateRefusedException(PackageFormat.PROPERTIES + " cannot be read: " + e.getMessage(), e);
        }
        if (!PackageFormat.FORMAT_VERSION.equals(properties.getProperty(PackageFormat.FORMAT, "").trim())) {
            throw new UpdateRefusedException("unknown package format '" + properties.getProperty(PackageFormat.FORMAT)
                    + "' (this gateway reads format " + PackageFormat.FORMAT_VERSION + ")");
        }
        if (!KIND_FIRMWARE.equals(properties.getProperty(KIND, "").trim())) {
            throw new UpdateRefusedException("the package is not a firmware package (" + KIND + "="
                    + properties.getProperty(KIND, "") + "); driver packages go to the driver update");
        }
        return properties;
    }

    /** Copies the entry, at most {@code maxBytes}, to a synced file and returns its SHA-256. */
    private String copyHashed(ZipFile zip, ZipEntry entry, Path target) throws IOException, UpdateRefusedException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        long copied = 0;
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest);
                FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > maxBytes) {
                    throw new UpdateRefusedException("the entry " + ARCHIVE + " is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            channel.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void writeSynced(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
