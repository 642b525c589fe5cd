package org.echarge.knx.internal.link;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.echarge.knx.internal.Validated;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KnxRuntimeException;
import tuwien.auto.calimero.knxnetip.SecureConnection;
import tuwien.auto.calimero.secure.Keyring;

/**
 * The KNX Secure material of a connection, decrypted once when the configuration is applied:
 * the secure tunnel's credentials (KNX IP Secure tunnelling), the backbone key (secure routing) and
 * the group keys (KNX Data Secure). Everything that can be wrong with it (a keyring that is missing,
 * not a keyring, with a wrong password or without the interface's keys, keys of the wrong length)
 * is found by {@link #validate}, so that the connection never starts with half of it.
 *
 * <p>Keys and passwords never appear in {@link #toString()} or in a message.
 *
 * @param tunnel the credentials of the secure tunnel, present in mode TUNNELING_SECURE
 * @param backbone the backbone key of secure routing, present in mode ROUTING_SECURE
 * @param groupKeys KNX Data Secure: the 16-byte key of every group address the keyring has a key for
 * @param groupSenders per secured group address, the senders the keyring allows for the gateway's
 *        interface (empty: any sender)
 * @param source where the material comes from, for messages: the keyring's path or "configuration"
 */
public record KnxSecureSettings(Optional<TunnelCredentials> tunnel, Optional<BackboneKey> backbone,
        Map<GroupAddress, byte[]> groupKeys, Map<GroupAddress, Set<IndividualAddress>> groupSenders, String source) {

    /** No KNX Secure at all: plain connection, no Data Secure. */
    public static final KnxSecureSettings NONE = new KnxSecureSettings(Optional.empty(), Optional.empty(), Map.of(),
            Map.of(), "");

    /** 16 bytes, as every KNX Secure key. */
    public static final int KEY_LENGTH = 16;
    /** What ETS proposes for a backbone; used when neither the configuration nor the keyring gives one. */
    public static final Duration DEFAULT_LATENCY_TOLERANCE = Duration.ofMillis(2000);

    /**
     * A secure tunnel: the user (2-127; 1 is the management user) with the hash of its password, and
     * the hash of the interface's device authentication code (both as KNX IP Secure hashes them).
     */
    public record TunnelCredentials(int user, byte[] userKey, byte[] deviceAuthenticationKey) {
        public TunnelCredentials {
            userKey = userKey.clone();
            deviceAuthenticationKey = deviceAuthenticationKey.clone();
        }

        @Override
        public byte[] userKey() {
            return userKey.clone();
        }

        @Override
        public byte[] deviceAuthenticationKey() {
            return deviceAuthenticationKey.clone();
        }

        @Override
        public String toString() {
            return "user " + user;
        }
    }

    /** The backbone's group key and latency tolerance (secure routing). */
    public record BackboneKey(byte[] key, Duration latencyTolerance) {
        public BackboneKey {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public String toString() {
            return "backbone key, latency tolerance " + latencyTolerance.toMillis() + " ms";
        }
    }

    public KnxSecureSettings {
        Objects.requireNonNull(tunnel, "tunnel");
        Objects.requireNonNull(backbone, "backbone");
        Map<GroupAddress, byte[]> keys = new HashMap<>();
        groupKeys.forEach((address, key) -> {
            if (key.length != KEY_LENGTH) {
                throw new IllegalArgumentException("the key of group address " + address + " has " + key.length
                        + " bytes, not " + KEY_LENGTH);
            }
            keys.put(address, key.clone());
        });
        groupKeys = Map.copyOf(keys);
        groupSenders = Map.copyOf(groupSenders);
        source = Objects.requireNonNullElse(source, "");
    }

    /** Whether KNX Data Secure applies to some group addresses. */
    public boolean dataSecure() {
        return !groupKeys.isEmpty();
    }

    @Override
    public Map<GroupAddress, byte[]> groupKeys() {
        return groupKeys.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().clone()));
    }

    @Override
    public String toString() {
        return "KNX Secure from " + (source.isEmpty() ? "nothing" : source) + ": tunnel " + tunnel.map(Object::toString)
                .orElse("-") + ", " + backbone.map(Object::toString).orElse("no backbone key") + ", "
                + groupKeys.size() + " group keys";
    }

    /** What the configuration holds about KNX Secure; blank text and 0 mean "not set". */
    public record Input(String keyringFile, String keyringPassword, int tunnelUser, String tunnelUserPassword,
            String deviceAuthenticationCode, String backboneKey, int latencyToleranceMillis) {
        public Input {
            keyringFile = Objects.requireNonNullElse(keyringFile, "").strip();
            keyringPassword = Objects.requireNonNullElse(keyringPassword, "");
            tunnelUserPassword = Objects.requireNonNullElse(tunnelUserPassword, "");
            deviceAuthenticationCode = Objects.requireNonNullElse(deviceAuthenticationCode, "");
            backboneKey = Objects.requireNonNullElse(backboneKey, "").strip();
        }

        /** Nothing about KNX Secure is set. */
        public static Input none() {
            return new Input("", "", 0, "", "", "", 0);
        }

        @Override
        public String toString() {
            return "keyring " + (keyringFile.isEmpty() ? "-" : keyringFile) + ", user " + tunnelUser;
        }
    }

    /**
     * Checks and decrypts the KNX Secure settings for a connection in {@code mode} with the
     * gateway's {@code individualAddress} (with a keyring, also the secure tunnel's address) and,
     * for routing, the {@code multicastGroup}. Every error names the setting and says what is wrong.
     */
    public static Validated<KnxSecureSettings> validate(KnxConnectionSettings.Mode mode,
            IndividualAddress individualAddress, String multicastGroup, Input input) {
        List<String> errors = new ArrayList<>();
        Keyring keyring = null;
        char[] password = input.keyringPassword().toCharArray();
        if (!input.keyringFile().isEmpty()) {
            keyring = loadKeyring(input.keyringFile(), password, errors);
        } else if (!input.keyringPassword().isEmpty()) {
            errors.add("keyring password: set, but there is no keyring file");
        }
        if (!errors.isEmpty()) {
            return new Validated.Invalid<>(errors);
        }
        Optional<TunnelCredentials> tunnel = Optional.empty();
        Optional<BackboneKey> backbone = Optional.empty();
        if (mode == KnxConnectionSettings.Mode.TUNNELING_SECURE) {
            tunnel = tunnel(keyring, password, individualAddress, input, errors);
        }
        if (mode == KnxConnectionSettings.Mode.ROUTING_SECURE) {
            backbone = backbone(keyring, password, multicastGroup, input, errors);
        }
        Map<GroupAddress, byte[]> groupKeys = new HashMap<>();
        Map<GroupAddress, Set<IndividualAddress>> senders = new HashMap<>();
        if (keyring != null) {
            groupKeys = groupKeys(keyring, password, input.keyringFile(), errors);
            senders = groupSenders(keyring, individualAddress);
        }
        if (!errors.isEmpty()) {
            return new Validated.Invalid<>(errors);
        }
        String source = keyring != null ? "keyring " + input.keyringFile() : tunnel.isPresent() || backbone.isPresent()
                ? "configuration" : "";
        return new Validated.Valid<>(new KnxSecureSettings(tunnel, backbone, groupKeys, senders, source));
    }

    private static Keyring loadKeyring(String file, char[] password, List<String> errors) {
        Path path = Path.of(file);
        if (!path.isAbsolute()) {
            errors.add("keyring file \"" + file + "\" is not an absolute path, e.g. /etc/echarge/project.knxkeys");
            return null;
        }
        if (!file.endsWith(".knxkeys")) {
            errors.add("keyring file " + file + ": the name must end in .knxkeys, as ETS exports keyrings");
            return null;
        }
        if (!Files.isRegularFile(path)) {
            errors.add("keyring file " + file + " does not exist");
            return null;
        }
        if (!Files.isReadable(path)) {
            errors.add("keyring file " + file + " cannot be read by the gateway (file permissions)");
            return null;
        }
        if (password.length == 0) {
            errors.add("keyring password: the keyring " + file + " needs the password it was exported with in ETS");
            return null;
        }
        Keyring keyring;
        try {
            keyring = Keyring.load(file);
        } catch (KnxRuntimeException | IllegalArgumentException e) { // KNXMLException, KnxSecureException
            errors.add("keyring file " + file + " is not an ETS keyring: " + e.getMessage());
            return null;
        }
        if (!keyring.verifySignature(password)) {
            errors.add("keyring password: wrong password for the keyring " + file
                    + " (or the file was changed after ETS exported it: its signature does not match)");
            return null;
        }
        return keyring;
    }

    private static Optional<TunnelCredentials> tunnel(Keyring keyring, char[] password, IndividualAddress address,
            Input input, List<String> errors) {
        boolean explicit = input.tunnelUser() != 0 || !input.tunnelUserPassword().isEmpty()
                || !input.deviceAuthenticationCode().isEmpty();
        if (explicit) {
            int before = errors.size();
            if (input.tunnelUser() < 2 || input.tunnelUser() > 127) {
                errors.add("secure tunnel user ID " + input.tunnelUser()
                        + " is outside 2-127 (user 1 is the interface's management user)");
            }
            if (input.tunnelUserPassword().isEmpty()) {
                errors.add("secure tunnel user password: missing (ETS: the tunnel's \"Password\" in the secure "
                        + "interface's properties)");
            }
            if (input.deviceAuthenticationCode().isEmpty()) {
                errors.add("device authentication code: missing (ETS: the interface's \"Authentication Code\")");
            }
            if (errors.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new TunnelCredentials(input.tunnelUser(),
                    SecureConnection.hashUserPassword(input.tunnelUserPassword().toCharArray()),
                    SecureConnection.hashDeviceAuthenticationPassword(input.deviceAuthenticationCode().toCharArray())));
        }
        if (keyring == null) {
            errors.add("mode TUNNELING_SECURE needs a keyring file with the secure tunnel of " + address
                    + ", or the secure tunnel user ID, user password and device authentication code");
            return Optional.empty();
        }
        List<Keyring.Interface> tunnels = keyring.interfaces().values().stream().flatMap(List::stream)
                .filter(KnxSecureSettings::tunnelling).toList();
        Optional<Keyring.Interface> mine = tunnels.stream().filter(i -> i.address().equals(address)).findFirst();
        if (mine.isEmpty()) {
            String present = tunnels.isEmpty() ? "it has no secure tunnels"
                    : "its secure tunnels are " + tunnels.stream().map(i -> i.address() + " (user " + i.user() + ")")
                            .sorted().collect(Collectors.joining(", "));
            errors.add("keyring has no secure tunnel with the individual address " + address
                    + " (the gateway's individual address); " + present);
            return Optional.empty();
        }
        Keyring.Interface tunnelInterface = mine.get();
        if (tunnelInterface.password().isEmpty() || tunnelInterface.authentication().isEmpty()
                || tunnelInterface.user() < 2) {
            errors.add("keyring: the secure tunnel " + address + " has no user password, user ID or device "
                    + "authentication code");
            return Optional.empty();
        }
        try {
            Keyring.DecryptedInterface decrypted = tunnelInterface.decrypt(password);
            return Optional.of(new TunnelCredentials(decrypted.user(), checked(decrypted.userKey(),
                    "the user password of the secure tunnel " + address, errors),
                    checked(decrypted.deviceAuthCode(), "the device authentication code of the secure tunnel "
                            + address, errors)));
        } catch (KnxRuntimeException | IllegalArgumentException e) {
            errors.add("keyring: the secure tunnel " + address + " cannot be decrypted: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<BackboneKey> backbone(Keyring keyring, char[] password, String multicastGroup,
            Input input, List<String> errors) {
        if (input.latencyToleranceMillis() != 0
                && (input.latencyToleranceMillis() < 100 || input.latencyToleranceMillis() > 10_000)) {
            errors.add("latency tolerance " + input.latencyToleranceMillis() + " ms is outside 100-10000 ms");
            return Optional.empty();
        }
        Duration configured = input.latencyToleranceMillis() == 0 ? null
                : Duration.ofMillis(input.latencyToleranceMillis());
        if (!input.backboneKey().isEmpty()) {
            byte[] key;
            try {
                key = HexFormat.of().parseHex(input.backboneKey().replace(" ", ""));
            } catch (IllegalArgumentException e) {
                errors.add("backbone key: 32 hexadecimal digits (16 bytes), e.g. from ETS's backbone properties");
                return Optional.empty();
            }
            if (key.length != KEY_LENGTH) {
                errors.add("backbone key has " + key.length + " bytes, not " + KEY_LENGTH
                        + " (32 hexadecimal digits)");
                return Optional.empty();
            }
            return Optional.of(new BackboneKey(key,
                    Objects.requireNonNullElse(configured, DEFAULT_LATENCY_TOLERANCE)));
        }
        Optional<Keyring.Backbone> fromKeyring = keyring == null ? Optional.empty() : keyring.backbone();
        if (fromKeyring.isEmpty() || fromKeyring.get().groupKey().isEmpty()) {
            errors.add("mode ROUTING_SECURE needs the backbone key: " + (keyring == null
                    ? "set the backbone key or a keyring file" : "the keyring has no secure backbone"));
            return Optional.empty();
        }
        Keyring.Backbone backbone = fromKeyring.get();
        InetAddress group = KnxConnectionSettings.ipLiteral(multicastGroup);
        if (group != null && !group.equals(backbone.multicastGroup())) {
            errors.add("keyring: the secure backbone uses the multicast group "
                    + backbone.multicastGroup().getHostAddress() + ", but the gateway is set to " + multicastGroup);
            return Optional.empty();
        }
        byte[] key;
        try {
            key = keyring.decryptKey(backbone.groupKey().get(), password);
        } catch (KnxRuntimeException e) {
            errors.add("keyring: the backbone key cannot be decrypted: " + e.getMessage());
            return Optional.empty();
        }
        if (key.length != KEY_LENGTH) {
            errors.add("keyring: the backbone key has " + key.length + " bytes, not " + KEY_LENGTH);
            return Optional.empty();
        }
        Duration latency = configured != null ? configured
                : backbone.latencyTolerance().isZero() ? DEFAULT_LATENCY_TOLERANCE : backbone.latencyTolerance();
        return Optional.of(new BackboneKey(key, latency));
    }

    private static Map<GroupAddress, byte[]> groupKeys(Keyring keyring, char[] password, String file,
            List<String> errors) {
        Map<GroupAddress, byte[]> keys = new HashMap<>();
        Map<GroupAddress, byte[]> inOrder = new TreeMap<>((a, b) -> Integer.compare(a.getRawAddress(),
                b.getRawAddress())); // the messages in address order
        inOrder.putAll(keyring.groups());
        inOrder.forEach((address, encrypted) -> {
            byte[] key;
            try {
                key = keyring.decryptKey(encrypted, password);
            } catch (KnxRuntimeException e) {
                errors.add("keyring " + file + ": the key of group address " + address
                        + " cannot be decrypted (" + encrypted.length + " bytes, not " + KEY_LENGTH + ")");
                return;
            }
            if (key.length != KEY_LENGTH) {
                errors.add("keyring " + file + ": the key of group address " + address + " has " + key.length
                        + " bytes, not " + KEY_LENGTH);
                Arrays.fill(key, (byte) 0);
                return;
            }
            keys.put(address, key);
        });
        return keys;
    }

    /** The senders ETS allows per group address for the interface with the gateway's address. */
    private static Map<GroupAddress, Set<IndividualAddress>> groupSenders(Keyring keyring,
            IndividualAddress address) {
        Map<GroupAddress, Set<IndividualAddress>> senders = new HashMap<>();
        keyring.interfaces().values().stream().flatMap(List::stream).filter(i -> i.address().equals(address))
                .forEach(i -> i.groups().forEach((group, set) -> senders.put(group, Set.copyOf(set))));
        return senders;
    }

    /** ETS also writes interfaces of type "Routing", which Calimero 2.6's {@code type()} does not know. */
    private static boolean tunnelling(Keyring.Interface i) {
        try {
            return i.type() == Keyring.Interface.Type.Tunneling;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] checked(byte[] key, String what, List<String> errors) {
        if (key.length != KEY_LENGTH) {
            errors.add("keyring: " + what + " has " + key.length + " bytes, not " + KEY_LENGTH);
        }
        return key;
    }
}
