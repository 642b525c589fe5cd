package org.echarge.knx.internal.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * knxd (Debian packages knxd, knxd-tools) with a dummy bus, a KNXnet/IP tunnelling and routing
 * server and a unix socket for knxtool; as run in test-peers.md section 1. Only for use inside the
 * network namespace of {@link KnxdNamespaceTest}: knxd always joins 224.0.23.12.
 */
final class Knxd implements AutoCloseable {

    static final int PORT = 3671;
    /** The routing interface of knxd inside the namespace (see KnxdNamespaceTest's setup). */
    static final String INTERFACE = "knx0";

    private final Path work;
    private final Process process;
    private final List<Process> tools = new ArrayList<>();

    private Knxd(Path work, Process process) {
        this.work = work;
        this.process = process;
    }

    static Knxd start(Path work) throws IOException, InterruptedException {
        Path socket = work.resolve("knxd.sock");
        Files.deleteIfExists(socket);
        Path ini = work.resolve("knxd.ini");
        Files.writeString(ini, """
                [main]
                addr = 0.0.1
                client-addrs = 0.0.2:60
                connections = server,unix,dummy
                background = false

                [server]
                server = ets_router
                tunnel = tunnel
                router = router
                discover = false
                interface = %s
                port = %d

                [tunnel]

                [router]

                [unix]
                server = knxd_unix
                path = %s

                [dummy]
                driver = dummy
                """.formatted(INTERFACE, PORT, socket));
        // the ini file must be knxd's only argument
        Process process = new ProcessBuilder("knxd", ini.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("knxd.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        Knxd knxd = new Knxd(work, process);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(socket) && udpPortBound(PORT))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("knxd exited with " + process.exitValue() + ": "
                        + Files.readString(work.resolve("knxd.log")));
            }
            if (System.nanoTime() > end) {
                knxd.close();
                throw new IllegalStateException("knxd not ready within 10 s");
            }
            Thread.sleep(20);
        }
        return knxd;
    }

    String url() {
        return "local:" + work.resolve("knxd.sock");
    }

    /** {@code knxtool groupwrite}: multi-byte APDU data, hex bytes. */
    void groupWrite(String group, String... hexBytes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("knxtool", "groupwrite", url(), group));
        command.addAll(List.of(hexBytes));
        run(command);
    }

    /** {@code knxtool groupreadresponse}: sends a read and prints the first response. */
    String groupReadResponse(String group) throws IOException, InterruptedException {
        return run(List.of("knxtool", "groupreadresponse", url(), group));
    }

    /**
     * {@code knxtool groupsocketlisten}, its lines ("Write from 0.0.3 to 1/2/3: 41 48 00 00") going to
     * {@code lines}. Returns once it demonstrably listens: it has seen a write sent after it started.
     */
    void listen(Recorder<String> lines) throws IOException, InterruptedException {
        Process listener = new ProcessBuilder("stdbuf", "-oL", "knxtool", "groupsocketlisten", url())
                .redirectErrorStream(true).start();
        tools.add(listener);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().map(String::strip).forEach(lines);
            } catch (IOException | UncheckedIOException e) {
                // the listener ended
            }
        }, "knxtool groupsocketlisten");
        reader.setDaemon(true);
        reader.start();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            groupWrite("31/7/255", "01");
            try {
                lines.next(l -> l.endsWith("to 31/7/255: 01"), Duration.ofMillis(300));
                return;
            } catch (AssertionError notYet) {
                // not listening yet
            }
        }
        throw new IllegalStateException("knxtool groupsocketlisten did not start");
    }

    /** Stops knxd with SIGTERM, as a service restart does; knxd does not disconnect its tunnels. */
    @Override
    public void close() {
        tools.forEach(Process::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            for (Process tool : tools) {
                tool.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!tool.waitFor(10, TimeUnit.SECONDS)) {
            tool.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 10 s");
        }
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (tool.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + tool.exitValue() + "): "
                    + output);
        }
        return output;
    }

    /** Whether a UDP socket is bound to {@code port} (any address), from /proc/net/udp. */
    private static boolean udpPortBound(int port) throws IOException {
        String local = String.format(":%04X ", port);
        return Files.readAllLines(Path.of("/proc/net/udp")).stream().skip(1)
                .anyMatch(line -> line.strip().split("\\s+")[1].endsWith(local.strip()));
    }
}
