package org.echarge.updater.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.echarge.api.point.PointStatus;

/** The few framework operations a driver update needs; {@link OsgiDriverFramework} in the gateway, a fake in tests. */
interface DriverFramework {

    /** Every installed bundle whose symbolic name starts with {@code org.echarge.driver.}. */
    List<DriverBundle> driverBundles();

    /** Writes the bundle's current revision as a jar that {@link #update} can install again. */
    void copyBundle(long bundleId, Path target) throws IOException;

    /**
     * Replaces the bundle's content in place (same bundle id, same location) and refreshes that
     * bundle alone if the framework keeps its old revision around. If this throws, the framework
     * kept the old revision (OSGi Core, Bundle.update).
     */
    void update(long bundleId, InputStream jar) throws Exception;

    /** The ChargerDriver services the bundle has registered right now. */
    List<DriverService> driverServices(long bundleId);

    /** The status of every charging point right now. */
    List<PointStatus> points();
}
