package org.echarge.updater.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.echarge.updater.PointOutage;
import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateReport;
import org.echarge.updater.internal.verify.PackageVerifier;
import org.echarge.updater.internal.verify.UpdateKey;
import org.echarge.updater.internal.verify.UpdateRefusedException;
import org.echarge.updater.internal.verify.VerifiedUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One driver update from package to report: verify, check against the installed bundle, keep
 * the installed version, update in place, health check, roll back on failure, record.
 */
final class UpdateProcedure {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateProcedure.class);

    private final DriverFramework framework;
    private final UpdateSettings settings;
    private final UpdateHistory history;
    private final Path previousDirectory;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock running = new ReentrantLock();

    UpdateProcedure(DriverFramework framework, UpdateSettings settings, UpdateHistory history, Path previousDirectory,
            Clock clock, Sleeper sleeper) {
        this.framework = framework;
        this.settings = settings;
        this.history = history;
        this.previousDirectory = previousDirectory;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    UpdateReport update(Path file) {
        Attempt attempt = new Attempt(clock.instant(), new HealthCheck(framework, clock, sleeper,
                settings.probeInterval()));
        UpdateReport report;
        if (!running.tryLock()) {
            report = attempt.end(UpdateOutcome.REFUSED,
                    "another driver update is running; try again when it has ended");
        } else {
            try {
                report = run(file, attempt);
            } finally {
                running.unlock();
            }
        }
        if (report.succeeded()) {
            LOG.info("Driver update {}: {}", file, report.message());
        } else {
            LOG.warn("Driver update {} {}: {}", file, report.outcome(), report.message());
        }
        try {
            history.add(report.toRecord());
        } catch (IOException e) {
            LOG.error("Driver update history could not be written", e);
        }
        if (attempt.interrupted) {
            Thread.currentThread().interrupt();
        }
        return report;
    }

    private UpdateReport run(Path file, Attempt attempt) {
        VerifiedUpdate update;
        DriverBundle installed;
        try {
            update = new PackageVerifier(UpdateKey.read(settings.publicKeyFile()), settings.maxPackageBytes())
                    .verify(file);
            attempt.symbolicName = update.symbolicName();
            attempt.toVersion = update.version().toString();
            installed = installedBundle(update);
            attempt.fromVersion = installed.version().toString();
            check(update, installed);
        } catch (UpdateRefusedException e) {
            return attempt.end(UpdateOutcome.REFUSED, e.getMessage());
        }
        return apply(update, installed, attempt);
    }

    private DriverBundle installedBundle(VerifiedUpdate update) throws UpdateRefusedException {
        List<DriverBundle> installed = framework.driverBundles().stream()
                .filter(bundle -> bundle.symbolicName().equals(update.symbolicName())).toList();
        if (installed.isEmpty()) {
            throw new UpdateRefusedException("no driver bundle " + update.symbolicName() + " is installed: an update "
                    + "replaces an installed driver (a new driver comes with its feature)");
        }
        if (installed.size() > 1) {
            throw new UpdateRefusedException(update.symbolicName() + " is installed " + installed.size()
                    + " times (bundles " + installed.stream().map(b -> Long.toString(b.id())).toList()
                    + "); remove the extra ones first");
        }
        return installed.get(0);
    }

    private static void check(VerifiedUpdate update, DriverBundle installed) throws UpdateRefusedException {
        String name = installed.symbolicName();
        if (!installed.declaresDriver()) {
            throw new UpdateRefusedException("the installed " + name + " declares no ChargerDriver service: it is not "
                    + "a charger driver");
        }
        int comparison = update.version().compareTo(installed.version());
        if (comparison == 0) {
            throw new UpdateRefusedException(name + " " + update.version() + " is already installed");
        }
        if (comparison < 0) {
            throw new UpdateRefusedException(name + " " + update.version() + " is older than the installed "
                    + installed.version() + "; only newer versions are accepted");
        }
        if (!installed.active()) {
            throw new UpdateRefusedException(name + " is " + installed.state() + ", not ACTIVE: start or repair it "
                    + "before updating it");
        }
        if (!installed.dependents().isEmpty()) {
            throw new UpdateRefusedException("bundles " + installed.dependents() + " are wired to " + name
                    + "; updating it would restart them");
        }
    }

    private UpdateReport apply(VerifiedUpdate update, DriverBundle installed, Attempt attempt) {
        List<DriverService> servicesBefore = framework.driverServices(installed.id());
        Set<String> driverIds = servicesBefore.stream().map(DriverService::driverId).collect(Collectors.toSet());
        Set<String> models = servicesBefore.stream().flatMap(s -> s.modelIds().stream()).collect(Collectors.toSet());
        Path backup = previousDirectory.resolve(installed.symbolicName() + ".jar");
        try {
            Files.createDirectories(previousDirectory);
            framework.copyBundle(installed.id(), backup);
        } catch (IOException e) {
            return attempt.end(UpdateOutcome.FAILED, "cannot keep " + attempt.fromVersion + " for a rollback ("
                    + e.getMessage() + "); nothing was changed");
        }
        List<Integer> notChecked = new ArrayList<>();
        attempt.lastBefore = attempt.health.answeringPoints(models,
                clock.instant().minus(settings.pointTimeout()), notChecked);
        attempt.notChecked = notChecked.stream().sorted().toList();
        attempt.updateStart = clock.instant();
        try {
            framework.update(installed.id(), new ByteArrayInputStream(update.jar()));
        } catch (Exception e) {
            attempt.interruptedBy(e);
            if (bundle(installed.id()).map(b -> b.version().equals(installed.version())).orElse(false)) {
                return attempt.end(UpdateOutcome.FAILED, "the framework did not take " + attempt.toVersion + " ("
                        + describe(e) + "); " + attempt.fromVersion + " stays installed");
            }
            return rollback(attempt, installed.id(), backup, driverIds,
                    "installing " + attempt.toVersion + " failed halfway (" + describe(e) + ")");
        }
        Optional<String> problem = problemAfterUpdate(attempt, installed, update, driverIds);
        if (problem.isPresent()) {
            return rollback(attempt, installed.id(), backup, driverIds, problem.get());
        }
        return attempt.end(UpdateOutcome.UPDATED, attempt.symbolicName + " updated from " + attempt.fromVersion
                + " to " + attempt.toVersion + "; driver back after " + seconds(attempt.driverOutage)
                + pointSummary(attempt));
    }

    /** The health check of the new version: its version, its driver services, then its points' answers. */
    private Optional<String> problemAfterUpdate(Attempt attempt, DriverBundle installed, VerifiedUpdate update,
            Set<String> driverIds) {
        Instant updated = clock.instant();
        Predicate<Set<String>> back = driverIds.isEmpty() ? ids -> !ids.isEmpty() : ids -> ids.containsAll(driverIds);
        Optional<Instant> driverBack = attempt.health.awaitDriver(installed.id(), back,
                updated.plus(settings.driverTimeout()));
        Optional<DriverBundle> now = bundle(installed.id());
        if (now.isEmpty() || !now.get().version().equals(update.version())) {
            return Optional.of("after the update the framework reports " + installed.symbolicName() + " "
                    + now.map(b -> b.version().toString()).orElse("as uninstalled") + " instead of "
                    + update.version());
        }
        String interrupted = attempt.health.interrupted() ? " (the health check was interrupted)" : "";
        if (driverBack.isEmpty()) {
            return Optional.of("the updated driver did not register its ChargerDriver service"
                    + (driverIds.isEmpty() ? "" : " " + driverIds) + " within " + settings.driverTimeout().toSeconds()
                    + " s" + interrupted);
        }
        attempt.driverOutage = Duration.between(attempt.updateStart, driverBack.get());
        List<Integer> silent = awaitPoints(attempt, updated);
        if (!silent.isEmpty()) {
            return Optional.of("points " + silent + " did not answer within " + settings.pointTimeout().toSeconds()
                    + " s after the update" + interrupted);
        }
        return Optional.empty();
    }

    private UpdateReport rollback(Attempt attempt, long bundleId, Path backup, Set<String> driverIds, String problem) {
        LOG.warn("Driver update of {} to {} failed: {}; restoring {}", attempt.symbolicName, attempt.toVersion,
                problem, attempt.fromVersion);
        attempt.driverOutage = null;
        try (InputStream previous = Files.newInputStream(backup)) {
            framework.update(bundleId, previous);
        } catch (Exception e) {
            attempt.interruptedBy(e);
            return attempt.end(UpdateOutcome.ROLLBACK_FAILED, problem + "; restoring " + attempt.fromVersion
                    + " failed too (" + describe(e) + "): the driver's points have no driver; the previous jar is "
                    + backup);
        }
        Instant restored = clock.instant();
        Optional<Instant> back = attempt.health.awaitDriver(bundleId, ids -> ids.containsAll(driverIds),
                restored.plus(settings.driverTimeout()));
        if (back.isEmpty()) {
            return attempt.end(UpdateOutcome.ROLLBACK_FAILED, problem + "; " + attempt.fromVersion + " was restored "
                    + "but did not register its ChargerDriver service " + driverIds + " within "
                    + settings.driverTimeout().toSeconds() + " s");
        }
        attempt.driverOutage = Duration.between(attempt.updateStart, back.get());
        List<Integer> silent = awaitPoints(attempt, restored);
        return attempt.end(UpdateOutcome.ROLLED_BACK, problem + "; " + attempt.fromVersion + " was restored"
                + (silent.isEmpty() ? "" : ", points " + silent + " have not answered again yet"));
    }

    /** Waits for the points that answered before to answer after {@code since}; returns those that did not. */
    private List<Integer> awaitPoints(Attempt attempt, Instant since) {
        Map<Integer, Instant> firstAfter = attempt.health.awaitAnswers(attempt.lastBefore.keySet(), since,
                since.plus(settings.pointTimeout()));
        attempt.points = attempt.lastBefore.entrySet().stream()
                .map(e -> new PointOutage(e.getKey(), e.getValue(), firstAfter.get(e.getKey()))).toList();
        return attempt.lastBefore.keySet().stream().filter(number -> !firstAfter.containsKey(number)).toList();
    }

    private Optional<DriverBundle> bundle(long id) {
        return framework.driverBundles().stream().filter(bundle -> bundle.id() == id).findFirst();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String pointSummary(Attempt attempt) {
        Optional<Duration> longest = attempt.points.stream().flatMap(p -> p.outage().stream()).max(Duration::compareTo);
        String answered = longest.map(d -> ", " + attempt.points.size() + " point(s) answered again, longest outage "
                + seconds(d)).orElse(", no point of this driver was answering before the update");
        return answered + (attempt.notChecked.isEmpty() ? "" : "; not checked (no recent answer before): points "
                + attempt.notChecked);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** What one attempt has found out so far; the report is built from it. */
    private final class Attempt {

        final Instant started;
        final HealthCheck health;
        String symbolicName = "";
        String fromVersion = "";
        String toVersion = "";
        Instant updateStart;
        Duration driverOutage;
        Map<Integer, Instant> lastBefore = Map.of();
        List<PointOutage> points = List.of();
        List<Integer> notChecked = List.of();
        boolean interrupted;

        Attempt(Instant started, HealthCheck health) {
            this.started = started;
            this.health = health;
        }

        void interruptedBy(Exception e) {
            interrupted |= e instanceof InterruptedException;
        }

        UpdateReport end(UpdateOutcome outcome, String message) {
            interrupted |= health.interrupted();
            if (points.isEmpty() && !lastBefore.isEmpty()) {
                points = lastBefore.entrySet().stream().map(e -> new PointOutage(e.getKey(), e.getValue(), null))
                        .toList();
            }
            return new UpdateReport(outcome, symbolicName, fromVersion, toVersion, message, started,
                    Duration.between(started, clock.instant()), driverOutage, points, notChecked);
        }
    }
}
