package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.echarge.system.internal.NetworkDocument.Change;
import org.echarge.system.internal.NetworkDocument.Ipv4Part;
import org.echarge.system.internal.NetworkDocument.NtpPart;
import org.echarge.system.internal.NetworkDocument.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host adapter: the systemd files it writes and reads back, its refusals and its factory reset. */
class HostNetworkTest {

    @TempDir
    Path root;

    private HostNetwork host() {
        return new HostNetwork(new HostNetwork.Installation(root.toString(), "eth0", true, "unused"));
    }

    private Path networkFile() {
        return root.resolve("etc/systemd/network/10-echarge-eth0.network");
    }

    private Path timeFile() {
        return root.resolve("etc/systemd/timesyncd.conf.d/echarge.conf");
    }

    static Change fixed(String address, Integer prefix, String netmask, String gateway, List<String> dns,
            List<String> ntp) {
        return new Change("eth0", new Ipv4Part("STATIC", address, prefix, netmask, gateway, dns), new NtpPart(ntp));
    }

    static Change typical() {
        return fixed("192.168.1.20", 24, null, "192.168.1.1", List.of("192.168.1.1", "9.9.9.9"),
                List.of("pool.ntp.org", "192.168.1.1"));
    }

    @Test
    void staticAddressingIsWrittenAsSystemdFiles() throws Exception {
        host().apply(typical());

        assertEquals(SystemdNetworkFiles.HEADER + """

                [Match]
                Name=eth0

                [Network]
                Address=192.168.1.20/24
                Gateway=192.168.1.1
                DNS=192.168.1.1
                DNS=9.9.9.9
                """, Files.readString(networkFile()));
        assertEquals(SystemdNetworkFiles.HEADER + "\n[Time]\nNTP=pool.ntp.org 192.168.1.1\n", Files.readString(timeFile()));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(networkFile())));
        assertEquals(List.of("10-echarge-eth0.network"), names(networkFile().getParent()), "temporary files left");
    }

    @Test
    void dhcpIsWrittenAsSystemdFiles() throws Exception {
        host().apply(new Change(null, new Ipv4Part("DHCP", null, null, null, null, null), new NtpPart(null)));

        assertEquals(SystemdNetworkFiles.HEADER + """

                [Match]
                Name=eth0

                [Network]
                DHCP=ipv4
                """, Files.readString(networkFile()));
        assertEquals(SystemdNetworkFiles.HEADER + "\n[Time]\nNTP=\n", Files.readString(timeFile()));
    }

    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        HostNetwork host = host();
        State written = host.apply(fixed("10.0.5.7", null, "255.255.252.0", "10.0.4.1", List.of("10.0.4.1"),
                List.of("ntp1.example.org")));

        State read = host().state();

        assertEquals(written, read);
        assertTrue(read.editable());
        assertNull(read.reason());
        assertEquals("eth0", read.interfaceName());
        assertEquals(new Ipv4Part("STATIC", "10.0.5.7", 22, "255.255.252.0", "10.0.4.1", List.of("10.0.4.1")),
                read.ipv4());
        assertEquals(List.of("ntp1.example.org"), read.ntp().servers());

        host.apply(new Change("eth0", new Ipv4Part("DHCP", null, null, null, null, List.of("1.1.1.1")),
                new NtpPart(List.of())));
        assertEquals(new Ipv4Part("DHCP", null, null, null, null, List.of("1.1.1.1")), host().state().ipv4());
        assertEquals(List.of(), host().state().ntp().servers());
    }

    @Test
    void withoutFilesTheStateIsTheFactoryState() throws Exception {
        State state = host().state();

        assertEquals(new Ipv4Part("DHCP", null, null, null, null, List.of()), state.ipv4());
        assertEquals(List.of(), state.ntp().servers());
        assertFalse(Files.exists(root.resolve("etc")));
    }

    @Test
    void everyInvalidFieldIsRefusedByNameAndNothingIsWritten() throws Exception {
        HostNetwork host = host();
        host.apply(typical());
        String network = Files.readString(networkFile());
        String time = Files.readString(timeFile());
        Object[][] cases = {
            {new Change("wlan0", typical().ipv4(), typical().ntp()), "interface"},
            {new Change("eth0", null, typical().ntp()), "ipv4"},
            {new Change("eth0", typical().ipv4(), null), "ntp"},
            {new Change("eth0", new Ipv4Part(null, null, null, null, null, null), typical().ntp()), "ipv4.mode"},
            {new Change("eth0", new Ipv4Part("dhcp", null, null, null, null, null), typical().ntp()), "ipv4.mode"},
            {new Change("eth0", new Ipv4Part("DHCP", "192.168.1.20", null, null, null, null), typical().ntp()),
                "ipv4.address"},
            {new Change("eth0", new Ipv4Part("DHCP", null, 24, null, null, null), typical().ntp()), "ipv4.prefixLength"},
            {new Change("eth0", new Ipv4Part("DHCP", null, null, null, "192.168.1.1", null), typical().ntp()),
                "ipv4.gateway"},
            {fixed(null, 24, null, null, null, null), "ipv4.address"},
            {fixed("192.168.1", 24, null, null, null, null), "ipv4.address"},
            {fixed("192.168.1.256", 24, null, null, null, null), "ipv4.address"},
            {fixed("192.168.01.20", 24, null, null, null, null), "ipv4.address"},
            {fixed(" 192.168.1.20", 24, null, null, null, null), "ipv4.address"},
            {fixed("fe80::1", 24, null, null, null, null), "ipv4.address"},
            {fixed("127.0.0.2", 8, null, null, null, null), "ipv4.address"},
            {fixed("224.0.0.1", 24, null, null, null, null), "ipv4.address"},
            {fixed("0.0.0.0", 24, null, null, null, null), "ipv4.address"},
            {fixed("192.168.1.0", 24, null, null, null, null), "ipv4.address"},
            {fixed("192.168.1.255", 24, null, null, null, null), "ipv4.address"},
            {fixed("192.168.1.20", null, null, null, null, null), "ipv4.prefixLength"},
            {fixed("192.168.1.20", 0, null, null, null, null), "ipv4.prefixLength"},
            {fixed("192.168.1.20", 33, null, null, null, null), "ipv4.prefixLength"},
            {fixed("192.168.1.20", -1, null, null, null, null), "ipv4.prefixLength"},
            {fixed("192.168.1.20", null, "255.0.255.0", null, null, null), "ipv4.netmask"},
            {fixed("192.168.1.20", null, "0.0.0.0", null, null, null), "ipv4.netmask"},
            {fixed("192.168.1.20", null, "255.255.255", null, null, null), "ipv4.netmask"},
            {fixed("192.168.1.20", 16, "255.255.255.0", null, null, null), "ipv4.netmask"},
            {fixed("192.168.1.20", 24, null, "192.168.2.1", null, null), "ipv4.gateway"},
            {fixed("192.168.1.20", 24, null, "192.168.1.20", null, null), "ipv4.gateway"},
            {fixed("192.168.1.20", 24, null, "192.168.1.255", null, null), "ipv4.gateway"},
            {fixed("192.168.1.20", 24, null, "router", null, null), "ipv4.gateway"},
            {fixed("192.168.1.20", 24, null, null, List.of("192.168.1.1", "dns.example.org"), null), "ipv4.dns[1]"},
            {fixed("192.168.1.20", 24, null, null, Arrays.asList("192.168.1.1", null), null), "ipv4.dns[1]"},
            {fixed("192.168.1.20", 24, null, null, List.of("192.168.1.1", "192.168.1.1"), null), "ipv4.dns[1]"},
            {fixed("192.168.1.20", 24, null, null, List.of("1.1.1.1", "1.0.0.1", "9.9.9.9", "8.8.8.8"), null),
                "ipv4.dns"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("pool.ntp.org", "bad host")), "ntp.servers[1]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("-pool.ntp.org")), "ntp.servers[0]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("pool..ntp.org")), "ntp.servers[0]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("pool.ntp.org;rm -rf")), "ntp.servers[0]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("a\nNTP=evil.example")), "ntp.servers[0]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("300.1.1.1")), "ntp.servers[0]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("")), "ntp.servers[0]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("x".repeat(64) + ".org")), "ntp.servers[0]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("a.org", "A.org")), "ntp.servers[1]"},
            {fixed("192.168.1.20", 24, null, null, null, List.of("a.org", "b.org", "c.org", "d.org", "e.org", "f.org")),
                "ntp.servers"},
        };
        for (Object[] test : cases) {
            ApiProblem problem = assertThrows(ApiProblem.class, () -> host.apply((Change) test[0]),
                    String.valueOf(test[0]));
            assertEquals(400, problem.status());
            assertEquals("invalid-network", problem.code());
            assertTrue(problem.getMessage().startsWith(test[1] + ": "), test[1] + " <- " + problem.getMessage());
        }
        assertEquals(network, Files.readString(networkFile()));
        assertEquals(time, Files.readString(timeFile()));
        assertEquals(2, names(networkFile().getParent()).size() + names(timeFile().getParent()).size());
    }

    @Test
    void edgeCasesThatAreValid() throws Exception {
        HostNetwork host = host();
        assertEquals(32, host.apply(fixed("10.1.2.3", 32, null, null, null, null)).ipv4().prefixLength());
        assertEquals("10.1.2.3", host.apply(fixed("10.1.2.3", 31, null, "10.1.2.2", null, null)).ipv4().address());
        assertEquals(List.of("pool.ntp.org."), host.apply(fixed("10.1.2.3", 8, null, null, null,
                List.of("POOL.ntp.org."))).ntp().servers());
        assertEquals(24, host.apply(fixed("192.168.1.20", 24, "255.255.255.0", null, null, null)).ipv4().prefixLength());
    }

    @Test
    void whenTheSecondFileCannotBeReplacedTheFirstGetsItsOldContentBack() throws Exception {
        HostNetwork host = host();
        host.apply(typical());
        String network = Files.readString(networkFile());
        Files.delete(timeFile());
        Files.createDirectories(timeFile().resolve("in-the-way")); // a rename cannot replace a full directory

        ApiProblem failed = assertThrows(ApiProblem.class, () -> host.apply(new Change("eth0",
                new Ipv4Part("DHCP", null, null, null, null, null), new NtpPart(List.of()))));

        assertEquals(500, failed.status());
        assertEquals("write-failed", failed.code());
        assertEquals(network, Files.readString(networkFile()));
        assertEquals(List.of("10-echarge-eth0.network"), names(networkFile().getParent()));
        assertEquals(List.of("echarge.conf"), names(timeFile().getParent()));
    }

    @Test
    void aReadOnlyInstallationRefusesChangesWithItsReasonAndIsNotResetByTheGateway() throws Exception {
        HostNetwork host = new HostNetwork(new HostNetwork.Installation(root.toString(), "eth0", false,
                "the network is managed by the building's IT"));

        ApiProblem refused = assertThrows(ApiProblem.class, () -> host.apply(typical()));
        assertEquals(409, refused.status());
        assertEquals("read-only", refused.code());
        assertTrue(refused.getMessage().contains("the network is managed by the building's IT"));
        assertFalse(host.state().editable());
        assertEquals("the network is managed by the building's IT", host.state().reason());

        host.resetToFactory();
        assertFalse(Files.exists(root.resolve("etc")));
    }

    @Test
    void aRootTheGatewayCannotWriteMakesItReadOnlyWithTheReason() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        HostNetwork blocked = new HostNetwork(new HostNetwork.Installation(file.resolve("host").toString(), "eth0",
                true, ""));

        assertEquals(file + " is not writable by the gateway", blocked.state().reason());
        assertFalse(blocked.state().editable());
        assertEquals(409, assertThrows(ApiProblem.class, () -> blocked.apply(typical())).status());
        assertThrows(IOException.class, blocked::resetToFactory);
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aDirectoryWithoutWritePermissionMakesItReadOnly() throws Exception {
        Path locked = Files.createDirectory(root.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        assumeFalse(Files.isWritable(locked), "running as root: permissions do not stop the gateway");
        HostNetwork unwritable = new HostNetwork(new HostNetwork.Installation(locked.toString(), "eth0", true, ""));

        assertEquals(locked + " is not writable by the gateway", unwritable.state().reason());
        assertEquals(409, assertThrows(ApiProblem.class, () -> unwritable.apply(typical())).status());
    }

    @Test
    void unusableInstallationSettingsMakeItReadOnlyWithTheReason() throws Exception {
        HostNetwork badInterface = new HostNetwork(new HostNetwork.Installation(root.toString(), "../../x", true, ""));
        assertTrue(badInterface.state().reason().contains("interface name '../../x'"), badInterface.state().reason());
        assertEquals(409, assertThrows(ApiProblem.class, () -> badInterface.apply(typical())).status());
        assertThrows(IOException.class, badInterface::resetToFactory);

        HostNetwork relative = new HostNetwork(new HostNetwork.Installation("data/host", "eth0", true, ""));
        assertTrue(relative.state().reason().contains("not an absolute path"), relative.state().reason());
        assertEquals(409, assertThrows(ApiProblem.class, () -> relative.apply(typical())).status());
        assertFalse(Files.exists(Path.of("data/host")));
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(1, files.count(), "nothing written under the root");
        }
    }

    @Test
    void theFactoryResetGoesBackToDhcpAndTheDefaultNtpServers() throws Exception {
        HostNetwork host = host();
        host.apply(typical());

        host.resetToFactory();

        assertEquals("network", host.name());
        State state = host().state();
        assertEquals(new Ipv4Part("DHCP", null, null, null, null, List.of()), state.ipv4());
        assertEquals(List.of(), state.ntp().servers());
        assertTrue(Files.readString(networkFile()).contains("DHCP=ipv4\n"));
        assertTrue(Files.readString(timeFile()).endsWith("NTP=\n"));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
