package org.echarge.knx.internal.link;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * calimero-server 2.6-rc1 as a KNX IP Secure server on 127.0.0.1, in a process of its own (its
 * Calimero 2.6-rc1 cannot share the class path with the gateway's 2.6; the pom copies its jars to
 * {@code target/calimero-server}). A virtual KNX subnet behind it; secure device management and
 * secure tunnelling required (TCP); users 2 and 3 tunnel with the addresses 1.1.10 and 1.1.11.
 * Discovery and routing are off, so it joins no multicast group.
 *
 * <p>Started as test-peers.md section 2 says: {@code --no-stdin}, ready at the log line of its TCP
 * service. Its log and its interface object store ({@code echarge-test-ios.xml}) stay in the work
 * directory.
 */
public final class CalimeroServer implements AutoCloseable {

    public static final String DEVICE_AUTHENTICATION_CODE = "device-auth-code";
    public static final String USER_2_PASSWORD = "tunnel-user-2";
    public static final String USER_3_PASSWORD = "tunnel-user-3";

    private final Process process;
    private final int port;
    private final Path log;

    private CalimeroServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static CalimeroServer start(Path work) throws IOException, InterruptedException {
        return start(work, freePort());
    }

    /** On {@code port} (e.g. the one of a server that was stopped, to test reconnecting). */
    public static CalimeroServer start(Path work, int port) throws IOException, InterruptedException {
        Path jars = Path.of("target", "calimero-server");
        List<Path> classPath;
        try (Stream<Path> files = Files.list(jars)) {
            classPath = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (classPath.size() != 5) {
            throw new IllegalStateException("calimero-server jars missing in " + jars.toAbsolutePath()
                    + " (mvn process-test-resources copies them)");
        }
        Files.createDirectories(work);
        Path keyfile = Files.writeString(work.resolve("keyfile"), """
                device.pwd=%s
                user[1].pwd=management-user
                user[2].pwd=%s
                user[3].pwd=%s
                """.formatted(DEVICE_AUTHENTICATION_CODE, USER_2_PASSWORD, USER_3_PASSWORD));
        Path config = Files.writeString(work.resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <knxServer name="echarge-test" friendlyName="e-charge test server" appData="%s">
                  <discovery activate="false" listenNetIf="lo" outgoingNetIf="lo" />
                  <serviceContainer activate="true" routing="false" networkMonitoring="false" udpPort="%d"
                      listenNetIf="lo" keyfile="%s">
                    <knxAddress type="individual">1.1.1</knxAddress>
                    <knxSubnet type="virtual">secure-subnet</knxSubnet>
                    <groupAddressFilter />
                    <additionalAddresses>
                      <knxAddress type="individual">1.1.10</knxAddress>
                      <knxAddress type="individual">1.1.11</knxAddress>
                    </additionalAddresses>
                    <tunnelingUsers>
                      <user id="2"><knxAddress type="individual">1.1.10</knxAddress></user>
                      <user id="3"><knxAddress type="individual">1.1.11</knxAddress></user>
                    </tunnelingUsers>
                  </serviceContainer>
                </knxServer>
                """.formatted(work.toAbsolutePath(), port, keyfile.toAbsolutePath()));
        Path log = work.resolve("calimero-server.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath.stream().map(p -> p.toAbsolutePath().toString())
                        .collect(Collectors.joining(File.pathSeparator)),
                "tuwien.auto.calimero.server.Launcher", "--no-stdin", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CalimeroServer server = new CalimeroServer(process, port, log);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains("tcp service (lo 127.0.0.1:" + port
                + ") is up and running"))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("calimero-server exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            if (System.nanoTime() > end) {
                server.close();
                throw new IllegalStateException("calimero-server not ready within 20 s: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return server;
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
