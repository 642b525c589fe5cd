package org.echarge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution as an installer gets it, started with its own scripts (bin/karaf server):
 * the first start creates an admin with a per-install password, stored only as a digest, and
 * Karaf's karaf/karaf cannot log in; the console answers on 127.0.0.1 only; HTTPS is served
 * with a certificate made at the first start, whose files only the owner can read.
 */
public class DistributionIT {

    private static final Pattern ADMIN = Pattern.compile("(?m)^admin = \\{CRYPT\\}([0-9a-f]{64})\\{CRYPT\\},_g_:admingroup$");
    private static File home;
    private static Process karaf;
    private static int sshPort;
    private static int httpsPort;
    private static int httpPort;

    @BeforeClass
    public static void start() throws Exception {
        File target = new File("target").getAbsoluteFile();
        home = new File(target, "distribution-it");
        run(target, "rm", "-rf", home.getPath());
        assertTrue(home.mkdirs());
        File tarball = new File(System.getProperty("echarge.itest.distribution"));
        run(home, "tar", "-xzf", tarball.getPath(), "--strip-components=1");
        sshPort = Integer.parseInt(GatewayTestSupport.freePort());
        replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = " + sshPort);
        httpPort = Integer.parseInt(GatewayTestSupport.freePort());
        replace("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + httpPort);
        httpsPort = Integer.parseInt(GatewayTestSupport.freePort());
        replace("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure = 8443",
                "org.osgi.service.http.port.secure = " + httpsPort);
        karaf = new ProcessBuilder("bin/karaf", "server").directory(home).redirectErrorStream(true)
                .redirectOutput(new File(target, "distribution-it.out")).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!listening(sshPort)) {
            assertTrue("SSH console did not come up", System.nanoTime() < deadline && karaf.isAlive());
            Thread.sleep(200);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            run(home, "bin/stop");
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.destroyForcibly();
            }
        }
    }

    @Test
    public void firstStartCreatesAnAdminWhosePasswordIsStoredOnlyAsADigest() throws Exception {
        String users = Files.readString(new File(home, "etc/users.properties").toPath());
        Matcher admin = ADMIN.matcher(users);
        assertTrue(users, admin.find());
        assertFalse("exactly one admin", admin.find());
        assertFalse("no karaf user", Pattern.compile("(?m)^\\s*karaf\\s*=").matcher(users).find());

        Path passwordFile = new File(home, "etc/initial-admin-password").toPath();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String password = Files.readString(passwordFile).trim();
        assertTrue("long random password", password.length() >= 32);
        assertFalse("password not stored in clear", users.contains(password));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(password.getBytes(StandardCharsets.UTF_8)));
        admin.reset();
        assertTrue(admin.find());
        assertEquals(digest, admin.group(1));
    }

    @Test
    public void adminLogsInWithTheGeneratedPasswordAndKarafKarafDoesNot() throws Exception {
        String password = Files.readString(new File(home, "etc/initial-admin-password").toPath()).trim();
        String ok = client("admin", password, "bundle:list -t 0");
        assertTrue(ok, ok.contains("e-charge gateway :: API"));

        for (List<String> credentials : List.of(List.of("karaf", "karaf"), List.of("admin", "admin"),
                List.of("admin", "karaf"))) {
            String refused = client(credentials.get(0), credentials.get(1), "bundle:list -t 0");
            assertFalse(credentials + " got in: " + refused, refused.contains("e-charge gateway"));
        }
    }

    @Test
    public void consoleListensOnLoopbackOnly() throws Exception {
        String listeners = run(home, "sh", "-c", "cat /proc/net/tcp /proc/net/tcp6");
        String portHex = String.format(":%04X ", sshPort);
        for (String line : listeners.split("\n")) {
            if (line.contains(portHex) && line.trim().split("\\s+")[3].equals("0A")) { // 0A = LISTEN
                String local = line.trim().split("\\s+")[1];
                assertTrue("SSH bound to " + local, local.startsWith("0100007F:")
                        || local.startsWith("0000000000000000FFFF00000100007F:"));
            }
        }
        assertNotEquals("", listeners);
    }

    /**
     * The first start serves HTTPS with a certificate of its own; one's own certificate, installed
     * through the console API, is served once Pax Web has restarted, and the gateway's API
     * answers on both connectors afterwards.
     */
    @Test
    public void httpsServesTheGeneratedCertificateThenAnInstalledOne() throws Exception {
        X509Certificate served = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (served == null) {
            assertTrue("HTTPS did not come up on " + httpsPort, System.nanoTime() < deadline);
            served = servedCertificate(httpsPort);
            Thread.sleep(served == null ? 500 : 0);
        }
        List<String> names = served.getSubjectAlternativeNames().stream().map(name -> name.get(1).toString()).toList();
        assertTrue(names.toString(), names.contains("localhost") && names.contains("127.0.0.1"));
        assertTrue(served.getSubjectX500Principal().getName(), served.getSubjectX500Principal().getName()
                .contains("e-charge gateway"));
        assertTrue("valid for 10 years", served.getNotAfter().getTime() - served.getNotBefore().getTime()
                >= TimeUnit.DAYS.toMillis(3650));

        Path tls = new File(home, "etc/echarge-tls").toPath();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
        try (var stores = Files.newDirectoryStream(tls, "https-*.p12")) {
            for (Path store : stores) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
            }
        }
        Path settings = new File(home, "etc/org.ops4j.pax.web.cfg").toPath();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)));
        Matcher password = Pattern.compile("(?m)^org\\.ops4j\\.pax\\.web\\.ssl\\.keystore\\.password\\s*=\\s*(\\S+)$")
                .matcher(Files.readString(settings));
        assertTrue("key store password in " + settings, password.find());
        assertFalse("key store password logged", Files.readString(new File(home, "data/log/karaf.log").toPath())
                .contains(password.group(1)));

        String[] own = keytoolCertificate();
        HttpClient http = HttpClient.newHttpClient();
        String api = "http://127.0.0.1:" + httpPort + "/echarge/api/";
        String initial = Files.readString(new File(home, "etc/initial-admin-password").toPath()).trim();
        HttpResponse<String> login = send(http, "POST", api + "login", null, null,
                "{\"user\":\"admin\",\"password\":\"" + initial + "\"}");
        assertEquals(login.body(), 200, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        HttpResponse<String> changed = send(http, "POST", api + "password", cookie, csrf(login),
                "{\"oldPassword\":\"" + initial + "\",\"newPassword\":\"distribution test password\"}");
        assertEquals(changed.body(), 200, changed.statusCode());
        cookie = changed.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        String token = csrf(changed);

        HttpResponse<String> refused = send(http, "PUT", api + "tls/certificate", cookie, token,
                "{\"certificatePem\":\"" + json(own[0]) + "\",\"privateKeyPem\":\"" + json(own[0]) + "\"}");
        assertEquals(refused.body(), 400, refused.statusCode());
        HttpResponse<String> installed = send(http, "PUT", api + "tls/certificate", cookie, token,
                "{\"certificatePem\":\"" + json(own[0]) + "\",\"privateKeyPem\":\"" + json(own[1]) + "\"}");
        assertEquals(installed.body(), 200, installed.statusCode());
        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Base64.getMimeDecoder().decode(own[0].replaceAll("-----[A-Z ]+-----", ""))));
        assertTrue(installed.body(), installed.body().contains(fingerprint));

        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        X509Certificate now = servedCertificate(httpsPort);
        while (now == null || !now.getSubjectX500Principal().getName().equals("CN=own.distribution.test")) {
            assertTrue("the installed certificate is not served", System.nanoTime() < deadline);
            Thread.sleep(200);
            now = servedCertificate(httpsPort);
        }
        long healthDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (health(http, api) != 200) {
            assertTrue("the API did not come back after the restart", System.nanoTime() < healthDeadline);
            Thread.sleep(200); // Jetty restarting, then the whiteboard registering the servlets again
        }
        HttpResponse<String> state = send(http, "GET", api + "tls", cookie, null, null);
        assertEquals(state.body(), 200, state.statusCode());
        assertTrue(state.body(), state.body().contains(fingerprint) && state.body().contains("\"httpsEnabled\":true"));
    }

    /** A self-signed server certificate for 127.0.0.1 made with the JDK's keytool: {certificate PEM, PKCS#8 key PEM}. */
    private static String[] keytoolCertificate() throws Exception {
        File store = new File(home.getParentFile(), "distribution-it-own.p12");
        Files.deleteIfExists(store.toPath());
        String keytool = System.getProperty("java.home") + "/bin/keytool";
        run(home, keytool, "-genkeypair", "-keystore", store.getPath(), "-storetype", "PKCS12", "-storepass",
                "test-only", "-alias", "own", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=own.distribution.test", "-ext", "SAN=ip:127.0.0.1", "-ext", "EKU=serverAuth");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store.toPath())) {
            keys.load(in, "test-only".toCharArray());
        }
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return new String[] {
            "-----BEGIN CERTIFICATE-----\n" + pem.encodeToString(keys.getCertificate("own").getEncoded())
                    + "\n-----END CERTIFICATE-----\n",
            "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(keys.getKey("own", "test-only".toCharArray())
                    .getEncoded()) + "\n-----END PRIVATE KEY-----\n"};
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String cookie, String token,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int health(HttpClient http, String api) throws Exception {
        try {
            return send(http, "GET", api + "health", null, null, null).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String csrf(HttpResponse<String> session) {
        Matcher token = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"").matcher(session.body());
        assertTrue(session.body(), token.find());
        return token.group(1);
    }

    private static String json(String text) {
        return text.replace("\n", "\\n");
    }

    /** The certificate a TLS handshake with 127.0.0.1:port sees (any certificate accepted), or null when none. */
    private static X509Certificate servedCertificate(int port) throws Exception {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("client side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test looks at the certificate itself
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
            return null; // not up yet, or restarting
        }
    }

    private static String client(String user, String password, String command) throws Exception {
        return run(home, "sh", "-c", "echo '" + command + "' | bin/client -a " + sshPort + " -u " + user + " -p '"
                + password + "' -r 2 -b 2>&1 || true");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void replace(String file, String from, String to) throws IOException {
        Path path = new File(home, file).toPath();
        String text = Files.readString(path);
        assertTrue(file + " contains " + from, text.contains(from));
        Files.writeString(path, text.replace(from, to));
    }

    private static String run(File directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " did not end", process.waitFor(120, TimeUnit.SECONDS));
        return output;
    }
}
