package org.echarge.updater.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;

import org.echarge.testsupport.MutableClock;
import org.echarge.updater.tools.DriverUpdateSigner;

/** A gateway with one installed driver, its update key (generated here), and an updater on a test clock. */
final class UpdaterFixture {

    static final String DRIVER = "org.echarge.driver.sim";
    static final KeyPair KEY = generate();

    final Path directory;
    final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
    final FakeFramework framework;
    final Path keyFile;
    final UpdateHistory history;
    long maxPackageBytes = 1024 * 1024;

    UpdaterFixture(Path directory) throws IOException {
        this.directory = directory;
        this.framework = new FakeFramework(clock, DRIVER, "1.0.0").point(1);
        this.keyFile = directory.resolve("etc/echarge-update.pub");
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, DriverUpdateSigner.publicKeyPem(KEY.getPublic()));
        this.history = new UpdateHistory(directory.resolve("data/history.tsv"), 50);
    }

    UpdateProcedure procedure() {
        UpdateSettings settings = new UpdateSettings(keyFile, maxPackageBytes, Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofMillis(200), 50);
        return new UpdateProcedure(framework, settings, history, previousDirectory(), clock, clock::advance);
    }

    Path previousDirectory() {
        return directory.resolve("data/previous");
    }

    Path signed(byte[] jar) {
        try {
            return write("update.zip", DriverUpdateSigner.pack(jar, KEY.getPrivate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Path write(String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            return DriverUpdateSigner.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
