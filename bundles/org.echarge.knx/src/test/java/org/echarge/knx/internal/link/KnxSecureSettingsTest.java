package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.echarge.knx.internal.Validated;
import org.echarge.knx.internal.link.KnxConnectionSettings.Mode;
import org.echarge.knx.internal.link.KnxSecureSettings.Input;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.knxnetip.SecureConnection;

/** Keyrings written by {@link TestKeyring} from known keys, read back through Calimero's Keyring. */
class KnxSecureSettingsTest {

    private static final IndividualAddress GATEWAY = new IndividualAddress(1, 1, 10);
    private static final String PASSWORD = "keyring-pw";

    @TempDir
    static Path dir;
    static Path keyring;

    @BeforeAll
    static void writeKeyring() throws IOException {
        keyring = new TestKeyring()
                .backbone("224.0.23.12", TestKeyring.key(0x40), 1500)
                .tunnel("1.1.1", "1.1.10", 2, "tunnel-2", "auth-code", "1/2/3=1.1.5 1.1.6", "1/2/4")
                .tunnel("1.1.1", "1.1.11", 3, "tunnel-3", "auth-code")
                .otherInterface("Routing", "1.1.1")
                .otherInterface("USB", "1.1.200")
                .group("1/2/3", TestKeyring.key(0x10))
                .group("1/2/4", TestKeyring.key(0x20))
                .write(dir.resolve("project.knxkeys"), PASSWORD);
    }

    @Test
    void theKeyringGivesTheTunnelOfTheGatewaysAddressAndTheGroupKeys() throws Exception {
        KnxSecureSettings s = valid(Mode.TUNNELING_SECURE, keyringInput(PASSWORD));
        KnxSecureSettings.TunnelCredentials tunnel = s.tunnel().orElseThrow();
        assertEquals(2, tunnel.user());
        assertArrayEquals(SecureConnection.hashUserPassword("tunnel-2".toCharArray()), tunnel.userKey());
        assertArrayEquals(SecureConnection.hashDeviceAuthenticationPassword("auth-code".toCharArray()),
                tunnel.deviceAuthenticationKey());
        assertArrayEquals(TestKeyring.key(0x10), s.groupKeys().get(new GroupAddress("1/2/3")));
        assertArrayEquals(TestKeyring.key(0x20), s.groupKeys().get(new GroupAddress("1/2/4")));
        assertEquals(2, s.groupKeys().size());
        assertEquals(Set.of(new IndividualAddress(1, 1, 5), new IndividualAddress(1, 1, 6)),
                s.groupSenders().get(new GroupAddress("1/2/3")));
        assertEquals(Set.of(), s.groupSenders().get(new GroupAddress("1/2/4")));
        assertTrue(s.backbone().isEmpty(), "the backbone key is for routing only");
        assertTrue(s.dataSecure());
        assertFalse(s.toString().contains("tunnel-2"));
        assertEquals("KNX Secure from keyring " + keyring + ": tunnel user 2, no backbone key, 2 group keys",
                s.toString());
    }

    @Test
    void secureRoutingTakesTheBackboneKeyAndLatencyFromTheKeyring() {
        KnxSecureSettings s = valid(Mode.ROUTING_SECURE, keyringInput(PASSWORD));
        assertArrayEquals(TestKeyring.key(0x40), s.backbone().orElseThrow().key());
        assertEquals(Duration.ofMillis(1500), s.backbone().orElseThrow().latencyTolerance());
        assertTrue(s.tunnel().isEmpty());
    }

    @Test
    void aKeyringInAPlainModeGivesDataSecureOnly() {
        KnxSecureSettings s = valid(Mode.VIRTUAL, keyringInput(PASSWORD));
        assertTrue(s.tunnel().isEmpty());
        assertTrue(s.backbone().isEmpty());
        assertEquals(2, s.groupKeys().size());
    }

    @Test
    void aWrongKeyringPasswordIsRefused() {
        assertEquals(List.of("keyring password: wrong password for the keyring " + keyring
                + " (or the file was changed after ETS exported it: its signature does not match)"),
                errors(Mode.TUNNELING_SECURE, keyringInput("wrong")));
    }

    @Test
    void aChangedKeyringIsRefused() throws IOException {
        Path changed = dir.resolve("changed.knxkeys");
        Files.writeString(changed, Files.readString(keyring).replace("\"1.1.11\"", "\"1.1.12\""));
        assertEquals(List.of("keyring password: wrong password for the keyring " + changed
                + " (or the file was changed after ETS exported it: its signature does not match)"),
                errors(Mode.TUNNELING_SECURE, new Input(changed.toString(), PASSWORD, 0, "", "", "", 0)));
    }

    @Test
    void missingOrUnreadableKeyringsAreRefused() throws IOException {
        Path missing = dir.resolve("missing.knxkeys");
        assertEquals(List.of("keyring file " + missing + " does not exist"),
                errors(Mode.TUNNELING, new Input(missing.toString(), PASSWORD, 0, "", "", "", 0)));
        assertEquals(List.of("keyring file \"project.knxkeys\" is not an absolute path, e.g. "
                + "/etc/echarge/project.knxkeys"),
                errors(Mode.TUNNELING, new Input("project.knxkeys", PASSWORD, 0, "", "", "", 0)));
        Path xml = Files.writeString(dir.resolve("project.xml"), "<Keyring/>");
        assertEquals(List.of("keyring file " + xml + ": the name must end in .knxkeys, as ETS exports keyrings"),
                errors(Mode.TUNNELING, new Input(xml.toString(), PASSWORD, 0, "", "", "", 0)));
        Path other = Files.writeString(dir.resolve("other.knxkeys"), "<Project xmlns=\"http://knx.org/xml/project/21\"/>");
        String error = errors(Mode.TUNNELING, new Input(other.toString(), PASSWORD, 0, "", "", "", 0)).get(0);
        assertTrue(error.startsWith("keyring file " + other + " is not an ETS keyring: "), error);
        assertTrue(error.contains("unsupported namespace"), error);
        assertEquals(List.of("keyring password: the keyring " + keyring
                + " needs the password it was exported with in ETS"),
                errors(Mode.TUNNELING, keyringInput("")));
        assertEquals(List.of("keyring password: set, but there is no keyring file"),
                errors(Mode.TUNNELING, new Input("", PASSWORD, 0, "", "", "", 0)));
    }

    @Test
    void aKeyringWithoutTheGatewaysTunnelIsRefused() {
        assertEquals(List.of("keyring has no secure tunnel with the individual address 1.1.250 (the gateway's "
                + "individual address); its secure tunnels are 1.1.10 (user 2), 1.1.11 (user 3)"),
                KnxSecureSettingsTest.<KnxSecureSettings>invalid(KnxSecureSettings.validate(Mode.TUNNELING_SECURE,
                        new IndividualAddress(1, 1, 250), "", keyringInput(PASSWORD))));
    }

    @Test
    void keysOfTheWrongLengthAreRefused() throws IOException {
        Path bad = new TestKeyring()
                .tunnel("1.1.1", "1.1.10", 2, "tunnel-2", "auth-code")
                .group("1/2/3", new byte[32])
                .groupRaw("1/2/5", new byte[7])
                .write(dir.resolve("bad.knxkeys"), PASSWORD);
        assertEquals(List.of("keyring " + bad + ": the key of group address 1/2/3 has 32 bytes, not 16",
                "keyring " + bad + ": the key of group address 1/2/5 cannot be decrypted (7 bytes, not 16)"),
                errors(Mode.TUNNELING_SECURE, new Input(bad.toString(), PASSWORD, 0, "", "", "", 0)));
    }

    @Test
    void withoutAKeyringTheTunnelComesFromTheSettings() {
        KnxSecureSettings s = valid(Mode.TUNNELING_SECURE, new Input("", "", 4, "user-4", "auth", "", 0));
        assertEquals(4, s.tunnel().orElseThrow().user());
        assertArrayEquals(SecureConnection.hashUserPassword("user-4".toCharArray()), s.tunnel().get().userKey());
        assertFalse(s.dataSecure());
        assertEquals(List.of("secure tunnel user ID 1 is outside 2-127 (user 1 is the interface's management user)",
                "secure tunnel user password: missing (ETS: the tunnel's \"Password\" in the secure interface's "
                        + "properties)",
                "device authentication code: missing (ETS: the interface's \"Authentication Code\")"),
                errors(Mode.TUNNELING_SECURE, new Input("", "", 1, "", "", "", 0)));
        assertEquals(List.of("mode TUNNELING_SECURE needs a keyring file with the secure tunnel of 1.1.10, or the "
                + "secure tunnel user ID, user password and device authentication code"),
                errors(Mode.TUNNELING_SECURE, Input.none()));
    }

    @Test
    void withoutAKeyringTheBackboneKeyComesFromTheSettings() {
        KnxSecureSettings s = valid(Mode.ROUTING_SECURE,
                new Input("", "", 0, "", "", "00112233445566778899AABBCCDDEEFF", 0));
        assertArrayEquals(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"),
                s.backbone().orElseThrow().key());
        assertEquals(KnxSecureSettings.DEFAULT_LATENCY_TOLERANCE, s.backbone().get().latencyTolerance());
        assertEquals(List.of("backbone key has 15 bytes, not 16 (32 hexadecimal digits)"),
                errors(Mode.ROUTING_SECURE, new Input("", "", 0, "", "", "00112233445566778899AABBCCDDEE", 0)));
        assertEquals(List.of("backbone key: 32 hexadecimal digits (16 bytes), e.g. from ETS's backbone properties"),
                errors(Mode.ROUTING_SECURE, new Input("", "", 0, "", "", "secret", 0)));
        assertEquals(List.of("latency tolerance 50 ms is outside 100-10000 ms"),
                errors(Mode.ROUTING_SECURE, new Input("", "", 0, "", "", "00112233445566778899AABBCCDDEEFF", 50)));
        assertEquals(List.of("mode ROUTING_SECURE needs the backbone key: set the backbone key or a keyring file"),
                errors(Mode.ROUTING_SECURE, Input.none()));
    }

    @Test
    void theKeyringsBackboneMustUseTheConfiguredGroup() {
        assertEquals(List.of("keyring: the secure backbone uses the multicast group 224.0.23.12, but the gateway "
                + "is set to 239.1.1.1"),
                KnxSecureSettingsTest.<KnxSecureSettings>invalid(KnxSecureSettings.validate(Mode.ROUTING_SECURE,
                        GATEWAY, "239.1.1.1", keyringInput(PASSWORD))));
    }

    @Test
    void nothingSetIsNoSecurity() {
        KnxSecureSettings s = valid(Mode.TUNNELING, Input.none());
        assertFalse(s.dataSecure());
        assertTrue(s.tunnel().isEmpty());
    }

    private static Input keyringInput(String password) {
        return new Input(keyring.toString(), password, 0, "", "", "", 0);
    }

    private static KnxSecureSettings valid(Mode mode, Input input) {
        Validated<KnxSecureSettings> v = KnxSecureSettings.validate(mode, GATEWAY, "224.0.23.12", input);
        return (KnxSecureSettings) assertInstanceOf(Validated.Valid.class, v, v::toString).value();
    }

    private static List<String> errors(Mode mode, Input input) {
        return invalid(KnxSecureSettings.validate(mode, GATEWAY, "224.0.23.12", input));
    }

    private static <T> List<String> invalid(Validated<T> v) {
        return ((Validated.Invalid<?>) assertInstanceOf(Validated.Invalid.class, v, v::toString)).errors();
    }
}
