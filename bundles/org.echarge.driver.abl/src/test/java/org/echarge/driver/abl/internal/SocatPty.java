package org.echarge.driver.abl.internal;

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
 * A serial line for tests: a socat pty pair, {@code dir/gateway} for the transport and {@code dir/box} for
 * the simulated box. socat runs as a child process and is stopped by its own process id. (The transport's
 * tests have the same helper; both could move to the test-support module.)
 */
final class SocatPty implements AutoCloseable {

    final Path gatewayEnd;
    final Path boxEnd;
    private final Process process;

    private SocatPty(Path gatewayEnd, Path boxEnd, Process process) {
        this.gatewayEnd = gatewayEnd;
        this.boxEnd = boxEnd;
        this.process = process;
    }

    /** Skips the calling test when socat is missing (Debian package socat). */
    static void assumeInstalled() {
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "socat"))),
                "socat is not installed (Debian package socat): serial line test skipped");
    }

    static SocatPty start(Path dir) throws IOException, InterruptedException {
        Path gateway = dir.resolve("gateway");
        Path box = dir.resolve("box");
        Path log = Files.createTempFile(dir, "socat", ".log");
        Process process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + box,
                "pty,raw,echo=0,link=" + gateway).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SocatPty pty = new SocatPty(gateway, box, process);
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("starting data transfer loop")) {
            if (!process.isAlive() || System.nanoTime() > end) {
                pty.close();
                throw new IOException("socat did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(10);
        }
        return pty;
    }

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
}
