package org.echarge.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built distribution on its demo site, as {@code scripts/demo} runs it (bin/karaf server, the
 * demo's etc/ files), in a folder of its own and on free loopback ports: HTTP, SSH, and the three
 * simulated stations (the demo's fixed ports may be taken by a demo that is running).
 */
final class DemoGateway implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * Ready means ready for this long without a break: where org.echarge.web sets up HTTPS at the
     * first start, Pax Web restarts its server once, around the time health first answers 200.
     */
    private static final Duration READY_STABLE = Duration.ofSeconds(5);

    private final File home;
    private final int httpPort;
    private Process karaf;

    private DemoGateway(File home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the distribution into target/name, adds the demo site and starts it; returns when ready. */
    static DemoGateway start(String name) throws Exception {
        File target = new File("target").getAbsoluteFile();
        File home = new File(target, name);
        run(target, "rm", "-rf", home.getPath());
        assertTrue(home.mkdirs());
        File tarball = new File(System.getProperty("echarge.itest.distribution"));
        run(home, "tar", "-xzf", tarball.getPath(), "--strip-components=1");
        run(home, "sh", "-c", "cp demo/etc/*.cfg etc/");
        DemoGateway gateway = new DemoGateway(home, Integer.parseInt(GatewayTestSupport.freePort()));
        gateway.replace("etc/org.ops4j.pax.web.cfg", "(?m)^org\\.osgi\\.service\\.http\\.port = \\d+$",
                "org.osgi.service.http.port = " + gateway.httpPort);
        // HTTPS, where org.echarge.web switches it on at the first start, takes the port set here
        gateway.replace("etc/org.ops4j.pax.web.cfg", "(?m)^#?org\\.osgi\\.service\\.http\\.port\\.secure = \\d+$",
                "org.osgi.service.http.port.secure = " + GatewayTestSupport.freePort());
        gateway.replace("etc/org.apache.karaf.shell.cfg", "(?m)^sshPort = \\d+$",
                "sshPort = " + GatewayTestSupport.freePort());
        for (int n = 1; n <= GatewayTestSupport.POINTS; n++) {
            String port = GatewayTestSupport.freePort();
            gateway.replace("etc/org.echarge.sim.station-" + n + ".cfg", "(?m)^port = \\d+$", "port = " + port);
            gateway.replace("etc/org.echarge.point-" + n + ".cfg", "(?m)^port = \\d+$", "port = " + port);
        }
        gateway.karaf = new ProcessBuilder("bin/karaf", "server").directory(home).redirectErrorStream(true)
                .redirectOutput(new File(target, name + ".out")).start();
        gateway.awaitReady();
        return gateway;
    }

    /** http://127.0.0.1:port/echarge/ */
    String consoleUrl() {
        return "http://127.0.0.1:" + httpPort + "/echarge/";
    }

    String initialPassword() throws IOException {
        return Files.readString(new File(home, "etc/initial-admin-password").toPath()).trim();
    }

    /** Whether the distribution ships a bundle (in its system/ repository). */
    boolean ships(String symbolicName) {
        return new File(home, "system/org/echarge/" + symbolicName).isDirectory();
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(consoleUrl() + "api/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long readySince = 0;
        while (true) {
            boolean ready;
            try {
                ready = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                ready = false; // not listening (yet, or again while the server restarts)
            }
            if (!ready) {
                readySince = 0;
            } else if (readySince == 0) {
                readySince = System.nanoTime();
            } else if (System.nanoTime() - readySince >= READY_STABLE.toNanos()) {
                return;
            }
            assertTrue("the demo gateway did not become ready (" + home + "/data/log/karaf.log)",
                    System.nanoTime() < deadline && karaf.isAlive());
            Thread.sleep(250);
        }
    }

    private void replace(String file, String regex, String replacement) throws IOException {
        Path path = new File(home, file).toPath();
        String text = Files.readString(path);
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(file + " has " + regex, matcher.find());
        Files.writeString(path, matcher.replaceAll(Matcher.quoteReplacement(replacement)));
    }

    @Override
    public void close() throws Exception {
        if (karaf != null) {
            run(home, "bin/stop");
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.destroyForcibly();
            }
        }
    }

    private static String run(File directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " did not end", process.waitFor(120, TimeUnit.SECONDS));
        return output;
    }
}
