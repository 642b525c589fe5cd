package org.echarge.updater.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.apache.felix.framework.FrameworkFactory;
import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The OSGi side on a real framework (Felix 7.0.5, as in Karaf 4.4.10): driver bundles whose
 * activator registers a ChargerDriver, updated in place, copied and restored, next to a bundle
 * that must not notice anything.
 */
class OsgiDriverFrameworkTest {

    private static final String DRIVER = "org.echarge.driver.sim";
    private static final List<DriverService> SIM = List.of(new DriverService("sim", Set.of("sim-1")));

    @TempDir
    Path directory;
    private Framework felix;
    private OsgiDriverFramework framework;
    private Bundle other;
    private Bundle driver;
    private final List<String> othersEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        felix = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, directory.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.echarge.api;version=0.1.0,org.echarge.api.charger;version=0.1.0,"
                        + "org.echarge.api.point;version=0.1.0"));
        felix.start();
        other = install("org.echarge.other", "1.0.0", false);
        driver = install(DRIVER, "1.0.0", true);
        BundleListener listener = event -> {
            if (event.getBundle().getBundleId() != driver.getBundleId()) {
                othersEvents.add(event.getBundle().getSymbolicName() + " " + event.getType());
            }
        };
        felix.getBundleContext().addBundleListener(listener);
        framework = new OsgiDriverFramework(felix.getBundleContext(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void seesTheDriverBundleAndItsService() {
        assertEquals(List.of(new DriverBundle(driver.getBundleId(), DRIVER, new Version("1.0.0"), "ACTIVE", true,
                List.of())), framework.driverBundles());
        assertEquals(SIM, framework.driverServices(driver.getBundleId()));
        assertEquals(List.of(), framework.driverServices(other.getBundleId()));
        assertEquals(List.of(), framework.points());
    }

    @Test
    void updatesInPlaceAndRestoresTheCopiedRevision() throws Exception {
        Path copy = directory.resolve("copy.jar");
        framework.copyBundle(driver.getBundleId(), copy);

        framework.update(driver.getBundleId(), new ByteArrayInputStream(driverJar("1.1.0", true)));

        assertEquals(new Version("1.1.0"), driver.getVersion());
        assertEquals(Bundle.ACTIVE, driver.getState());
        assertEquals(SIM, framework.driverServices(driver.getBundleId()));
        // Felix drops the old revision at once when nothing is wired to it: no refresh was needed
        assertTrue(felix.adapt(FrameworkWiring.class).getRemovalPendingBundles().isEmpty());

        try (InputStream previous = Files.newInputStream(copy)) {
            framework.update(driver.getBundleId(), previous);
        }
        assertEquals(new Version("1.0.0"), driver.getVersion());
        assertEquals(SIM, framework.driverServices(driver.getBundleId()));
        assertEquals(List.of(), othersEvents);
        assertEquals(Bundle.ACTIVE, other.getState());
    }

    @Test
    void theCopyIsTheBundleWithItsManifestFirst() throws Exception {
        Path copy = directory.resolve("copy.jar");
        framework.copyBundle(driver.getBundleId(), copy);

        try (JarInputStream jar = new JarInputStream(Files.newInputStream(copy))) {
            assertEquals(DRIVER, jar.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME));
            List<String> names = new ArrayList<>();
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                names.add(entry.getName());
            }
            assertTrue(names.contains("org/echarge/updater/internal/SimDriverActivator.class"), names.toString());
        }
    }

    @Test
    void theWholeProcedureUpdatesAndRollsBackOnTheRealFramework() throws Exception {
        UpdaterFixture keys = new UpdaterFixture(directory.resolve("gateway"));
        UpdateSettings settings = new UpdateSettings(keys.keyFile, 1024 * 1024, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(50), 10);
        UpdateProcedure procedure = new UpdateProcedure(framework, settings, keys.history,
                directory.resolve("previous"), Clock.systemUTC(), Sleeper.THREAD);

        UpdateReport updated = procedure.update(keys.signed(driverJar("1.1.0", true)));
        assertEquals(UpdateOutcome.UPDATED, updated.outcome(), updated.message());
        assertEquals(new Version("1.1.0"), driver.getVersion());

        // 1.2.0 starts without its activator: no ChargerDriver service, so it is rolled back
        UpdateReport broken = procedure.update(keys.signed(driverJar("1.2.0", false)));
        assertEquals(UpdateOutcome.ROLLED_BACK, broken.outcome(), broken.message());
        assertEquals(new Version("1.1.0"), driver.getVersion());
        assertEquals(Bundle.ACTIVE, driver.getState());
        assertEquals(SIM, framework.driverServices(driver.getBundleId()));
        assertEquals(List.of(), othersEvents);
    }

    @Test
    void aDriverThatFailsToStartIsRolledBackAndTheRestoredOneStarted() throws Exception {
        UpdaterFixture keys = new UpdaterFixture(directory.resolve("gateway"));
        UpdateSettings settings = new UpdateSettings(keys.keyFile, 1024 * 1024, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(50), 10);
        UpdateProcedure procedure = new UpdateProcedure(framework, settings, keys.history,
                directory.resolve("previous"), Clock.systemUTC(), Sleeper.THREAD);
        Map<String, String> headers = new LinkedHashMap<>(TestBundles.driverHeaders(DRIVER, "1.3.0"));
        headers.put("Bundle-Activator", "org.echarge.driver.sim.internal.NoSuchActivator");

        // Felix takes the new revision, then its start fails: the bundle is left RESOLVED
        UpdateReport failing = procedure.update(keys.signed(TestBundles.bundle(headers, 512)));
        assertEquals(UpdateOutcome.ROLLED_BACK, failing.outcome(), failing.message());
        assertTrue(failing.message().contains("failed halfway"), failing.message());
        assertEquals(new Version("1.0.0"), driver.getVersion());
        assertEquals(Bundle.ACTIVE, driver.getState());
        assertEquals(SIM, framework.driverServices(driver.getBundleId()));
        assertEquals(List.of(), othersEvents);
    }

    private Bundle install(String symbolicName, String version, boolean driverActivator) throws Exception {
        byte[] jar = symbolicName.equals(DRIVER) ? driverJar(version, driverActivator)
                : TestBundles.bundle(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName,
                        "Bundle-Version", version), 16);
        Bundle bundle = felix.getBundleContext().installBundle("test:" + symbolicName, new ByteArrayInputStream(jar));
        bundle.start();
        return bundle;
    }

    /** A driver bundle carrying {@link SimDriverActivator}; without the activator header it registers nothing. */
    private static byte[] driverJar(String version, boolean activator) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(TestBundles.driverHeaders(DRIVER, version));
        headers.put("Import-Package", "org.osgi.framework,org.echarge.api,org.echarge.api.charger");
        if (activator) {
            headers.put("Bundle-Activator", SimDriverActivator.class.getName());
        }
        String path = SimDriverActivator.class.getName().replace('.', '/') + ".class";
        try (InputStream in = SimDriverActivator.class.getClassLoader().getResourceAsStream(path)) {
            return TestBundles.bundle(headers, Map.of(path, in.readAllBytes()));
        }
    }
}
