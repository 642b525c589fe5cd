package org.echarge.updater.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;

import org.echarge.api.fault.PointFault;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.echarge.testsupport.MutableClock;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;

/**
 * One installed driver bundle (id 42) and its points on a hand-moved clock. Each version
 * registers its service and lets its points answer a set time after it was installed (or never).
 */
final class FakeFramework implements DriverFramework {

    static final long ID = 42;
    static final String MODEL = "sim-1";
    static final String DRIVER_ID = "sim";

    /** When a version's service appears and its points answer, after it was installed; null = never. */
    record Behaviour(Duration serviceAfter, Duration answersAfter) {
    }

    private final MutableClock clock;
    final String symbolicName;
    Version version;
    byte[] content;
    String state = DriverBundle.ACTIVE;
    boolean declaresDriver = true;
    List<String> dependents = List.of();
    Duration updateTakes = Duration.ofMillis(500);
    final Map<String, Behaviour> behaviours = new HashMap<>();
    /** update() of these versions throws, after installing them if {@link #failHalfway}. */
    final Set<String> failingVersions = new HashSet<>();
    boolean failHalfway;
    /** The versions update() was called with, in order. */
    final List<String> updates = new ArrayList<>();
    int copies;
    private Instant installedAt;
    private final Map<Integer, Point> points = new HashMap<>();

    private static final class Point {
        final String model;
        final boolean online;
        Instant lastAnswer;

        Point(String model, boolean online, Instant lastAnswer) {
            this.model = model;
            this.online = online;
            this.lastAnswer = lastAnswer;
        }
    }

    FakeFramework(MutableClock clock, String symbolicName, String version) {
        this.clock = clock;
        this.symbolicName = symbolicName;
        this.version = Version.parseVersion(version);
        this.content = TestBundles.driver(symbolicName, version);
        this.installedAt = clock.instant().minus(Duration.ofHours(1));
        behaviours.put(version, new Behaviour(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    /** A point of the driver's model that answers whenever the running version lets it. */
    FakeFramework point(int number) {
        return point(number, MODEL, true);
    }

    FakeFramework point(int number, String model, boolean online) {
        Instant lastAnswer = online ? clock.instant() : clock.instant().minus(Duration.ofMinutes(10));
        points.put(number, new Point(model, online, lastAnswer));
        return this;
    }

    @Override
    public List<DriverBundle> driverBundles() {
        return List.of(new DriverBundle(ID, symbolicName, version, state, declaresDriver, dependents));
    }

    @Override
    public void copyBundle(long bundleId, Path target) throws IOException {
        copies++;
        Files.write(target, content);
    }

    @Override
    public void update(long bundleId, InputStream jar) throws IOException, BundleException {
        byte[] bytes = jar.readAllBytes();
        String next;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            next = in.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
        updates.add(next);
        clock.advance(updateTakes);
        if (failingVersions.contains(next)) {
            if (failHalfway) {
                install(bytes, next);
            }
            throw new BundleException("cannot update to " + next);
        }
        install(bytes, next);
    }

    private void install(byte[] bytes, String next) {
        content = bytes;
        version = Version.parseVersion(next);
        installedAt = clock.instant();
    }

    @Override
    public List<DriverService> driverServices(long bundleId) {
        Duration after = behaviour().serviceAfter();
        return after != null && !clock.instant().isBefore(installedAt.plus(after))
                ? List.of(new DriverService(DRIVER_ID, Set.of(MODEL))) : List.of();
    }

    @Override
    public List<PointStatus> points() {
        Duration after = behaviour().answersAfter();
        boolean answering = after != null && !clock.instant().isBefore(installedAt.plus(after));
        List<PointStatus> statuses = new ArrayList<>();
        points.forEach((number, point) -> {
            if (point.online && answering && point.model.equals(MODEL)) {
                point.lastAnswer = clock.instant();
            }
            statuses.add(new PointStatus(number, "Point " + number, point.model, "127.0.0.1:502", true,
                    PointState.NOT_AVAILABLE, null, false, PointFault.NO_ERROR, "", false, false, false, 16,
                    SessionInfo.NONE, point.lastAnswer));
        });
        return statuses;
    }

    private Behaviour behaviour() {
        return behaviours.getOrDefault(version.toString(), new Behaviour(null, null));
    }
}
