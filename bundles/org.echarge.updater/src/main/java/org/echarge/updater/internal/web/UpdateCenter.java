package org.echarge.updater.internal.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.echarge.updater.DriverUpdater;
import org.echarge.updater.InstalledDriver;
import org.echarge.updater.UpdateReport;
import org.echarge.updater.internal.firmware.FirmwareLayout;
import org.echarge.updater.internal.firmware.FirmwarePackage;
import org.echarge.updater.internal.firmware.FirmwareStatus;
import org.echarge.updater.internal.firmware.FirmwareVersion;
import org.echarge.updater.internal.server.Available;
import org.echarge.updater.internal.server.UpdateIndex;
import org.echarge.updater.internal.server.UpdateServerClient;
import org.echarge.updater.internal.verify.UpdateKey;
import org.echarge.updater.internal.verify.UpdateRefusedException;
import org.osgi.framework.Version;

/**
 * What the update API does, without HTTP: driver updates through {@link DriverUpdater}, firmware
 * staging for the supervisor, and the update server (check, download, then the same verification
 * as an upload). Uploads and downloads go to {@code incoming/} and are deleted afterwards.
 */
public final class UpdateCenter {

    /**
     * @param keyFile the update key (the same for drivers and firmware)
     * @param server the update server's index, empty when none is configured
     */
    public record Settings(Path keyFile, long maxDriverBytes, long maxFirmwareBytes, Optional<URI> server,
            Duration serverTimeout) {
    }

    /** The outcome of a firmware upload or download: staged, and the gateway restarts into it. */
    public record FirmwareStaged(FirmwarePackage.Staged staged, boolean restarting) {
    }

    /** The last check of the update server. */
    public record ServerCheck(Instant checked, List<Available> available, String error) {
    }

    private final DriverUpdater drivers;
    private final Settings settings;
    private final String runningVersion;
    private final Optional<FirmwareLayout> firmware;
    private final Path etc;
    private final Path incoming;
    private final Runnable restart;
    private final Clock clock;
    private final ReentrantLock firmwareLock = new ReentrantLock();
    private volatile ServerCheck lastCheck;

    public UpdateCenter(DriverUpdater drivers, Settings settings, String runningVersion,
            Optional<FirmwareLayout> firmware, Path etc, Path incoming, Runnable restart, Clock clock) {
        this.drivers = drivers;
        this.settings = settings;
        this.runningVersion = runningVersion;
        this.firmware = firmware;
        this.etc = etc;
        this.incoming = incoming;
        this.restart = restart;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public DriverUpdater drivers() {
        return drivers;
    }

    public FirmwareStatus firmwareStatus() {
        return FirmwareStatus.read(runningVersion, firmware, etc);
    }

    public Optional<ServerCheck> lastCheck() {
        return Optional.ofNullable(lastCheck);
    }

    /** Runs a driver update from an uploaded or downloaded package (deleted afterwards). */
    public UpdateReport updateDriver(Path file) {
        try {
            return drivers.update(file);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Verifies and stages a firmware package (deleted afterwards), then has the gateway restart into it. */
    public FirmwareStaged stageFirmware(Path file) throws UpdateProblem {
        try {
            FirmwareLayout layout = firmware.orElseThrow(() -> new UpdateProblem(409, "no-supervisor",
                    "this gateway does not run under the firmware supervisor (bin/echarge-supervisor), so it cannot "
                            + "switch to a new firmware; nothing was changed"));
            if (!firmwareLock.tryLock()) {
                throw new UpdateProblem(409, "update-running", "another firmware update is being staged");
            }
            try {
                FirmwarePackage.Staged staged = new FirmwarePackage(key(), settings.maxFirmwareBytes())
                        .stage(file, layout, runningVersion, firmwareStatus().applicationVersion());
                restart.run();
                return new FirmwareStaged(staged, true);
            } catch (UpdateRefusedException e) {
                throw new UpdateProblem(422, "update-refused", e.getMessage());
            } finally {
                firmwareLock.unlock();
            }
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * The installer has seen that the previous firmware was restored: the indicators go back to
     * normal (the supervisor's marker is removed; its last result stays).
     */
    public void acknowledgeRestored() throws UpdateProblem {
        FirmwareLayout layout = firmware.orElseThrow(() -> new UpdateProblem(409, "no-supervisor",
                "this gateway does not run under the firmware supervisor"));
        try {
            Files.deleteIfExists(layout.restoredMarker());
        } catch (IOException e) {
            throw new UpdateProblem(500, "storage", "cannot remove " + layout.restoredMarker() + ": " + e.getMessage());
        }
    }

    /** Reads the server's index and keeps what this gateway could install. */
    public ServerCheck check() throws UpdateProblem {
        UpdateServerClient client = client();
        try {
            UpdateIndex index = client.fetchIndex();
            ServerCheck check = new ServerCheck(clock.instant(), available(index), null);
            lastCheck = check;
            return check;
        } catch (UpdateRefusedException e) {
            lastCheck = new ServerCheck(clock.instant(), List.of(), e.getMessage());
            throw new UpdateProblem(502, "update-server", e.getMessage());
        }
    }

    /** The entry of the last check (a fresh check if there was none), downloaded and installed. */
    public Object install(String kind, String name, String version) throws UpdateProblem {
        UpdateServerClient client = client();
        ServerCheck check = lastCheck != null && lastCheck.error() == null ? lastCheck : check();
        Available wanted = check.available().stream()
                .filter(a -> a.kind().equals(kind) && a.version().equals(version)
                        && (kind.equals(Available.FIRMWARE) || a.name().equals(name)))
                .findFirst().orElseThrow(() -> new UpdateProblem(404, "not-available", "the update server offers no "
                        + kind + " " + (kind.equals(Available.FIRMWARE) ? "" : name + " ") + version
                        + " newer than the installed version (check again?)"));
        long limit = kind.equals(Available.FIRMWARE) ? settings.maxFirmwareBytes() : settings.maxDriverBytes();
        Path file = newIncoming();
        try {
            client.download(wanted.entry(), file, limit);
        } catch (UpdateRefusedException e) {
            deleteQuietly(file);
            throw new UpdateProblem(502, "update-server", e.getMessage());
        }
        return kind.equals(Available.FIRMWARE) ? stageFirmware(file) : updateDriver(file);
    }

    /** A new empty file in {@code incoming/} for an upload or download. */
    public Path newIncoming() throws UpdateProblem {
        try {
            Files.createDirectories(incoming);
            return Files.createTempFile(incoming, "package-", ".zip");
        } catch (IOException e) {
            throw new UpdateProblem(500, "storage", "cannot store the package: " + e.getMessage());
        }
    }

    private List<Available> available(UpdateIndex index) {
        List<Available> result = new ArrayList<>();
        for (InstalledDriver driver : drivers.drivers()) {
            Version installed = Version.parseVersion(driver.version());
            index.drivers().stream().filter(e -> driver.symbolicName().equals(e.name()))
                    .filter(e -> newer(e.version(), installed))
                    .forEach(e -> result.add(new Available(Available.DRIVER, driver.symbolicName(), e.version(),
                            driver.version(), e)));
        }
        for (UpdateIndex.Entry entry : index.firmware()) {
            try {
                if (FirmwareVersion.parse(entry.version(), "version").compareTo(
                        FirmwareVersion.parse(runningVersion, "running")) > 0) {
                    result.add(new Available(Available.FIRMWARE, Available.FIRMWARE, entry.version(), runningVersion,
                            entry));
                }
            } catch (UpdateRefusedException e) {
                // an entry that is not a version is not offered
            }
        }
        return List.copyOf(result);
    }

    private static boolean newer(String version, Version installed) {
        try {
            return Version.parseVersion(version).compareTo(installed) > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private UpdateServerClient client() throws UpdateProblem {
        URI uri = settings.server().orElseThrow(() -> new UpdateProblem(409, "no-update-server",
                "no update server is configured (updateServerUrl in etc/org.echarge.updater.cfg)"));
        return new UpdateServerClient(uri, settings.serverTimeout());
    }

    private java.security.PublicKey key() throws UpdateRefusedException {
        return UpdateKey.read(settings.keyFile());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // incoming/ is emptied at the next start
        }
    }
}
