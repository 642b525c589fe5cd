package org.echarge.updater.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.echarge.api.point.PointStatus;

/**
 * Watches one driver bundle's services and its charging points during an update, probing at a
 * fixed interval on the injected clock. An interruption ends every wait at once, as a timeout.
 */
final class HealthCheck {

    private final DriverFramework framework;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private boolean interrupted;

    HealthCheck(DriverFramework framework, Clock clock, Sleeper sleeper, Duration interval) {
        this.framework = framework;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
    }

    /**
     * The last answer of each point of these models that answered at or after {@code recent}; the
     * numbers of the others are added to {@code silent}.
     */
    Map<Integer, Instant> answeringPoints(Set<String> models, Instant recent, List<Integer> silent) {
        Map<Integer, Instant> answering = new TreeMap<>();
        for (PointStatus point : framework.points()) {
            if (!models.contains(point.modelId())) {
                continue;
            }
            if (point.lastAnswer() != null && !point.lastAnswer().isBefore(recent)) {
                answering.put(point.number(), point.lastAnswer());
            } else {
                silent.add(point.number());
            }
        }
        return answering;
    }

    /** When the bundle's ChargerDriver ids satisfy {@code back}; empty at the deadline. */
    Optional<Instant> awaitDriver(long bundleId, Predicate<Set<String>> back, Instant deadline) {
        while (true) {
            Set<String> ids = framework.driverServices(bundleId).stream().map(DriverService::driverId)
                    .collect(Collectors.toSet());
            if (back.test(ids)) {
                return Optional.of(clock.instant());
            }
            if (!clock.instant().isBefore(deadline) || !pause()) {
                return Optional.empty();
            }
        }
    }

    /** Each point's first answer after {@code since}, waiting until all have answered or the deadline. */
    Map<Integer, Instant> awaitAnswers(Set<Integer> points, Instant since, Instant deadline) {
        Map<Integer, Instant> first = new TreeMap<>();
        while (true) {
            for (PointStatus point : framework.points()) {
                boolean answeredSince = point.lastAnswer() != null && point.lastAnswer().isAfter(since);
                if (answeredSince && points.contains(point.number())) {
                    first.putIfAbsent(point.number(), point.lastAnswer());
                }
            }
            if (first.size() == points.size() || !clock.instant().isBefore(deadline) || !pause()) {
                return first;
            }
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    private boolean pause() {
        if (interrupted) {
            return false;
        }
        try {
            sleeper.sleep(interval);
            return true;
        } catch (InterruptedException e) {
            interrupted = true;
            return false;
        }
    }
}
