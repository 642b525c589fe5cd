package org.echarge.system.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** What the logs' gateway report and the licence list need of an installed bundle. */
record InstalledBundle(long id, String symbolicName, String name, String version, String state, String license) {

    static List<InstalledBundle> of(BundleContext context) {
        return Arrays.stream(context.getBundles()).map(InstalledBundle::of)
                .sorted(Comparator.comparingLong(InstalledBundle::id)).toList();
    }

    static InstalledBundle of(Bundle bundle) {
        String name = bundle.getHeaders().get(Constants.BUNDLE_NAME);
        return new InstalledBundle(bundle.getBundleId(), bundle.getSymbolicName(),
                name == null ? bundle.getSymbolicName() : name, bundle.getVersion().toString(), state(bundle.getState()),
                bundle.getHeaders().get("Bundle-License"));
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "Uninstalled";
            case Bundle.INSTALLED -> "Installed";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.ACTIVE -> "Active";
            default -> "Unknown (" + state + ")";
        };
    }
}
