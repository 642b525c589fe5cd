package org.echarge.updater;

import java.nio.file.Path;
import java.util.List;

/**
 * Updates one charger driver bundle in the field while the rest of the gateway keeps running.
 * A package is verified completely (signature, integrity, bundle, version) before anything
 * changes; after the update the driver's service and its charging points must come back within
 * the configured times, otherwise the previous version is restored.
 */
public interface DriverUpdater {

    /**
     * Verifies and applies a driver update package. Blocks until the update is done, including the
     * health check and a rollback (at most the configured driver and point timeouts, twice). One
     * update runs at a time; a second caller is refused. Never throws for a bad package or a failed
     * update: the report says what happened, and every report is added to the {@link #history()}.
     */
    UpdateReport update(Path updatePackage);

    /** The installed driver bundles ({@code org.echarge.driver.*}), ordered by symbolic name. */
    List<InstalledDriver> drivers();

    /** The kept update attempts, oldest first (bounded; persisted across restarts). */
    List<UpdateRecord> history();
}
