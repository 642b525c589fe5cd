package org.echarge.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Boots the gateway's own distribution under Pax Exam, with random ports and a demo site. */
public abstract class GatewayTestSupport {

    static final int POINTS = 3;

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected SessionFactory sessionFactory;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        String localRepo = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        File target = new File("target").getAbsoluteFile();
        return new Option[] {
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.echarge").artifactId("karaf-assembly").type("tar.gz")
                                .versionAsInProject())
                        .name("e-charge gateway").unpackDirectory(new File(target, "exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                // the distribution is offline; Pax Exam needs its own bundles from the local repository or Central
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                        "https://repo1.maven.org/maven2@id=central"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
                // HTTPS (on once the web bundle has made its certificate) on a free port, not 8443
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                systemProperty("echarge.itest.localRepository").value(localRepo),
                systemProperty("echarge.itest.version").value(System.getProperty("echarge.itest.version")),
                systemProperty("echarge.itest.target").value(target.getPath()),
                vmOption("-Djava.io.tmpdir=" + new File(target, "exam-tmp").getPath()),
                vmOption("-Xmx256m"),
                // the JDK 9+ flags bin/karaf passes (Pax Exam starts java itself)
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module"),
                vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar"),
                vmOption("--patch-module"),
                vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar"),
                vmOption("--add-opens"), vmOption("java.base/java.security=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.net=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.lang=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.util=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                vmOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                vmOption("-classpath"),
                vmOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*" + File.pathSeparator + "lib/endorsed/*"),
        };
    }

    /** Configures the demo site: POINTS simulated stations on free loopback ports and a point for each. */
    protected void configureDemoSite() throws IOException {
        for (int n = 1; n <= POINTS; n++) {
            int port = Integer.parseInt(freePort());
            Dictionary<String, Object> station = new Hashtable<>();
            station.put("port", port);
            station.put("phases", n == 1 ? 1 : 3);
            station.put("serialNumber", "SIM1-ITEST-" + n);
            station.put("seed", (long) n);
            station.put("vehicles", true);
            factory("org.echarge.sim.station").update(station);

            Dictionary<String, Object> point = new Hashtable<>();
            point.put("number", n);
            point.put("model", "simulated-sim1");
            point.put("host", "127.0.0.1");
            point.put("port", port);
            point.put("phases", n == 1 ? 1 : 3);
            factory("org.echarge.point").update(point);
        }
    }

    /** The status of every charging point now. */
    protected List<PointStatus> pointStatuses() {
        List<PointStatus> result = new ArrayList<>();
        try {
            for (ServiceReference<ChargingPoint> ref : context.getServiceReferences(ChargingPoint.class, null)) {
                ChargingPoint point = context.getService(ref);
                if (point != null) {
                    result.add(point.status());
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private Configuration factory(String pid) throws IOException {
        return configurationAdmin.createFactoryConfiguration(pid, "?");
    }

    /** Runs a Karaf shell command as an admin, returns its output. */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(System.in, out, out);
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal("itest"));
            subject.getPrincipals().add(new RolePrincipal("admin"));
            subject.getPrincipals().add(new RolePrincipal("manager"));
            subject.getPrincipals().add(new RolePrincipal("viewer"));
            subject.getPrincipals().add(new RolePrincipal("systembundles"));
            Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            if (result != null) {
                out.println(result);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    protected static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static String freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
