package org.echarge.updater.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.echarge.updater.InstalledDriver;
import org.echarge.updater.PointOutage;
import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateRecord;
import org.echarge.updater.UpdateReport;
import org.junit.jupiter.api.Test;

class UpdateListingTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final String KEBA = "org.echarge.driver.keba";

    @Test
    void printsAReportLineByLine() {
        UpdateReport report = new UpdateReport(UpdateOutcome.UPDATED, KEBA, "1.0.0", "1.1.0", "done", T,
                Duration.ofMillis(4200), Duration.ofMillis(1500),
                List.of(new PointOutage(1, T, T.plusMillis(2300)), new PointOutage(2, T, null)), List.of(3));

        assertEquals(List.of(
                "Outcome:      UPDATED",
                "Driver:       org.echarge.driver.keba 1.0.0 -> 1.1.0",
                "Message:      done",
                "Took:         4.2 s, driver outage 1.5 s",
                "Point 1:      outage 2.3 s",
                "Point 2:      did not answer again",
                "Not checked:  points [3] (no recent answer before the update)"), UpdateListing.report(report));
    }

    @Test
    void warnsWhenAFieldUpdateWasUndone() {
        List<UpdateRecord> history = List.of(
                record(UpdateOutcome.UPDATED, KEBA, "1.0.0", "1.1.0"),
                record(UpdateOutcome.ROLLED_BACK, KEBA, "1.1.0", "1.2.0"),
                record(UpdateOutcome.UPDATED, "org.echarge.driver.abl", "2.0.0", "2.1.0"),
                record(UpdateOutcome.REFUSED, "org.echarge.driver.abl", "2.1.0", "1.0.0"));
        List<InstalledDriver> installed = List.of(driver(KEBA, "1.0.0"), driver("org.echarge.driver.abl", "2.1.0"),
                driver("org.echarge.driver.alfen", "0.1.0"));

        assertEquals(List.of("Warning: org.echarge.driver.keba was updated to 1.1.0 in the field but 1.0.0 is "
                + "installed: the update was undone (for example by a features deployment); apply it again"),
                UpdateListing.undoneUpdates(installed, history));
    }

    private static UpdateRecord record(UpdateOutcome outcome, String name, String from, String to) {
        return new UpdateRecord(T, outcome, name, from, to, null, "");
    }

    private static InstalledDriver driver(String name, String version) {
        return new InstalledDriver(1, name, version, "ACTIVE", List.of(), List.of());
    }
}
