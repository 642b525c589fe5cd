package org.echarge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.echarge.api.dlm.DlmStatus;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.indicator.Pattern;
import org.echarge.api.indicator.StatusIndicators;
import org.echarge.api.knx.KnxDevice;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.reset.FactoryReset;
import org.echarge.api.reset.ResetReport;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.knx.virtual.GroupValue;
import org.echarge.knx.virtual.KnxParticipant;
import org.echarge.knx.virtual.VirtualKnx;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The distribution as shipped, in one Karaf: features install, components come up, the demo
 * site answers, the simulated driver is updated in place while everything else keeps running,
 * and Karaf's default karaf/karaf login does not exist. One container for all steps (they build
 * on each other), so the tests run in a fixed order inside one method each.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GatewayIT extends GatewayTestSupport {

    private static final String DRIVER = "org.echarge.driver.simulated";

    @Inject
    private FeaturesService features;

    @Inject
    private ServiceComponentRuntime scr;

    @Test
    public void everyFeatureInstallsAndEveryComponentIsActive() throws Exception {
        List<String> ours = new ArrayList<>();
        for (Feature feature : features.listFeatures()) {
            if (feature.getName().startsWith("echarge-")) {
                ours.add(feature.getName());
                if (!features.isInstalled(feature)) {
                    features.installFeature(feature.getName());
                }
            }
        }
        assertTrue("features found: " + ours, ours.containsAll(List.of("echarge-api", "echarge-modbus",
                "echarge-point", "echarge-indicator", "echarge-web", "echarge-driver-simulated", "echarge-sim",
                "echarge-gateway")));
        for (String name : ours) {
            assertTrue(name + " installed", features.isInstalled(features.getFeature(name)));
        }
        ensureDemoSite();
        assertEquals(List.of(), componentProblems());
        assertEquals(200, httpStatus("/echarge/api/health"));
    }

    @Test
    public void demoSitePointsReportStates() throws Exception {
        ensureDemoSite();
        for (PointStatus status : statuses()) {
            assertTrue(status.toString(), status.answered());
            assertTrue(status.toString(), status.driverAvailable());
            PointState state = status.state();
            assertTrue("point " + status.number() + " in " + state, state == PointState.AVAILABLE
                    || state == PointState.CONNECTED || state.isCharging());
            assertEquals("SIM1-ITEST-" + status.number(), status.snapshot().serialNumber());
        }
    }

    @Test
    public void simulatedDriverIsUpdatedInPlaceWhileEverythingElseKeepsRunning() throws Exception {
        ensureDemoSite();
        Bundle driver = bundle(DRIVER);
        String oldVersion = driver.getVersion().toString();
        File newBuild = rebuildWithNewVersion(driver, oldVersion + "-hotupdate");
        Map<Long, String> before = bundleFingerprints();
        Map<Integer, Long> pointServices = pointServiceIds();
        long servletService = serviceId("javax.servlet.Servlet", "(osgi.http.whiteboard.servlet.name=echarge-status)");
        List<String> othersEvents = new ArrayList<>();
        BundleListener listener = event -> {
            if (event.getBundle().getBundleId() != driver.getBundleId()) {
                othersEvents.add(event.getBundle().getSymbolicName() + " " + type(event));
            }
        };
        context.addBundleListener(listener);
        Instant updated = Instant.now();
        try {
            String output = executeCommand("bundle:update " + driver.getBundleId() + " " + newBuild.toURI());
            assertFalse(output, output.toLowerCase().contains("error"));
            waitFor("the new driver to be active", Duration.ofSeconds(20),
                    () -> driver.getState() == Bundle.ACTIVE && driver.getVersion().toString().endsWith("hotupdate"));
            waitFor("every point to answer the new driver", Duration.ofSeconds(20),
                    () -> statuses().stream().allMatch(s -> s.driverAvailable() && s.lastAnswer() != null
                            && s.lastAnswer().isAfter(updated.plusMillis(500)) && !s.faultPresent()));
        } finally {
            context.removeBundleListener(listener);
        }
        assertEquals(List.of(), othersEvents);
        Map<Long, String> after = bundleFingerprints();
        after.remove(driver.getBundleId());
        before.remove(driver.getBundleId());
        assertEquals("other bundles: same ids, states and start times", before, after);
        assertEquals("charging point components were not restarted", pointServices, pointServiceIds());
        assertEquals("status servlet was not restarted", servletService,
                serviceId("javax.servlet.Servlet", "(osgi.http.whiteboard.servlet.name=echarge-status)"));
        assertNotEquals(oldVersion, driver.getVersion().toString());
        assertEquals(List.of(), componentProblems());
    }

    @Test
    public void commandsReachTheStationOverModbus() throws Exception {
        ensureDemoSite();
        waitFor("a vehicle charging at some point", Duration.ofSeconds(40),
                () -> statuses().stream().anyMatch(s -> s.answered() && s.snapshot().charging()));
        PointStatus charging = statuses().stream().filter(s -> s.answered() && s.snapshot().charging()).findFirst()
                .orElseThrow();
        ChargingPoint point = point(charging.number());

        point.setpoint(10);
        waitFor("the station to charge at 10 A", Duration.ofSeconds(10),
                () -> point.status().snapshot().setpointAmpere() == 10.0);

        point.interruption(true);
        waitFor("the station to report the pause", Duration.ofSeconds(10),
                () -> point.status().snapshot().state() == PointState.INTERRUPTION
                        && !point.status().snapshot().charging());
        assertEquals(PointState.INTERRUPTION, point.status().state());
        assertTrue(point.status().interrupted());

        point.interruption(false);
        waitFor("charging to resume", Duration.ofSeconds(10), () -> point.status().snapshot().charging());

        point.setpoint(40);
        waitFor("ValOutOfRange", Duration.ofSeconds(5),
                () -> point.status().fault() == org.echarge.api.fault.PointFault.VALUE_OUT_OF_RANGE);
        waitFor("the clamped maximum in force", Duration.ofSeconds(10),
                () -> point.status().snapshot().setpointAmpere() == 16.0);
    }

    @Test
    public void dlmSharesTheFuseAmongThePointsAndFollowsTheHouseLoad() throws Exception {
        ensureDemoSite();
        LoadManagement dlm = service(LoadManagement.class);
        assertEquals(DlmStatus.Mode.OFF, dlm.status().mode());
        Configuration house = configurationAdmin.getConfiguration("org.echarge.sim.house", null);
        Configuration settings = configurationAdmin.getConfiguration("org.echarge.dlm", null);
        try {
            house.update(houseLoad(3));
            Dictionary<String, Object> on = new Hashtable<>();
            on.put("enabled", true);
            on.put("fuseAmpere", 20.0);
            on.put("reserveAmpere", 0.0);
            settings.update(on);
            waitFor("DLM to run on the house meter's values", Duration.ofSeconds(30),
                    () -> dlm.status().mode() == DlmStatus.Mode.NORMAL && dlm.status().points().size() == POINTS);
            assertTrue(dlm.status().toString(), dlm.status().meterAmpere().l1() >= 2.5);
            waitFor("DLM to give an arriving vehicle current", Duration.ofSeconds(90), () -> dlm.status().points()
                    .stream().anyMatch(share -> share.commandedAmpere() >= 6));
            waitFor("every point to charge at most at its share", Duration.ofSeconds(20), this::pointsFollowDlm);
            assertTrue(dlm.status().toString(), commandedPerPhase(dlm.status()) <= 17 + 1e-9);

            // the house load rises to 16 A per phase: 4 A left, not even one minimum fits
            house.update(houseLoad(16));
            waitFor("DLM to stop every point", Duration.ofSeconds(30), () -> commandedPerPhase(dlm.status()) == 0
                    && pointsFollowDlm());
            waitFor("OverCurrent or no vehicle", Duration.ofSeconds(5), () -> dlm.status().overCurrent()
                    || dlm.status().points().stream().noneMatch(DlmStatus.PointShare::wantsCurrent));
        } finally {
            settings.delete();
            house.delete();
        }
        waitFor("DLM off again", Duration.ofSeconds(20), () -> dlm.status().mode() == DlmStatus.Mode.OFF);
        waitFor("every point back at its own setpoint, none paused by DLM", Duration.ofSeconds(15),
                () -> statuses().stream().allMatch(point -> point.answered() && point.setpointAmpere() >= 6
                        && point.snapshot().state() != PointState.INTERRUPTION));
    }

    @Test
    public void dlmRunsOnSmartMeterTelegramsOnTheVirtualKnxNetwork() throws Exception {
        ensureDemoSite();
        VirtualKnx knx = service(VirtualKnx.class);
        LoadManagement dlm = service(LoadManagement.class);
        KnxDevice device = service(KnxDevice.class);
        List<GroupValue> heard = new CopyOnWriteArrayList<>();
        Configuration binding = configurationAdmin.getConfiguration("org.echarge.knx", null);
        Configuration house = configurationAdmin.getConfiguration("org.echarge.sim.house", null);
        Configuration settings = configurationAdmin.getConfiguration("org.echarge.dlm", null);
        try (KnxParticipant monitor = knx.join("itest", "itest monitor", "1.1.250", heard::add)) {
            monitor.listen("0/1/10", "14.019");
            monitor.listen("1/2/50", "5.010");
            Dictionary<String, Object> on = new Hashtable<>();
            on.put("enabled", true);
            on.put("fuseAmpere", 35.0);
            settings.update(on);
            Dictionary<String, Object> meter = houseLoad(3);
            meter.put("knxNetwork", "itest");
            house.update(meter);
            Dictionary<String, Object> virtual = new Hashtable<>();
            virtual.put("mode", "VIRTUAL");
            virtual.put("host", "itest");
            virtual.put("individualAddress", "1.1.1");
            virtual.put("links", new String[] {"10=0/1/10", "11=0/1/11", "12=0/1/12", "13=0/1/13",
                    "point1.50=1/1/50", "point2.50=1/2/50", "point3.50=1/3/50"});
            binding.update(virtual);

            waitFor("the gateway on the virtual network", Duration.ofSeconds(10),
                    () -> knx.gatewayNetwork().equals(Optional.of("itest")));
            GroupValue reading = next(heard, value -> value.groupAddress().equals("0/1/10")
                    && value.service() == GroupValue.Service.WRITE, Duration.ofSeconds(10));
            assertEquals("1.1.10", reading.source());
            assertTrue("house load 3 A plus what the stations draw: " + reading, (Double) reading.value() >= 2.69);
            waitFor("DLM to run on the telegrams", Duration.ofSeconds(20), () -> dlm.status().mode()
                    == DlmStatus.Mode.NORMAL && dlm.status().lastReading() != null
                    && dlm.status().lastReading().isAfter(Instant.now().minusSeconds(3)));
            assertTrue(device.state().toString(), device.state().receivedTelegrams() > 0);
            assertEquals(device.state().toString(), 0, device.state().refusedTelegrams());

            // a point's state: sent when the gateway joined, and answered when read
            GroupValue sent = next(heard, value -> value.groupAddress().equals("1/2/50")
                    && value.service() == GroupValue.Service.WRITE, Duration.ofSeconds(10));
            assertEquals("1.1.1", sent.source());
            monitor.read("1/2/50");
            GroupValue state = next(heard, value -> value.groupAddress().equals("1/2/50")
                    && value.service() == GroupValue.Service.RESPONSE, Duration.ofSeconds(5));
            assertEquals("1.1.1", state.source());
            PointState shown = PointState.ofValue(((Long) state.value()).intValue());
            assertTrue(state.toString(), shown != PointState.ILLEGAL);
        } finally {
            binding.delete();
            settings.delete();
            house.delete();
        }
        waitFor("DLM off again", Duration.ofSeconds(20), () -> dlm.status().mode() == DlmStatus.Mode.OFF);
        waitFor("the gateway off the virtual network", Duration.ofSeconds(10),
                () -> knx.gatewayNetwork().isEmpty());
    }

    /** The first telegram the participant heard that matches, waiting for it up to the timeout. */
    private static GroupValue next(List<GroupValue> heard, Predicate<GroupValue> matching, Duration timeout)
            throws InterruptedException {
        try {
            waitFor("a matching telegram", timeout, () -> heard.stream().anyMatch(matching));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; heard " + heard, e);
        }
        return heard.stream().filter(matching).findFirst().orElseThrow();
    }

    private static Dictionary<String, Object> houseLoad(double ampere) {
        Dictionary<String, Object> house = new Hashtable<>();
        house.put("baseL1Ampere", ampere);
        house.put("baseL2Ampere", ampere);
        house.put("baseL3Ampere", ampere);
        house.put("applianceScale", 0.0);
        house.put("meterIntervalSeconds", 1);
        return house;
    }

    /** The highest sum over a phase of what DLM lets the points draw (3-phase points load all). */
    private double commandedPerPhase(DlmStatus status) {
        double[] sum = new double[3];
        for (DlmStatus.PointShare share : status.points()) {
            PointStatus point = statuses().stream().filter(p -> p.number() == share.number()).findFirst().orElseThrow();
            boolean onePhase = point.number() == 1; // the demo site's point 1 is 1-phase on L1
            for (int p = 0; p < 3; p++) {
                sum[p] += onePhase && p > 0 ? 0 : share.commandedAmpere();
            }
        }
        return Math.max(sum[0], Math.max(sum[1], sum[2]));
    }

    /** Each point's limit is what DLM gives it (0 = paused). */
    private boolean pointsFollowDlm() {
        DlmStatus status = service(LoadManagement.class).status();
        for (PointStatus point : statuses()) {
            double share = status.points().stream().filter(s -> s.number() == point.number())
                    .mapToDouble(DlmStatus.PointShare::commandedAmpere).findFirst().orElse(-1);
            double expected = share < 6 ? 0 : Math.min(share, 16);
            if (Math.abs(point.setpointAmpere() - expected) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    @Test
    public void aSignedDriverUpdateIsAppliedAndAWronglySignedOneRefused() throws Exception {
        ensureDemoSite();
        java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.KeyPair other = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(java.nio.file.Path.of(System.getProperty("karaf.etc"), "echarge-update.pub"),
                "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Bundle driver = bundle(DRIVER);
        String before = driver.getVersion().toString();
        byte[] jar = Files.readAllBytes(rebuildWithNewVersion(driver, before + "-u1").toPath());
        org.echarge.updater.DriverUpdater updater = service(org.echarge.updater.DriverUpdater.class);

        java.nio.file.Path wrong = Files.createTempFile("driver-update", ".zip");
        Files.write(wrong, updatePackage(jar, other.getPrivate()));
        org.echarge.updater.UpdateReport refused = updater.update(wrong);
        assertEquals(refused.message(), org.echarge.updater.UpdateOutcome.REFUSED, refused.outcome());
        assertEquals("nothing changed", before, bundle(DRIVER).getVersion().toString());

        java.nio.file.Path good = Files.createTempFile("driver-update", ".zip");
        Files.write(good, updatePackage(jar, key.getPrivate()));
        org.echarge.updater.UpdateReport updated = updater.update(good);
        assertEquals(updated.message(), org.echarge.updater.UpdateOutcome.UPDATED, updated.outcome());
        assertEquals(before + "-u1", bundle(DRIVER).getVersion().toString());
        assertEquals(driver.getBundleId(), bundle(DRIVER).getBundleId());
        waitForAllPointsAnswered(Duration.ofSeconds(20));
        assertTrue(updated.toString(), updated.driverOutage().toSeconds() < 10);
    }

    /** A driver update package as the signing tool makes it: properties, their Ed25519 signature, the jar. */
    private static byte[] updatePackage(byte[] jar, java.security.PrivateKey key) throws Exception {
        java.util.jar.Attributes main;
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            main = in.getManifest().getMainAttributes();
        }
        String properties = "format=1\n"
                + "bundle.symbolicName=" + main.getValue("Bundle-SymbolicName").split(";")[0].trim() + "\n"
                + "bundle.version=" + main.getValue("Bundle-Version").trim() + "\n"
                + "bundle.sha256=" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(jar)) + "\n";
        java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(properties.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("update.properties"));
            zip.write(properties.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("update.sig"));
            zip.write(signature.sign());
            zip.putNextEntry(new java.util.zip.ZipEntry("bundle.jar"));
            zip.write(jar);
        }
        return bytes.toByteArray();
    }

    @Test
    public void factoryResetLeavesAnUnconfiguredGatewayWithoutRestart() throws Exception {
        ensureDemoSite();
        Map<Long, String> before = bundleFingerprints();

        ResetReport report = service(FactoryReset.class).reset();

        assertEquals(List.of(), report.failures());
        assertEquals(POINTS * 2, report.deletedConfigurations().size()); // points and simulated stations
        waitFor("the points to go", Duration.ofSeconds(10), () -> statuses().isEmpty());
        waitFor("Conf NoCharger", Duration.ofSeconds(10), () -> {
            var status = service(GatewayFaults.class).status();
            return status.present() && status.shown() == GeneralFault.CONF_NO_CHARGER;
        });
        assertEquals(Pattern.SLOW_FLASH, service(StatusIndicators.class).state().app());
        assertEquals("no bundle restarted", before, bundleFingerprints());
        assertEquals(0, configurationAdmin.listConfigurations(
                "(service.factoryPid=org.echarge.point)") == null ? 0 : 1);
    }

    @Test
    public void karafDefaultCredentialsDoNotWork() throws Exception {
        for (String[] credentials : new String[][] {{"karaf", "karaf"}, {"admin", "admin"}, {"karaf", ""}}) {
            LoginContext login = new LoginContext("karaf", callbacks -> {
                ((NameCallback) callbacks[0]).setName(credentials[0]);
                ((PasswordCallback) callbacks[1]).setPassword(credentials[1].toCharArray());
            });
            try {
                login.login();
                fail(credentials[0] + "/" + credentials[1] + " logged in");
            } catch (LoginException expected) {
                // no such user or wrong password
            }
        }
        assertEquals("127.0.0.1",
                configurationAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshHost"));
        assertEquals(null, bundleOrNull("org.apache.karaf.management.server"));
    }

    private ChargingPoint point(int number) throws Exception {
        for (ServiceReference<ChargingPoint> ref : context.getServiceReferences(ChargingPoint.class, null)) {
            ChargingPoint point = context.getService(ref);
            if (point.number() == number) {
                return point;
            }
        }
        throw new AssertionError("no point " + number);
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        assertTrue(type.getSimpleName() + " registered", reference != null);
        return context.getService(reference);
    }

    private void ensureDemoSite() throws Exception {
        if (statuses().isEmpty()) {
            configureDemoSite();
        }
        waitForAllPointsAnswered(Duration.ofSeconds(30));
    }

    private void waitForAllPointsAnswered(Duration timeout) throws InterruptedException {
        try {
            waitFor("all " + POINTS + " points to answer", timeout,
                    () -> statuses().size() == POINTS && statuses().stream().allMatch(PointStatus::answered));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; points: " + statuses() + "; components: "
                    + componentProblems(), e);
        }
    }

    private List<PointStatus> statuses() {
        return pointStatuses();
    }

    private Map<Integer, Long> pointServiceIds() throws Exception {
        Map<Integer, Long> ids = new HashMap<>();
        Collection<ServiceReference<ChargingPoint>> refs = context.getServiceReferences(ChargingPoint.class, null);
        for (ServiceReference<ChargingPoint> ref : refs) {
            ids.put(Integer.valueOf(String.valueOf(ref.getProperty("number"))), (Long) ref.getProperty("service.id"));
        }
        return ids;
    }

    private long serviceId(String clazz, String filter) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(clazz, filter);
        assertTrue(clazz + " " + filter + " registered", refs != null && refs.length == 1);
        return (Long) refs[0].getProperty("service.id");
    }

    private List<String> componentProblems() {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("org.echarge.")) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state != ComponentConfigurationDTO.ACTIVE
                        && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(description.name + " state " + configuration.state);
                }
            }
        }
        return problems;
    }

    private Map<Long, String> bundleFingerprints() {
        Map<Long, String> prints = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            prints.put(bundle.getBundleId(), bundle.getSymbolicName() + " state=" + bundle.getState() + " modified="
                    + bundle.getLastModified());
        }
        return prints;
    }

    private Bundle bundle(String symbolicName) {
        Bundle bundle = bundleOrNull(symbolicName);
        assertTrue(symbolicName + " installed", bundle != null);
        return bundle;
    }

    private Bundle bundleOrNull(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** A new build of the driver: the built jar with a new Bundle-Version, as a field update would bring. */
    private static File rebuildWithNewVersion(Bundle driver, String version) throws IOException {
        String projectVersion = System.getProperty("echarge.itest.version");
        File built = new File(System.getProperty("echarge.itest.localRepository"), "org/echarge/" + DRIVER + "/"
                + projectVersion + "/" + DRIVER + "-" + projectVersion + ".jar");
        File rebuilt = new File(System.getProperty("echarge.itest.target"), DRIVER + "-hotupdate.jar");
        try (JarFile jar = new JarFile(built)) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(new FileOutputStream(rebuilt), manifest)) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        assertTrue(Files.size(rebuilt.toPath()) > 0);
        return rebuilt;
    }

    @Test
    public void theConsoleApiNeedsALoginAndTheInitialPasswordMustBeChanged() throws Exception {
        ensureDemoSite();
        String api = "http://127.0.0.1:" + configurationAdmin.getConfiguration("org.ops4j.pax.web", null)
                .getProperties().get("org.osgi.service.http.port") + "/echarge/api/";
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        assertEquals(401, get(client, api + "status").statusCode());
        assertEquals(401, get(client, api + "anything").statusCode());
        assertEquals(200, get(client, api + "health").statusCode());
        for (String[] endpoint : API_ENDPOINTS) { // whatever bundle serves it, the login comes first
            assertEquals(endpoint[0] + " " + endpoint[1] + " without a session", 401,
                    send(client, endpoint, api).statusCode());
        }

        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("karaf.etc"), "initial-admin-password");
        String initial = Files.readAllLines(file).get(0).trim();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        HttpResponse<String> login = post(client, api + "login", null,
                "{\"user\":\"admin\",\"password\":\"" + initial + "\"}");
        assertEquals(login.body(), 200, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        assertTrue(login.body(), login.body().replace(" ", "").contains("\"mustChangePassword\":true"));
        assertEquals("the initial password only lets the password be changed", 403,
                get(client, api + "status").statusCode());

        String csrf = login.body().replaceAll("(?s).*\"csrfToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String change = "{\"oldPassword\":\"" + initial + "\",\"newPassword\":\"itest-new-password-1\"}";
        assertEquals("no CSRF token", 403, post(client, api + "password", null, change).statusCode());
        HttpResponse<String> changed = post(client, api + "password", csrf, change);
        assertEquals(changed.body(), 200, changed.statusCode());
        HttpResponse<String> status = get(client, api + "status");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"points\""));
        assertTrue(status.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", status.headers().firstValue("X-Content-Type-Options").orElse(""));

        String newCsrf = changed.body().replaceAll("(?s).*\"csrfToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        for (String[] endpoint : API_ENDPOINTS) {
            if (!endpoint[0].equals("GET")) { // nothing changes, restart and factory reset included
                assertEquals(endpoint[0] + " " + endpoint[1] + " without the CSRF token", 403,
                        send(client, endpoint, api).statusCode());
            }
        }
        assertEquals("still running, still configured", 200, get(client, api + "status").statusCode());
        assertEquals("the session opens them", 200, get(client, api + "system/logging").statusCode());

        // the KNX side: not configured in this test, but its API is there
        HttpResponse<String> knx = get(client, api + "knx");
        assertEquals(knx.body(), 200, knx.statusCode());
        assertTrue(knx.body(), knx.body().replace(" ", "").contains("\"connection\":\"OFF\""));
        assertEquals(403, post(client, api + "knx/programming-mode", null, "{\"on\":true}").statusCode());
        assertEquals(204, post(client, api + "knx/programming-mode", newCsrf, "{\"on\":true}").statusCode());

        // the points and their commands, the session history: the real point runtime behind them
        HttpResponse<String> points = get(client, api + "points");
        assertEquals(points.body(), 200, points.statusCode());
        String compact = points.body().replace(" ", "");
        assertTrue(compact, compact.contains("\"number\":1,") && compact.contains("\"UNLOCK\"")
                && compact.contains("\"SET_CURRENT\"") && compact.contains("\"maxCurrentAmpere\":"));
        assertEquals(202, post(client, api + "points/1/interruption", newCsrf, "{\"active\":false}").statusCode());
        assertEquals(404, post(client, api + "points/99/unlock", newCsrf, "{}").statusCode());
        assertEquals(400, post(client, api + "points/1/setpoint", newCsrf, "{\"current\":99}").statusCode());
        HttpResponse<String> sessions = get(client, api + "sessions?point=1");
        assertEquals(sessions.body(), 200, sessions.statusCode());
        assertTrue(sessions.body(), sessions.body().contains("\"sessions\""));
        assertEquals(400, get(client, api + "sessions?from=yesterday").statusCode());

        // the console's pages and its live stream
        HttpResponse<String> page = get(client, api.replace("/api/", "/") + "index.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<java.io.InputStream> events = client.send(HttpRequest.newBuilder(java.net.URI.create(api
                + "events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, events.statusCode());
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(events.body(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            String data = null;
            while (data == null && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    data = line;
                }
            }
            assertTrue("a status event with the points: " + data, data != null && data.contains("\"points\""));
        }
    }

    /** Every endpoint of the console API except login and health, as method and path below /echarge/api/. */
    private static final String[][] API_ENDPOINTS = {
        {"GET", "session"}, {"POST", "logout"}, {"POST", "password"}, {"GET", "status"}, {"GET", "events"},
        {"GET", "knx"}, {"GET", "knx/ets.csv"}, {"POST", "knx/programming-mode"},
        {"GET", "points"}, {"POST", "points/1/setpoint"}, {"POST", "points/1/interruption"},
        {"POST", "points/1/start-stop"}, {"POST", "points/1/unlock"}, {"GET", "sessions"}, {"GET", "sessions.csv"},
        {"GET", "tls"}, {"PUT", "tls"}, {"PUT", "tls/certificate"}, {"DELETE", "tls/certificate"},
        {"GET", "system/logs.zip"}, {"GET", "system/logging"}, {"PUT", "system/logging"}, {"POST", "system/restart"},
        {"POST", "system/factory-reset"}, {"GET", "system/network"}, {"PUT", "system/network"},
        {"GET", "system/info"}, {"GET", "config"}, {"GET", "config/schema"}, {"POST", "config/validate"},
        {"PUT", "config"}, {"GET", "config/export"}, {"POST", "config/import"}, {"GET", "updates"},
        {"POST", "updates/driver"}, {"POST", "updates/firmware"}, {"DELETE", "updates/firmware/restored"},
        {"POST", "updates/server/check"}, {"POST", "updates/server/install"},
    };

    /** A request with {@code json} as body (none when null), and the CSRF token if given. */
    private static HttpResponse<String> send(HttpClient client, String method, String url, String csrf, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(java.time.Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An endpoint of {@link #API_ENDPOINTS} without a CSRF token: no body for GET, an empty JSON object otherwise. */
    private static HttpResponse<String> send(HttpClient client, String[] endpoint, String api) throws Exception {
        return send(client, endpoint[0], api + endpoint[1], null, endpoint[0].equals("GET") ? null : "{}");
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return send(client, "GET", url, null, null);
    }

    private static HttpResponse<String> post(HttpClient client, String url, String csrf, String json) throws Exception {
        return send(client, "POST", url, csrf, json);
    }

    private int httpStatus(String path) throws IOException {
        String port = configurationAdmin.getConfiguration("org.ops4j.pax.web", null).getProperties()
                .get("org.osgi.service.http.port").toString();
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static String type(BundleEvent event) {
        return switch (event.getType()) {
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            default -> "event " + event.getType();
        };
    }
}
