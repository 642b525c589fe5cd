package org.echarge.updater.internal;

import java.util.List;

import org.osgi.framework.Version;

/**
 * An installed driver bundle as the updater sees it.
 *
 * @param state the bundle state's name, e.g. {@code ACTIVE}
 * @param declaresDriver its manifest declares a ChargerDriver service
 * @param dependents the other bundles that a refresh of this one would restart (wired to it)
 */
record DriverBundle(long id, String symbolicName, Version version, String state, boolean declaresDriver,
        List<String> dependents) {

    static final String ACTIVE = "ACTIVE";

    DriverBundle {
        dependents = List.copyOf(dependents);
    }

    boolean active() {
        return ACTIVE.equals(state);
    }
}
