package org.echarge.updater.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.echarge.updater.InstalledDriver;
import org.echarge.updater.PointOutage;
import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateRecord;
import org.echarge.updater.UpdateReport;
import org.echarge.updater.internal.FakeFramework.Behaviour;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update itself against a fake framework on a test clock. The installed 1.0.0 registers its
 * service 1 s and lets its points answer 2 s after it is installed; an update takes 0.5 s.
 */
class UpdateProcedureTest {

    private static final String DRIVER = UpdaterFixture.DRIVER;

    @TempDir
    Path directory;
    private UpdaterFixture gateway;
    private FakeFramework framework;
    private Instant start;
    private byte[] installedJar;

    @BeforeEach
    void gateway() throws Exception {
        gateway = new UpdaterFixture(directory);
        framework = gateway.framework;
        start = gateway.clock.instant();
        installedJar = framework.content;
    }

    @Test
    void updatesInPlaceAndMeasuresTheOutageOfTheDriversPoints() throws Exception {
        framework.point(2).point(3, "other-model", true);
        framework.behaviours.put("1.1.0", new Behaviour(Duration.ofSeconds(2), Duration.ofSeconds(3)));
        byte[] jar = TestBundles.driver(DRIVER, "1.1.0");

        UpdateReport report = gateway.procedure().update(gateway.signed(jar));

        assertEquals(UpdateOutcome.UPDATED, report.outcome(), report.message());
        assertEquals(List.of("1.1.0"), framework.updates);
        assertArrayEquals(jar, framework.content);
        assertEquals("1.0.0", report.fromVersion());
        assertEquals("1.1.0", report.toVersion());
        // update called at +0 s, returned at +0.5 s; service at +2.5 s; points answer from +3.5 s
        assertEquals(Duration.ofMillis(2500), report.driverOutage());
        Instant firstAnswer = start.plusMillis(3500);
        assertEquals(List.of(new PointOutage(1, start, firstAnswer), new PointOutage(2, start, firstAnswer)),
                report.points(), "point 3 has another driver's model");
        assertEquals(Duration.ofMillis(3500), report.longestPointOutage().orElseThrow());
        assertEquals(List.of(), report.notChecked());
        assertEquals(DRIVER + " updated from 1.0.0 to 1.1.0; driver back after 2.5 s, 2 point(s) answered again, "
                + "longest outage 3.5 s", report.message());
        assertArrayEquals(installedJar, Files.readAllBytes(gateway.previousDirectory().resolve(DRIVER + ".jar")),
                "the replaced version is kept");
        assertEquals(List.of(new UpdateRecord(start, UpdateOutcome.UPDATED, DRIVER, "1.0.0", "1.1.0",
                Duration.ofMillis(3500), report.message())), gateway.history.records());
    }

    @Test
    void aPointThatWasNotAnsweringBeforeIsReportedButDoesNotBlockTheUpdate() throws Exception {
        framework.point(2, FakeFramework.MODEL, false);
        framework.behaviours.put("1.1.0", new Behaviour(Duration.ofSeconds(1), Duration.ofSeconds(1)));

        UpdateReport report = gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.1.0")));

        assertEquals(UpdateOutcome.UPDATED, report.outcome(), report.message());
        assertEquals(List.of(2), report.notChecked());
        assertEquals(1, report.points().size());
        assertTrue(report.message().endsWith("; not checked (no recent answer before): points [2]"), report.message());
    }

    @Test
    void rollsBackWhenTheDriverServiceDoesNotComeBack() throws Exception {
        framework.behaviours.put("1.1.0", new Behaviour(null, null));

        UpdateReport report = gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.1.0")));

        assertEquals(UpdateOutcome.ROLLED_BACK, report.outcome(), report.message());
        assertEquals("the updated driver did not register its ChargerDriver service [sim] within 20 s; "
                + "1.0.0 was restored", report.message());
        assertEquals(List.of("1.1.0", "1.0.0"), framework.updates);
        assertEquals("1.0.0", framework.version.toString());
        assertArrayEquals(installedJar, framework.content, "the previous jar is installed again, byte for byte");
        // waited 20 s after the update returned at +0.5 s; restored at +21 s; service 1 s later
        assertEquals(Duration.ofSeconds(22), report.driverOutage());
        assertEquals(Duration.ofSeconds(23), report.points().get(0).outage().orElseThrow());
        assertEquals(UpdateOutcome.ROLLED_BACK, gateway.history.records().get(0).outcome());
    }

    @Test
    void rollsBackWhenThePointsDoNotAnswerAgain() throws Exception {
        framework.point(2);
        framework.behaviours.put("1.1.0", new Behaviour(Duration.ofSeconds(1), null));

        UpdateReport report = gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.1.0")));

        assertEquals(UpdateOutcome.ROLLED_BACK, report.outcome(), report.message());
        assertEquals("points [1, 2] did not answer within 30 s after the update; 1.0.0 was restored", report.message());
        assertEquals("1.0.0", framework.version.toString());
        assertTrue(report.points().stream().allMatch(point -> point.outage().isPresent()),
                "the restored driver's points answer again: " + report.points());
    }

    @Test
    void anUpdateTheFrameworkRefusesChangesNothing() throws Exception {
        framework.failingVersions.add("1.1.0");

        UpdateReport report = gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.1.0")));

        assertEquals(UpdateOutcome.FAILED, report.outcome(), report.message());
        assertEquals("the framework did not take 1.1.0 (cannot update to 1.1.0); 1.0.0 stays installed",
                report.message());
        assertEquals(List.of("1.1.0"), framework.updates, "no rollback: there is nothing to roll back");
        assertEquals("1.0.0", framework.version.toString());
        assertArrayEquals(installedJar, framework.content);
        assertNull(report.driverOutage());
        assertEquals(UpdateOutcome.FAILED, gateway.history.records().get(0).outcome());
    }

    @Test
    void anUpdateThatFailsHalfwayIsRolledBack() throws Exception {
        framework.failingVersions.add("1.1.0");
        framework.failHalfway = true;

        UpdateReport report = gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.1.0")));

        assertEquals(UpdateOutcome.ROLLED_BACK, report.outcome(), report.message());
        assertEquals("installing 1.1.0 failed halfway (cannot update to 1.1.0); 1.0.0 was restored", report.message());
        assertEquals(List.of("1.1.0", "1.0.0"), framework.updates);
        assertArrayEquals(installedJar, framework.content);
    }

    @Test
    void aFailedRollbackIsReportedWithTheKeptJar() throws Exception {
        framework.behaviours.put("1.1.0", new Behaviour(null, null));
        framework.failingVersions.add("1.0.0");

        UpdateReport report = gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.1.0")));

        assertEquals(UpdateOutcome.ROLLBACK_FAILED, report.outcome(), report.message());
        assertTrue(report.message().startsWith("the updated driver did not register its ChargerDriver service [sim] "
                + "within 20 s; restoring 1.0.0 failed too (cannot update to 1.0.0)"), report.message());
        assertTrue(report.message().endsWith(gateway.previousDirectory().resolve(DRIVER + ".jar").toString()));
    }

    @Test
    void theHistoryIsKeptAcrossRestarts() throws Exception {
        framework.behaviours.put("1.1.0", new Behaviour(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.1.0")));
        gateway.procedure().update(gateway.signed(TestBundles.driver(DRIVER, "1.0.5")));

        List<UpdateRecord> reread = new UpdateHistory(directory.resolve("data/history.tsv"), 50).records();

        assertEquals(gateway.history.records(), reread);
        assertEquals(List.of(UpdateOutcome.UPDATED, UpdateOutcome.REFUSED),
                reread.stream().map(UpdateRecord::outcome).toList());
    }

    @Test
    void listsTheInstalledDriversWithTheirServices() {
        assertEquals(List.of(new InstalledDriver(FakeFramework.ID, DRIVER, "1.0.0", "ACTIVE", List.of("sim"),
                List.of("sim-1"))), DriverUpdaterComponent.drivers(framework));
    }
}
