package org.echarge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;

import org.echarge.api.point.PointStatus;
import org.echarge.updater.DriverUpdater;
import org.echarge.updater.UpdateOutcome;
import org.echarge.updater.UpdateReport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleListener;

/**
 * A signed field update of a real driver (KEBA) in the distribution while the three simulated
 * points (another driver, polled every second) are sampled every 100 ms: they miss no poll, no
 * other bundle gets an event or changes, the KEBA point answers again. Then a KEBA build that
 * starts but registers no driver, and one that fails to start, are rolled back. The KEBA station is scripts/keba-sim.py
 * (pymodbus) on 127.0.0.1. One Karaf for both steps.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverUpdateIT extends GatewayTestSupport {

    private static final String KEBA = "org.echarge.driver.keba";
    private static final int KEBA_POINT = 4;

    /** How a rebuilt driver is broken. */
    private enum Build {
        GOOD,
        /** no Service-Component header: it starts, but registers no driver (its manifest still declares one) */
        NO_COMPONENT,
        /** a Bundle-Activator that does not exist: it fails to start */
        MISSING_ACTIVATOR
    }

    @Inject
    private DriverUpdater updater;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.echarge.updater.cfg", "driverTimeoutSeconds", "5"),
                editConfigurationFilePut("etc/org.echarge.updater.cfg", "pointTimeoutSeconds", "40"));
    }

    @Test
    public void kebaIsUpdatedInPlaceWhileTheOtherPointsMissNoPollAndABrokenBuildIsRolledBack() throws Exception {
        int kebaPort = Integer.parseInt(freePort());
        File root = new File(System.getProperty("echarge.itest.target")).getParentFile().getParentFile();
        Process keba = new ProcessBuilder("/usr/bin/python3", new File(root, "scripts/keba-sim.py").getPath(),
                Integer.toString(kebaPort)).redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("echarge.itest.target"), "keba-sim.log")).start();
        try {
            configureDemoSite();
            Dictionary<String, Object> point = new Hashtable<>();
            point.put("number", KEBA_POINT);
            point.put("model", "keba-p30-c");
            point.put("host", "127.0.0.1");
            point.put("port", kebaPort);
            point.put("unitId", 255);
            configurationAdmin.createFactoryConfiguration("org.echarge.point", "?").update(point);
            waitFor("all " + (POINTS + 1) + " points to answer", Duration.ofSeconds(60),
                    () -> pointStatuses().size() == POINTS + 1 && pointStatuses().stream().allMatch(PointStatus::answered));
            KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(Path.of(System.getProperty("karaf.etc"), "echarge-update.pub"),
                    "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                            .encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            Bundle driver = bundle(KEBA);
            String shipped = driver.getVersion().toString();

            // 1. the update, while every point is sampled
            Observed good = observe(driver,
                    () -> updater.update(signed(rebuild(shipped + "-u1", Build.GOOD), key.getPrivate())));
            assertEquals(good.report.message(), UpdateOutcome.UPDATED, good.report.outcome());
            assertEquals(shipped + "-u1", driver.getVersion().toString());
            assertEquals(List.of(), good.otherBundleEvents);
            assertEquals("other bundles: same ids, states and start times", good.before, good.after);
            assertEquals(good.report.toString(), List.of(KEBA_POINT),
                    good.report.points().stream().map(p -> p.number()).toList());
            assertTrue(good.report.toString(), good.report.points().get(0).firstAnswerAfter() != null);
            for (int n = 1; n <= POINTS; n++) {
                assertEquals("polls missed by simulated point " + n + ": " + good.answers.get(n), 0,
                        missedPolls(good.answers.get(n), Duration.ofSeconds(1)));
            }

            // 2. a build that starts but registers no ChargerDriver: rolled back to -u1
            Observed broken = observe(driver,
                    () -> updater.update(signed(rebuild(shipped + "-u2", Build.NO_COMPONENT), key.getPrivate())));
            assertEquals(broken.report.message(), UpdateOutcome.ROLLED_BACK, broken.report.outcome());
            assertTrue(broken.report.message(), broken.report.message()
                    .contains("did not register its ChargerDriver service [keba] within 5 s"));
            assertEquals(shipped + "-u1", driver.getVersion().toString());
            assertEquals(Bundle.ACTIVE, driver.getState());
            assertEquals(List.of(), broken.otherBundleEvents);
            assertEquals(broken.before, broken.after);
            for (int n = 1; n <= POINTS; n++) {
                assertEquals("polls missed by simulated point " + n + " during the rollback", 0,
                        missedPolls(broken.answers.get(n), Duration.ofSeconds(1)));
            }

            // 3. a build that fails to start: the previous version is restored
            Observed failing = observe(driver,
                    () -> updater.update(signed(rebuild(shipped + "-u3", Build.MISSING_ACTIVATOR), key.getPrivate())));
            assertEquals(failing.report.message(), UpdateOutcome.ROLLED_BACK, failing.report.outcome());
            assertEquals(shipped + "-u1", driver.getVersion().toString());
            assertEquals(Bundle.ACTIVE, driver.getState());
            assertEquals(List.of(), failing.otherBundleEvents);
            assertEquals(failing.before, failing.after);
            Instant now = Instant.now();
            waitFor("the KEBA point to answer the restored driver", Duration.ofSeconds(40), () -> pointStatuses().stream()
                    .anyMatch(s -> s.number() == KEBA_POINT && s.lastAnswer() != null && s.lastAnswer().isAfter(now)));
        } finally {
            keba.destroy();
        }
    }

    /** What an update did around it: the report, other bundles' events and fingerprints, every answer. */
    private record Observed(UpdateReport report, List<String> otherBundleEvents, Map<Long, String> before,
            Map<Long, String> after, Map<Integer, TreeSet<Instant>> answers) {
    }

    private interface Update {
        UpdateReport run() throws Exception;
    }

    private Observed observe(Bundle driver, Update update) throws Exception {
        Map<Long, String> before = fingerprints(driver);
        List<String> events = new CopyOnWriteArrayList<>();
        BundleListener listener = event -> {
            if (event.getBundle().getBundleId() != driver.getBundleId()) {
                events.add(event.getBundle().getSymbolicName() + " " + event.getType());
            }
        };
        Map<Integer, TreeSet<Instant>> answers = new TreeMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (answers) {
                    for (PointStatus status : pointStatuses()) {
                        if (status.lastAnswer() != null) {
                            answers.computeIfAbsent(status.number(), n -> new TreeSet<>()).add(status.lastAnswer());
                        }
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "itest-sampler");
        context.addBundleListener(listener);
        sampler.start();
        UpdateReport report;
        try {
            Thread.sleep(3000); // answers before the update
            report = update.run();
            Thread.sleep(3000); // and after it
        } finally {
            sampler.interrupt();
            sampler.join();
            context.removeBundleListener(listener);
        }
        return new Observed(report, List.copyOf(events), before, fingerprints(driver), answers);
    }

    /** Gaps between successive answers longer than 1.5 poll periods, counted in periods. */
    private static long missedPolls(TreeSet<Instant> answers, Duration period) {
        assertTrue("answers sampled: " + answers, answers != null && answers.size() >= 5);
        long missed = 0;
        Instant previous = null;
        for (Instant answer : answers) {
            if (previous != null) {
                long gap = Duration.between(previous, answer).toMillis();
                if (gap > period.toMillis() * 3 / 2) {
                    missed += Math.round((double) gap / period.toMillis()) - 1;
                }
            }
            previous = answer;
        }
        return missed;
    }

    private Map<Long, String> fingerprints(Bundle except) {
        Map<Long, String> prints = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != except.getBundleId()) {
                prints.put(bundle.getBundleId(), bundle.getSymbolicName() + " state=" + bundle.getState()
                        + " modified=" + bundle.getLastModified());
            }
        }
        return prints;
    }


    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** The built KEBA driver with another Bundle-Version, broken as asked. */
    private static byte[] rebuild(String version, Build build) throws IOException {
        String projectVersion = System.getProperty("echarge.itest.version");
        File built = new File(System.getProperty("echarge.itest.localRepository"), "org/echarge/" + KEBA + "/"
                + projectVersion + "/" + KEBA + "-" + projectVersion + ".jar");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarFile jar = new JarFile(built)) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            if (build == Build.NO_COMPONENT) {
                manifest.getMainAttributes().remove(new Attributes.Name("Service-Component"));
            } else if (build == Build.MISSING_ACTIVATOR) {
                manifest.getMainAttributes().putValue("Bundle-Activator", "org.echarge.driver.keba.internal.NoSuchActivator");
            }
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    if (!entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        jar.getInputStream(entry).transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /** A signed driver update package (bundles/org.echarge.updater/README.md, "Package format"). */
    private static Path signed(byte[] jar, PrivateKey key) throws Exception {
        Attributes main = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(jar)).getManifest()
                .getMainAttributes();
        byte[] properties = ("format=1\nbundle.symbolicName=" + main.getValue("Bundle-SymbolicName").split(";")[0].trim()
                + "\nbundle.version=" + main.getValue("Bundle-Version").trim() + "\nbundle.sha256="
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(properties);
        Path file = Files.createTempFile("keba-update", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : Map.of("update.properties", properties, "update.sig",
                    signature.sign(), "bundle.jar", jar).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
