package org.echarge.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A serial line for tests: a socat pty pair, one end for the gateway and one for the peer (a
 * simulated device or an independent Modbus server). socat runs as a child process and is stopped by
 * its own process id; its links disappear with it. Needs the Debian package socat.
 */
public final class SocatPty implements AutoCloseable {

    public final Path gatewayEnd;
    public final Path peerEnd;
    private final Process process;

    private SocatPty(Path gatewayEnd, Path peerEnd, Process process) {
        this.gatewayEnd = gatewayEnd;
        this.peerEnd = peerEnd;
        this.process = process;
    }

    public static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "socat")));
    }

    /** Skips the calling test when socat is missing (Debian package socat). */
    public static void assumeInstalled() {
        assumeTrue(installed(), "socat is not installed (Debian package socat): serial line test skipped");
    }

    /** Starts a pair with the links {@code dir/gateway} and {@code dir/peer}; returns once data flows. */
    public static SocatPty start(Path dir) throws IOException, InterruptedException {
        Path gateway = dir.resolve("gateway");
        Path peer = dir.resolve("peer");
        Path log = Files.createTempFile(dir, "socat", ".log");
        Process process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + peer,
                "pty,raw,echo=0,link=" + gateway).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SocatPty pty = new SocatPty(gateway, peer, process);
        try {
            awaitLine(process, log, "starting data transfer loop", Duration.ofSeconds(5));
        } catch (Exception e) {
            pty.close();
            throw e;
        }
        return pty;
    }

    /** Like pulling the USB adapter: both ptys and their links go away. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the process has written {@code text} into its log. */
    public static void awaitLine(Process process, Path log, String text, Duration max) throws IOException, InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            String written = Files.readString(log, StandardCharsets.UTF_8);
            if (written.contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException(process.info().command().orElse("peer") + " exited with " + process.exitValue()
                        + ":\n" + written);
            }
            Thread.sleep(10);
        }
        throw new IOException("no '" + text + "' within " + max + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
}
