package org.echarge.updater.internal.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.echarge.updater.InstalledDriver;
import org.echarge.updater.PointOutage;
import org.echarge.updater.UpdateRecord;
import org.echarge.updater.UpdateReport;

/** What the commands print, apart from the tables. */
final class UpdateListing {

    private UpdateListing() {
    }

    static List<String> report(UpdateReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Outcome:      " + report.outcome());
        if (!report.symbolicName().isEmpty()) {
            lines.add("Driver:       " + report.symbolicName() + " " + orUnknown(report.fromVersion()) + " -> "
                    + orUnknown(report.toVersion()));
        }
        lines.add("Message:      " + report.message());
        lines.add("Took:         " + seconds(report.duration())
                + (report.driverOutage() == null ? "" : ", driver outage " + seconds(report.driverOutage())));
        for (PointOutage point : report.points()) {
            lines.add(String.format(Locale.ROOT, "Point %-7s %s", point.number() + ":",
                    point.outage().map(d -> "outage " + seconds(d)).orElse("did not answer again")));
        }
        if (!report.notChecked().isEmpty()) {
            lines.add("Not checked:  points " + report.notChecked() + " (no recent answer before the update)");
        }
        return lines;
    }

    /**
     * Drivers whose installed version is not the one their last field update left: something else
     * (e.g. a features deployment, which only knows the version its feature names) replaced it.
     */
    static List<String> undoneUpdates(List<InstalledDriver> drivers, List<UpdateRecord> history) {
        Map<String, Optional<String>> expected = new HashMap<>();
        for (UpdateRecord record : history) {
            switch (record.outcome()) {
                case UPDATED -> expected.put(record.symbolicName(), Optional.of(record.toVersion()));
                case ROLLBACK_FAILED -> expected.put(record.symbolicName(), Optional.empty());
                default -> {
                    // REFUSED, FAILED, ROLLED_BACK leave the installed version as it was
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        for (InstalledDriver driver : drivers) {
            expected.getOrDefault(driver.symbolicName(), Optional.empty())
                    .filter(version -> !version.equals(driver.version()))
                    .ifPresent(version -> warnings.add("Warning: " + driver.symbolicName() + " was updated to "
                            + version + " in the field but " + driver.version() + " is installed: the update was "
                            + "undone (for example by a features deployment); apply it again"));
        }
        return warnings;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String orUnknown(String version) {
        return version.isEmpty() ? "?" : version;
    }
}
