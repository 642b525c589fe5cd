package org.echarge.updater.internal.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a driver update package ({@link PackageFormat}) without changing anything: size,
 * archive structure, signature, the bundle's hash, and that the bundle is a charger driver that
 * exports nothing. Nothing is extracted to disk; entries are read into memory within bounds.
 */
public final class PackageVerifier {

    private static final int MAX_MANIFEST_BYTES = 64 * 1024;

    private final PublicKey key;
    private final long maxPackageBytes;

    public PackageVerifier(PublicKey key, long maxPackageBytes) {
        this.key = key;
        this.maxPackageBytes = maxPackageBytes;
    }

    public VerifiedUpdate verify(Path file) throws UpdateRefusedException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new UpdateRefusedException("no such file: " + file);
        } catch (IOException e) {
            throw new UpdateRefusedException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size > maxPackageBytes) {
            throw new UpdateRefusedException("the package is " + size + " bytes, more than the limit of "
                    + maxPackageBytes + " bytes");
        }
        Map<String, byte[]> entries = readEntries(file);
        byte[] properties = entries.get(PackageFormat.PROPERTIES);
        byte[] signature = entries.get(PackageFormat.SIGNATURE);
        byte[] jar = entries.get(PackageFormat.BUNDLE);
        if (signature == null) {
            throw new UpdateRefusedException("the package is not signed: it has no " + PackageFormat.SIGNATURE);
        }
        if (properties == null || jar == null) {
            throw new UpdateRefusedException("the package is incomplete: it needs " + PackageFormat.ENTRIES);
        }
        checkSignature(properties, signature);
        Properties claims = properties(properties);
        String sha256 = sha256(jar);
        if (!sha256.equalsIgnoreCase(claims.getProperty(PackageFormat.SHA_256, ""))) {
            throw new UpdateRefusedException(PackageFormat.BUNDLE + " does not match the signed SHA-256: the package "
                    + "is corrupted or its bundle was replaced");
        }
        BundleHeaders headers = BundleHeaders.of(manifest(jar));
        String claimedName = claims.getProperty(PackageFormat.SYMBOLIC_NAME, "").trim();
        String claimedVersion = claims.getProperty(PackageFormat.VERSION, "").trim();
        if (!claimedName.equals(headers.symbolicName()) || !claimedVersion.equals(headers.version().toString())) {
            throw new UpdateRefusedException(PackageFormat.PROPERTIES + " names " + claimedName + " " + claimedVersion
                    + " but " + PackageFormat.BUNDLE + " is " + headers.symbolicName() + " " + headers.version());
        }
        checkIsDriver(headers);
        return new VerifiedUpdate(headers.symbolicName(), headers.version(), jar, sha256);
    }

    private Map<String, byte[]> readEntries(Path file) throws UpdateRefusedException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.contains("/") || name.contains("\\") || name.contains("..") || name.contains(":")) {
                    throw new UpdateRefusedException("the package has an entry with a path, '" + name
                            + "': only " + PackageFormat.ENTRIES + " at the top level are allowed");
                }
                if (!PackageFormat.ENTRIES.contains(name)) {
                    throw new UpdateRefusedException("the package has an unexpected entry '" + name + "': only "
                            + PackageFormat.ENTRIES + " are allowed");
                }
                if (entries.containsKey(name)) {
                    throw new UpdateRefusedException("the package has the entry '" + name + "' twice");
                }
                entries.put(name, read(zip, entry, limit(name)));
            }
        } catch (ZipException e) {
            throw new UpdateRefusedException("the package is not a readable ZIP archive (truncated or damaged: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UpdateRefusedException("cannot read the package: " + e.getMessage(), e);
        }
        return entries;
    }

    private long limit(String entry) {
        return switch (entry) {
            case PackageFormat.PROPERTIES -> PackageFormat.MAX_PROPERTIES_BYTES;
            case PackageFormat.SIGNATURE -> PackageFormat.SIGNATURE_BYTES;
            default -> maxPackageBytes;
        };
    }

    /** Reads at most {@code limit} bytes, whatever the entry claims its size is (a ZIP bomb lies). */
    private static byte[] read(ZipFile zip, ZipEntry entry, long limit) throws IOException, UpdateRefusedException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (content.length > limit) {
                throw new UpdateRefusedException("the entry " + entry.getName() + " is larger than " + limit
                        + " bytes");
            }
            return content;
        }
    }

    private void checkSignature(byte[] properties, byte[] signature) throws UpdateRefusedException {
        if (signature.length != PackageFormat.SIGNATURE_BYTES) {
            throw new UpdateRefusedException(PackageFormat.SIGNATURE + " is not an Ed25519 signature ("
                    + signature.length + " bytes instead of " + PackageFormat.SIGNATURE_BYTES + ")");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(PackageFormat.SIGNATURE_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(properties);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new UpdateRefusedException("the signature is not valid: the package was not signed with this "
                    + "gateway's update key, or " + PackageFormat.PROPERTIES + " was altered");
        }
    }

    private static Properties properties(byte[] content) throws UpdateRefusedException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UpdateRefusedException(PackageFormat.PROPERTIES + " cannot be read: " + e.getMessage(), e);
        }
        String format = properties.getProperty(PackageFormat.FORMAT, "");
        if (!PackageFormat.FORMAT_VERSION.equals(format.trim())) {
            throw new UpdateRefusedException("unknown package format '" + format + "' (this gateway reads format "
                    + PackageFormat.FORMAT_VERSION + ")");
        }
        return properties;
    }

    private static Manifest manifest(byte[] jar) throws UpdateRefusedException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    byte[] content = in.readNBytes(MAX_MANIFEST_BYTES + 1);
                    if (content.length > MAX_MANIFEST_BYTES) {
                        throw new UpdateRefusedException("the manifest of " + PackageFormat.BUNDLE + " is larger than "
                                + MAX_MANIFEST_BYTES + " bytes");
                    }
                    return new Manifest(new ByteArrayInputStream(content));
                }
            }
        } catch (IOException e) {
            throw new UpdateRefusedException(PackageFormat.BUNDLE + " is not a readable jar: " + e.getMessage(), e);
        }
        throw new UpdateRefusedException(PackageFormat.BUNDLE + " has no " + JarFile.MANIFEST_NAME);
    }

    private static void checkIsDriver(BundleHeaders headers) throws UpdateRefusedException {
        if (!headers.symbolicName().startsWith(PackageFormat.DRIVER_PREFIX)) {
            throw new UpdateRefusedException(headers.symbolicName() + " is not a driver bundle: only "
                    + PackageFormat.DRIVER_PREFIX + "* bundles can be updated this way");
        }
        if (!headers.providesChargerDriver()) {
            throw new UpdateRefusedException(headers.symbolicName() + " is not a charger driver: it declares no "
                    + PackageFormat.CHARGER_DRIVER + " service");
        }
        if (!headers.exportPackage().isEmpty()) {
            throw new UpdateRefusedException(headers.symbolicName() + " exports packages (" + headers.exportPackage()
                    + "): a driver must export nothing, or updating it would restart the bundles that import them");
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
