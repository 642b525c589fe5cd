package org.echarge.updater.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
import org.echarge.updater.internal.verify.BundleHeaders;
import org.echarge.updater.internal.verify.PackageFormat;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The updater's framework operations on the real OSGi framework. The update is
 * {@code Bundle.update(InputStream)} without the features service (which would resolve and may
 * refresh far more than the driver, karaf-stack.md pitfall 8), followed by a refresh of the driver
 * bundle alone, and only if the framework keeps its old revision pending removal.
 */
final class OsgiDriverFramework implements DriverFramework {

    private static final Logger LOG = LoggerFactory.getLogger(OsgiDriverFramework.class);

    private final BundleContext context;
    private final Duration refreshTimeout;

    OsgiDriverFramework(BundleContext context, Duration refreshTimeout) {
        this.context = context;
        this.refreshTimeout = refreshTimeout;
    }

    @Override
    public List<DriverBundle> driverBundles() {
        FrameworkWiring wiring = wiring();
        List<DriverBundle> drivers = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(PackageFormat.DRIVER_PREFIX)) {
                continue;
            }
            List<String> dependents = wiring.getDependencyClosure(List.of(bundle)).stream()
                    .filter(other -> other.getBundleId() != bundle.getBundleId())
                    .map(other -> other.getSymbolicName() + " [" + other.getBundleId() + "]").sorted().toList();
            drivers.add(new DriverBundle(bundle.getBundleId(), name, bundle.getVersion(), state(bundle.getState()),
                    BundleHeaders.providesChargerDriver(bundle.getHeaders("").get(Constants.PROVIDE_CAPABILITY)),
                    dependents));
        }
        return drivers;
    }

    @Override
    public void copyBundle(long bundleId, Path target) throws IOException {
        BundleJar.write(bundle(bundleId), target);
    }

    @Override
    public void update(long bundleId, InputStream jar) throws BundleException, InterruptedException {
        Bundle bundle = bundle(bundleId);
        boolean wasActive = bundle.getState() == Bundle.ACTIVE;
        try {
            bundle.update(jar);
        } catch (BundleException | RuntimeException e) {
            // the old revision stays; make sure it runs again as before
            if (wasActive && bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.UNINSTALLED) {
                try {
                    bundle.start();
                } catch (BundleException startFailure) {
                    e.addSuppressed(startFailure);
                }
            }
            throw e;
        }
        FrameworkWiring wiring = wiring();
        if (wiring.getRemovalPendingBundles().contains(bundle)) {
            refresh(wiring, bundle);
        }
        // Only ACTIVE drivers are updated, so the new revision must run too. Bundle.update starts
        // it again only if the bundle was ACTIVE: after a revision that failed to start (left
        // RESOLVED), the restore of the previous one would otherwise stay stopped.
        if (bundle.getState() == Bundle.RESOLVED || bundle.getState() == Bundle.INSTALLED) {
            bundle.start();
        }
    }

    private void refresh(FrameworkWiring wiring, Bundle bundle) throws BundleException, InterruptedException {
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(bundle));
        if (closure.size() > 1) {
            LOG.warn("Refreshing {} also refreshes {}", bundle.getSymbolicName(), closure);
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> refreshed.countDown());
        if (!refreshed.await(refreshTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new BundleException("the refresh of " + bundle.getSymbolicName() + " did not end within "
                    + refreshTimeout.toSeconds() + " s");
        }
    }

    @Override
    public List<DriverService> driverServices(long bundleId) {
        List<DriverService> services = new ArrayList<>();
        for (ServiceReference<ChargerDriver> reference : references(ChargerDriver.class)) {
            Bundle owner = reference.getBundle();
            if (owner == null || owner.getBundleId() != bundleId) {
                continue;
            }
            ChargerDriver driver = context.getService(reference);
            if (driver == null) {
                continue;
            }
            try {
                Set<String> models = driver.models().stream().map(ChargerModel::id).collect(Collectors.toSet());
                services.add(new DriverService(String.valueOf(reference.getProperty(ChargerDriver.DRIVER_ID)), models));
            } catch (RuntimeException e) {
                LOG.warn("ChargerDriver of bundle {} failed to list its models", bundleId, e);
            } finally {
                context.ungetService(reference);
            }
        }
        return services;
    }

    @Override
    public List<PointStatus> points() {
        List<PointStatus> points = new ArrayList<>();
        for (ServiceReference<ChargingPoint> reference : references(ChargingPoint.class)) {
            ChargingPoint point = context.getService(reference);
            if (point != null) {
                try {
                    points.add(point.status());
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        return points;
    }

    private <S> Collection<ServiceReference<S>> references(Class<S> type) {
        try {
            return context.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter is always valid", e);
        }
    }

    private Bundle bundle(long id) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new IllegalStateException("bundle " + id + " is no longer installed");
        }
        return bundle;
    }

    private FrameworkWiring wiring() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> DriverBundle.ACTIVE;
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
