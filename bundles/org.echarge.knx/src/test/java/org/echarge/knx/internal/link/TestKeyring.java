package org.echarge.knx.internal.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import tuwien.auto.calimero.GroupAddress;

/**
 * Writes ETS keyring files (.knxkeys) from known keys, for tests; no real keyring is needed.
 *
 * <p>The format, as ETS writes it and Calimero's {@code Keyring} reads and checks it: XML in the
 * namespace {@code http://knx.org/xml/keyring/1}, root {@code Keyring} with {@code Project},
 * {@code CreatedBy}, {@code Created} and {@code Signature}. The keyring password is stretched with
 * PBKDF2-HMAC-SHA256 (salt {@code 1.keyring.ets.knx.org}, 65536 rounds, 16 bytes). Keys (group,
 * backbone, tool keys) are AES-128-CBC encrypted with that hash and, as IV, the first 16 bytes of
 * SHA-256 of {@code Created}. Passwords (tunnel user, device authentication) are encrypted the same
 * way after 8 random bytes in front and PKCS#7-style padding behind. The signature is the first 16
 * bytes of SHA-256 over the elements in document order (01, name, the attributes but xmlns and
 * Signature sorted by name, each as name and value; 02 at each element's end; every string with a
 * one-byte length in front), followed by the Base64 of the password hash.
 */
public final class TestKeyring {

    private record Element(String name, Map<String, String> attributes, List<Element> children) {
        Element(String name, Map<String, String> attributes) {
            this(name, new LinkedHashMap<>(attributes), new ArrayList<>());
        }
    }

    private final String created = "2026-11-29T20:00:00";
    private final List<Element> interfaces = new ArrayList<>();
    private final Map<String, byte[]> groupKeys = new TreeMap<>();
    private final Map<String, byte[]> rawGroupKeys = new TreeMap<>();
    private Element backbone;
    private byte[] passwordHash;

    /** A keyring with one secure tunnel and no group keys. */
    public static Path withTunnel(String host, String address, int user, String userPassword,
            String authenticationCode, Path file, String keyringPassword) throws IOException {
        return new TestKeyring().tunnel(host, address, user, userPassword, authenticationCode).write(file,
                keyringPassword);
    }

    /** A tunnelling interface of the KNX IP interface {@code host} (e.g. 1.1.1), with the tunnel's address. */
    TestKeyring tunnel(String host, String address, int user, String userPassword, String authenticationCode,
            String... groupsWithSenders) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Type", "Tunneling");
        attributes.put("Host", host);
        attributes.put("IndividualAddress", address);
        attributes.put("UserID", Integer.toString(user));
        attributes.put("Password", "\0" + userPassword);
        attributes.put("Authentication", "\0" + authenticationCode);
        Element tunnel = new Element("Interface", attributes);
        for (String entry : groupsWithSenders) { // "1/2/3" or "1/2/3=1.1.5 1.1.6"
            String[] parts = entry.split("=", 2);
            Map<String, String> group = new LinkedHashMap<>();
            group.put("Address", raw(parts[0]));
            if (parts.length == 2) {
                group.put("Senders", parts[1]);
            }
            tunnel.children().add(new Element("Group", group));
        }
        interfaces.add(tunnel);
        return this;
    }

    /** An interface of another type (ETS writes "Routing" and "USB" interfaces too). */
    TestKeyring otherInterface(String type, String address) {
        interfaces.add(new Element("Interface", Map.of("Type", type, "IndividualAddress", address)));
        return this;
    }

    /** A group address with its Data Secure key (any length, to test refusals). */
    TestKeyring group(String address, byte[] key) {
        groupKeys.put(raw(address), key.clone());
        return this;
    }

    /** A group address with key data written as given, not encrypted (to test broken keyrings). */
    TestKeyring groupRaw(String address, byte[] data) {
        rawGroupKeys.put(raw(address), data.clone());
        return this;
    }

    TestKeyring backbone(String multicastGroup, byte[] key, int latencyMillis) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("MulticastAddress", multicastGroup);
        attributes.put("Key", "\1" + Base64.getEncoder().encodeToString(key));
        attributes.put("Latency", Integer.toString(latencyMillis));
        backbone = new Element("Backbone", attributes);
        return this;
    }

    /** Writes the keyring encrypted and signed with {@code keyringPassword}. */
    Path write(Path file, String keyringPassword) throws IOException {
        passwordHash = pbkdf2(keyringPassword);
        Map<String, String> rootAttributes = new LinkedHashMap<>();
        rootAttributes.put("Project", "e-charge test project");
        rootAttributes.put("CreatedBy", "echarge tests");
        rootAttributes.put("Created", created);
        Element root = new Element("Keyring", rootAttributes);
        if (backbone != null) {
            root.children().add(encrypted(backbone));
        }
        interfaces.forEach(i -> root.children().add(encrypted(i)));
        if (!groupKeys.isEmpty() || !rawGroupKeys.isEmpty()) {
            Element groups = new Element("GroupAddresses", Map.of());
            groupKeys.forEach((address, key) -> groups.children().add(new Element("Group",
                    Map.of("Address", address, "Key", Base64.getEncoder().encodeToString(encrypt(key))))));
            rawGroupKeys.forEach((address, data) -> groups.children().add(new Element("Group",
                    Map.of("Address", address, "Key", Base64.getEncoder().encodeToString(data)))));
            root.children().add(groups);
        }
        root.attributes().put("Signature", Base64.getEncoder().encodeToString(signature(root)));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        append(root, xml, "", true);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    /** Values marked \0 are passwords, \1 Base64 keys: both are encrypted now that the password is known. */
    private Element encrypted(Element element) {
        Map<String, String> attributes = new LinkedHashMap<>();
        element.attributes().forEach((name, value) -> attributes.put(name,
                value.startsWith("\0") ? Base64.getEncoder().encodeToString(encryptPassword(value.substring(1)))
                        : value.startsWith("\1") ? Base64.getEncoder().encodeToString(
                                encrypt(Base64.getDecoder().decode(value.substring(1))))
                        : value));
        return new Element(element.name(), attributes, element.children());
    }

    private byte[] signature(Element root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sign(root, out);
        string(Base64.getEncoder().encode(passwordHash), out);
        return Arrays.copyOf(sha256(out.toByteArray()), 16);
    }

    private static void sign(Element element, ByteArrayOutputStream out) {
        out.write(1);
        string(element.name().getBytes(StandardCharsets.UTF_8), out);
        new TreeMap<>(element.attributes()).forEach((name, value) -> {
            if (!name.equals("Signature")) {
                string(name.getBytes(StandardCharsets.UTF_8), out);
                string(value.getBytes(StandardCharsets.UTF_8), out);
            }
        });
        element.children().forEach(child -> sign(child, out));
        out.write(2);
    }

    private static void string(byte[] bytes, ByteArrayOutputStream out) {
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void append(Element element, StringBuilder xml, String indent, boolean root) {
        xml.append(indent).append('<').append(element.name());
        if (root) {
            xml.append(" xmlns=\"http://knx.org/xml/keyring/1\"");
        }
        element.attributes().forEach((name, value) -> xml.append(' ').append(name).append("=\"").append(value
                .replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")).append('"'));
        if (element.children().isEmpty()) {
            xml.append(" />\n");
            return;
        }
        xml.append(">\n");
        element.children().forEach(child -> append(child, xml, indent + "  ", false));
        xml.append(indent).append("</").append(element.name()).append(">\n");
    }

    private byte[] encrypt(byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(passwordHash, "AES"),
                    new IvParameterSpec(Arrays.copyOf(sha256(created.getBytes(StandardCharsets.UTF_8)), 16)));
            return cipher.doFinal(Arrays.copyOf(data, (data.length + 15) / 16 * 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] encryptPassword(String plain) {
        byte[] text = plain.getBytes(StandardCharsets.US_ASCII);
        int pad = 16 - (8 + text.length) % 16;
        byte[] data = new byte[8 + text.length + pad];
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        System.arraycopy(random, 0, data, 0, 8);
        System.arraycopy(text, 0, data, 8, text.length);
        Arrays.fill(data, 8 + text.length, data.length, (byte) pad);
        return encrypt(data);
    }

    private static byte[] pbkdf2(String password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(),
                    "1.keyring.ets.knx.org".getBytes(StandardCharsets.UTF_8), 65_536, 128);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ETS writes group addresses as raw numbers. */
    private static String raw(String address) {
        try {
            return Integer.toString(new GroupAddress(address).getRawAddress());
        } catch (tuwien.auto.calimero.KNXFormatException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** 16 bytes 00 01 … 0F plus {@code offset}: known keys for the tests. */
    public static byte[] key(int offset) {
        byte[] key = new byte[16];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + offset);
        }
        return key;
    }
}
