package org.echarge.updater.internal;

import java.util.Set;

/** A registered ChargerDriver service: its {@code echarge.driver.id} and the models it offers. */
record DriverService(String driverId, Set<String> modelIds) {

    DriverService {
        modelIds = Set.copyOf(modelIds);
    }
}
