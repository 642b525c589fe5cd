package org.echarge.updater.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes signed driver update packages. Uses the JDK only, so it runs from its source file:
 * <pre>
 * java DriverUpdateSigner.java keygen &lt;private-key.pem&gt; &lt;public-key.pem&gt;
 * java DriverUpdateSigner.java sign &lt;private-key.pem&gt; &lt;bundle.jar&gt; &lt;package.zip&gt;
 * </pre>
 * The private key never belongs in the repository; {@code keygen} writes it owner-only and never
 * over an existing file. The tests use the same methods with keys they generate.
 */
public final class DriverUpdateSigner {

    public static final String PROPERTIES = "update.properties";
    public static final String SIGNATURE = "update.sig";
    public static final String BUNDLE = "bundle.jar";
    private static final String ALGORITHM = "Ed25519";

    private DriverUpdateSigner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("keygen")) {
            KeyPair pair = generateKeyPair();
            writeNew(Path.of(args[1]), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            writeNew(Path.of(args[2]), publicKeyPem(pair.getPublic()), false);
            System.out.println("private key (keep it offline): " + args[1]);
            System.out.println("public key (ship it as etc/echarge-update.pub): " + args[2]);
        } else if ((args.length == 4 || args.length == 6 && args[4].equals("--version")) && args[0].equals("sign")) {
            PrivateKey key = readPrivateKey(Path.of(args[1]));
            byte[] jar = Files.readAllBytes(Path.of(args[2]));
            if (args.length == 6) {
                jar = withVersion(jar, args[5]);
            }
            Files.write(Path.of(args[3]), pack(jar, key));
            System.out.print("signed " + args[3] + ":\n" + new String(properties(jar), StandardCharsets.UTF_8));
        } else if (args.length == 5 && args[0].equals("firmware")) {
            PrivateKey key = readPrivateKey(Path.of(args[1]));
            byte[] archive = Files.readAllBytes(Path.of(args[2]));
            Files.write(Path.of(args[4]), packFirmware(archive, args[3], key));
            System.out.println("signed firmware " + args[3] + ": " + args[4]);
        } else {
            System.err.println("usage: DriverUpdateSigner keygen <private-key.pem> <public-key.pem>\n"
                    + "       DriverUpdateSigner sign <private-key.pem> <bundle.jar> <package.zip> [--version <v>]\n"
                    + "       DriverUpdateSigner firmware <private-key.pem> <distribution.tar.gz> <version> <package.zip>");
            System.exit(2);
        }
    }

    public static KeyPair generateKeyPair() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    }

    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** The whole package: properties describing the jar, their signature, the jar. */
    public static byte[] pack(byte[] jar, PrivateKey key) throws IOException, GeneralSecurityException {
        byte[] properties = properties(jar);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(PROPERTIES, properties);
        entries.put(SIGNATURE, sign(properties, key));
        entries.put(BUNDLE, jar);
        return zip(entries);
    }

    /**
     * A firmware package: {@code update.properties} (kind firmware, version, SHA-256 of the
     * archive), its signature, and the distribution as {@code firmware.tar.gz}.
     */
    public static byte[] packFirmware(byte[] archive, String version, PrivateKey key)
            throws IOException, GeneralSecurityException {
        byte[] properties = ("# e-charge gateway firmware; " + SIGNATURE + " is the Ed25519 signature of this file\n"
                + "format=1\nkind=firmware\nfirmware.version=" + version + "\nfirmware.sha256="
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(PROPERTIES, properties);
        entries.put(SIGNATURE, sign(properties, key));
        entries.put("firmware.tar.gz", archive);
        return zip(entries);
    }

    /** {@code update.properties} for a bundle jar: format, symbolic name, version, SHA-256 of the jar. */
    public static byte[] properties(byte[] jar) throws IOException, GeneralSecurityException {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        }
        if (manifest == null) {
            throw new IOException("the jar has no manifest");
        }
        Attributes main = manifest.getMainAttributes();
        String name = String.valueOf(main.getValue("Bundle-SymbolicName")).split(";")[0].trim();
        String version = String.valueOf(main.getValue("Bundle-Version")).trim();
        String text = "# e-charge gateway driver update; " + SIGNATURE + " is the Ed25519 signature of this file\n"
                + "format=1\n"
                + "bundle.symbolicName=" + name + "\n"
                + "bundle.version=" + version + "\n"
                + "bundle.sha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same jar with another {@code Bundle-Version} (benchmarks and tests: a "new" version of
     * an installed driver without a rebuild).
     */
    public static byte[] withVersion(byte[] jar, String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(bytes, manifest)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] sign(byte[] content, PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(content);
        return signature.sign();
    }

    /** A ZIP archive of the entries, in their order. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "");
        return KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeNew(Path file, String content, boolean ownerOnly) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file + " exists; not overwriting a key");
        }
        if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
