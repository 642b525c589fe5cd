package org.echarge.updater;

import java.util.List;

/**
 * An installed charger driver bundle.
 *
 * @param state the bundle's state, e.g. {@code ACTIVE}
 * @param driverIds the {@code echarge.driver.id} of each ChargerDriver service it registers now
 * @param modelIds the charger models those services offer
 */
public record InstalledDriver(long bundleId, String symbolicName, String version, String state,
        List<String> driverIds, List<String> modelIds) {

    public InstalledDriver {
        driverIds = List.copyOf(driverIds);
        modelIds = List.copyOf(modelIds);
    }
}
