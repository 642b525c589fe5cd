package org.echarge.knx.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@link KnxdScenarios} (the connection and the device against knxd) in a JVM inside a network
 * namespace of its own ({@code unshare -rn}): knxd always joins the KNX multicast group, which must
 * never happen on this machine's real interfaces. Each scenario becomes a test here. The JVM is the
 * first process of a PID namespace as well, so nothing it started outlives it.
 *
 * <p>The namespace has lo and a veth pair: knxd routes on {@code knx0} (10.201.0.1), the gateway's
 * routing link uses {@code gw0} (10.201.0.2). Both ends are local addresses of the namespace, so they
 * accept packets from each other's (local) source address. Needs the Debian packages knxd and
 * knxd-tools, plus iproute2, util-linux and coreutils ({@code ip}, {@code unshare}, {@code stdbuf}).
 */
class KnxdNamespaceTest {

    private static final String SETUP = """
            set -eu
            ip link set lo up
            ip link add knx0 type veth peer name gw0
            ip addr add 10.201.0.1/24 dev knx0
            ip addr add 10.201.0.2/24 dev gw0
            ip link set knx0 up
            ip link set gw0 up
            ip route add 224.0.0.0/4 dev knx0 src 10.201.0.1
            for conf in all knx0 gw0; do
              echo 1 > /proc/sys/net/ipv4/conf/$conf/accept_local
              echo 0 > /proc/sys/net/ipv4/conf/$conf/rp_filter
            done
            exec "$@"
            """;
    private static final long TIMEOUT_SECONDS = 120;

    @TestFactory
    Stream<DynamicTest> knxdScenariosInANetworkNamespace() throws Exception {
        requireCommands("unshare", "ip", "stdbuf", "knxd", "knxtool");
        Path work = Files.createTempDirectory("echarge-knxd-");
        Path output = work.resolve("scenarios.log");
        Path script = Files.writeString(work.resolve("netns-setup.sh"), SETUP);
        // a PID namespace too: when the JVM in it ends, however it ends, the kernel ends knxd and knxtool
        List<String> command = new ArrayList<>(List.of("unshare", "-rn", "--pid", "--kill-child", "sh",
                script.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dknxd.work=" + work, "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", System.getProperty("java.class.path"),
                NamespaceRunner.class.getName(), KnxdScenarios.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(new File("/dev/null")).start();
        if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
            child.waitFor(5, TimeUnit.SECONDS);
            fail("the namespace run did not finish within " + TIMEOUT_SECONDS + " s; output:\n" + read(output));
        }
        String log = read(output);
        List<String[]> results = log.lines().filter(l -> l.startsWith(NamespaceRunner.RESULT))
                .map(l -> l.split("\t", 4)).toList();
        if (results.isEmpty()) {
            fail("no scenario ran (exit " + child.exitValue() + "); output:\n" + log);
        }
        if (child.exitValue() == 0) {
            deleteTree(work);
        }
        return results.stream().map(r -> DynamicTest.dynamicTest(r[2], () -> assertEquals("SUCCESSFUL", r[1],
                r[2] + ": " + r[3] + "\n(full output in " + output + ")\n" + log)));
    }

    /** Fails, naming what to install, when a command is missing: nothing here is skipped. */
    private static void requireCommands(String... commands) {
        List<String> missing = Arrays.stream(commands).filter(c -> Stream.of(
                System.getenv().getOrDefault("PATH", "").split(File.pathSeparator), new String[] { "/usr/sbin", "/sbin" })
                .flatMap(Arrays::stream).map(dir -> Path.of(dir, c)).noneMatch(Files::isExecutable)).toList();
        if (!missing.isEmpty()) {
            fail("missing " + missing + ": install the Debian packages knxd knxd-tools iproute2 util-linux coreutils");
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        }
    }
}
