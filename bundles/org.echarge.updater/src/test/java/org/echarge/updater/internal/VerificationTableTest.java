package org.echarge.updater.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateRecord;
import org.echarge.updater.UpdateReport;
import org.echarge.updater.internal.verify.PackageVerifier;
import org.echarge.updater.internal.verify.VerifiedUpdate;
import org.echarge.updater.tools.DriverUpdateSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every package the updater must refuse, each with its message; nothing may change for any of them. */
class VerificationTableTest {

    private static final String DRIVER = UpdaterFixture.DRIVER;

    @FunctionalInterface
    interface Setup {
        Path make(UpdaterFixture gateway) throws Exception;
    }

    record Case(String name, Setup setup, String expectedMessage) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path directory;
    private UpdaterFixture gateway;

    @BeforeEach
    void gateway() throws Exception {
        gateway = new UpdaterFixture(directory);
    }

    static Stream<Case> refusals() {
        return Stream.of(
                new Case("unsigned", g -> g.write("p.zip", zip(properties(newer()), null, newer())),
                        "the package is not signed: it has no update.sig"),
                new Case("signed with another key", g -> g.write("p.zip",
                        DriverUpdateSigner.pack(newer(), DriverUpdateSigner.generateKeyPair().getPrivate())),
                        "the signature is not valid: the package was not signed with this gateway's update key"),
                new Case("properties altered after signing", g -> {
                    byte[] signed = properties(newer());
                    byte[] altered = new String(signed, StandardCharsets.UTF_8).replace("1.1.0", "9.0.0")
                            .getBytes(StandardCharsets.UTF_8);
                    return g.write("p.zip", zip(altered, sign(signed), newer()));
                }, "the signature is not valid"),
                new Case("bundle replaced after signing", g -> {
                    byte[] properties = properties(newer());
                    return g.write("p.zip", zip(properties, sign(properties), TestBundles.driver(DRIVER, "1.2.0")));
                }, "bundle.jar does not match the signed SHA-256: the package is corrupted or its bundle was replaced"),
                new Case("corrupted in the middle", g -> {
                    byte[] bytes = DriverUpdateSigner.pack(newer(), UpdaterFixture.KEY.getPrivate());
                    for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
                        bytes[i] ^= (byte) 0x5a;
                    }
                    return g.write("p.zip", bytes);
                }, "(does not match the signed SHA-256|not a readable ZIP archive)"),
                new Case("truncated", g -> {
                    byte[] bytes = DriverUpdateSigner.pack(newer(), UpdaterFixture.KEY.getPrivate());
                    return g.write("p.zip", Arrays.copyOf(bytes, bytes.length * 2 / 3));
                }, "the package is not a readable ZIP archive \\(truncated or damaged"),
                new Case("not a ZIP at all", g -> g.write("p.zip", "just text".getBytes(StandardCharsets.UTF_8)),
                        "not a readable ZIP archive"),
                new Case("no such file", g -> g.directory.resolve("missing.zip"), "no such file: .*missing.zip"),
                new Case("older", g -> g.signed(TestBundles.driver(DRIVER, "0.9.5")),
                        DRIVER + " 0.9.5 is older than the installed 1.0.0; only newer versions are accepted"),
                new Case("same version", g -> g.signed(TestBundles.driver(DRIVER, "1.0.0")),
                        DRIVER + " 1.0.0 is already installed"),
                new Case("unknown driver bundle",
                        g -> g.signed(TestBundles.driver("org.echarge.driver.unknown", "1.0.0")),
                        "no driver bundle org.echarge.driver.unknown is installed"),
                new Case("not a driver bundle", g -> g.signed(TestBundles.driver("org.echarge.web", "9.0.0")),
                        "org.echarge.web is not a driver bundle: only org.echarge.driver.\\* bundles can be updated"),
                new Case("driver name without a ChargerDriver service", g -> {
                    Map<String, String> headers = TestBundles.driverHeaders(DRIVER, "1.1.0");
                    headers.remove("Provide-Capability");
                    return g.signed(TestBundles.bundle(headers, 100));
                }, DRIVER + " is not a charger driver: it declares no org.echarge.api.charger.ChargerDriver service"),
                new Case("installed bundle is no charger driver", g -> {
                    g.framework.declaresDriver = false;
                    return g.signed(newer());
                }, "the installed " + DRIVER + " declares no ChargerDriver service"),
                new Case("driver that exports packages", g -> {
                    Map<String, String> headers = TestBundles.driverHeaders(DRIVER, "1.1.0");
                    headers.put("Export-Package", "org.echarge.driver.sim;version=\"1.1.0\"");
                    return g.signed(TestBundles.bundle(headers, 100));
                }, DRIVER + " exports packages \\(.*\\): a driver must export nothing"),
                new Case("installed driver is stopped", g -> {
                    g.framework.state = "RESOLVED";
                    return g.signed(newer());
                }, DRIVER + " is RESOLVED, not ACTIVE"),
                new Case("installed driver has dependents", g -> {
                    g.framework.dependents = List.of("org.echarge.other [77]");
                    return g.signed(newer());
                }, "bundles \\[org.echarge.other \\[77\\]\\] are wired to " + DRIVER),
                new Case("package too big", g -> g.signed(TestBundles.bundle(TestBundles.driverHeaders(DRIVER, "1.1.0"),
                        2 * 1024 * 1024)), "the package is \\d+ bytes, more than the limit of 1048576 bytes"),
                new Case("bundle inflates beyond the limit", g -> {
                    byte[] zeros = new byte[3 * 1024 * 1024];
                    byte[] properties = properties(newer());
                    return g.write("p.zip", zip(properties, sign(properties), zeros));
                }, "the entry bundle.jar is larger than 1048576 bytes"),
                new Case("zip slip ../", g -> g.write("p.zip", zipOf(Map.of("../bundle.jar", newer()))),
                        "the package has an entry with a path, '../bundle.jar'"),
                new Case("zip slip absolute", g -> g.write("p.zip", zipOf(Map.of("/etc/passwd", new byte[1]))),
                        "the package has an entry with a path, '/etc/passwd'"),
                new Case("zip slip backslash", g -> g.write("p.zip", zipOf(Map.of("..\\..\\x.jar", new byte[1]))),
                        "entry with a path"),
                new Case("unexpected entry", g -> {
                    Map<String, byte[]> entries = signedEntries(newer());
                    entries.put("install.sh", new byte[1]);
                    return g.write("p.zip", DriverUpdateSigner.zip(entries));
                }, "the package has an unexpected entry 'install.sh'"),
                new Case("entry twice", g -> {
                    Map<String, byte[]> entries = signedEntries(newer());
                    entries.put("bundle.jaX", TestBundles.driver(DRIVER, "5.0.0"));
                    return g.write("p.zip", replace(DriverUpdateSigner.zip(entries), "bundle.jaX", "bundle.jar"));
                }, "the package has the entry 'bundle.jar' twice"),
                new Case("no update key", g -> {
                    Files.delete(g.keyFile);
                    return g.signed(newer());
                }, "no update key at .*echarge-update.pub: the distribution must ship"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedAndNothingChanges(Case refusal) throws Exception {
        Path file = refusal.setup().make(gateway);
        byte[] installed = gateway.framework.content;

        UpdateReport report = gateway.procedure().update(file);

        assertEquals(UpdateOutcome.REFUSED, report.outcome(), report.message());
        assertTrue(Pattern.compile(refusal.expectedMessage()).matcher(report.message()).find(),
                "message '" + report.message() + "' should match '" + refusal.expectedMessage() + "'");
        assertEquals(List.of(), gateway.framework.updates, "no update may be attempted");
        assertEquals(0, gateway.framework.copies, "nothing may be prepared");
        assertArrayEquals(installed, gateway.framework.content);
        assertEquals("1.0.0", gateway.framework.version.toString());
        assertFalse(Files.exists(gateway.previousDirectory()));
        List<UpdateRecord> history = gateway.history.records();
        assertEquals(1, history.size());
        assertEquals(UpdateOutcome.REFUSED, history.get(0).outcome());
        assertEquals(report.message(), history.get(0).message());
    }

    @Test
    void aGoodPackageYieldsExactlyTheSignedBundle() throws Exception {
        byte[] jar = newer();
        Path file = gateway.signed(jar);

        VerifiedUpdate verified = new PackageVerifier(UpdaterFixture.KEY.getPublic(), 1024 * 1024).verify(file);

        assertEquals(DRIVER, verified.symbolicName());
        assertEquals("1.1.0", verified.version().toString());
        assertArrayEquals(jar, verified.jar());
    }

    private static byte[] newer() {
        return TestBundles.driver(DRIVER, "1.1.0");
    }

    private static byte[] properties(byte[] jar) throws Exception {
        return DriverUpdateSigner.properties(jar);
    }

    private static byte[] sign(byte[] properties) throws Exception {
        return DriverUpdateSigner.sign(properties, UpdaterFixture.KEY.getPrivate());
    }

    private static Map<String, byte[]> signedEntries(byte[] jar) throws Exception {
        byte[] properties = properties(jar);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(DriverUpdateSigner.PROPERTIES, properties);
        entries.put(DriverUpdateSigner.SIGNATURE, sign(properties));
        entries.put(DriverUpdateSigner.BUNDLE, jar);
        return entries;
    }

    /** A package of the three entries; a null one is left out. */
    private static byte[] zip(byte[] properties, byte[] signature, byte[] jar) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(DriverUpdateSigner.PROPERTIES, properties);
        if (signature != null) {
            entries.put(DriverUpdateSigner.SIGNATURE, signature);
        }
        entries.put(DriverUpdateSigner.BUNDLE, jar);
        return DriverUpdateSigner.zip(entries);
    }

    /** A validly signed package plus the extra entries. */
    private static byte[] zipOf(Map<String, byte[]> extra) throws Exception {
        Map<String, byte[]> entries = signedEntries(newer());
        entries.putAll(extra);
        return DriverUpdateSigner.zip(entries);
    }

    /** Replaces every occurrence of an ASCII string of the same length in the archive's bytes. */
    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        int found = 0;
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, bytes, i, replacement.length);
                found++;
            }
        }
        assertEquals(2, found, "local header and central directory");
        return bytes;
    }
}
