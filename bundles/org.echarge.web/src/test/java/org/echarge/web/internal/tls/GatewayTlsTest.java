package org.echarge.web.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.echarge.web.internal.tls.TestCertificates.Issued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS set up and changed through the web server's settings, checked by real TLS handshakes on 127.0.0.1. */
class GatewayTlsTest {

    @TempDir
    Path etc;

    private final MutableClock clock = MutableClock.startingAt("2026-11-29T22:00:00Z");
    private JettyLikePaxWeb paxWeb;
    private int httpsPort;

    @BeforeEach
    void start() throws Exception {
        httpsPort = FreePort.onLoopback();
        paxWeb = new JettyLikePaxWeb(httpsPort);
    }

    @AfterEach
    void stop() throws Exception {
        paxWeb.close();
    }

    @Test
    void theFirstStartServesAGeneratedCertificateKeptOwnerOnly() throws Exception {
        GatewayTls tls = gatewayTls();
        tls.apply(tls.firstStart());

        X509Certificate served = JettyLikePaxWeb.served(httpsPort);
        TlsState state = tls.state();
        assertEquals(state.certificate(), served);
        assertTrue(state.httpsEnabled() && state.httpEnabled());
        assertEquals(httpsPort, state.httpsPort());
        assertEquals("CN=gw-test,O=e-charge gateway (self-signed)", served.getSubjectX500Principal().getName());
        assertTrue(served.getSubjectAlternativeNames().stream().anyMatch(name -> name.get(1).equals("127.0.0.1")));

        Path directory = etc.resolve("echarge-tls");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        List<Path> stores = keyStores();
        assertEquals(1, stores.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stores.get(0))));
        Map<String, Object> settings = paxWeb.read();
        assertEquals(stores.get(0).toString(), settings.get(WebServerSettings.KEY_STORE));
        String password = settings.get(WebServerSettings.KEY_STORE_PASSWORD).toString();
        assertEquals(32, password.length()); // 192 random bits
        assertTrue(Files.readString(directory.resolve("certificate.pem")).startsWith("-----BEGIN CERTIFICATE-----"));

        // the next start finds it and changes nothing: Pax Web is not restarted
        int restarts = paxWeb.restarts();
        GatewayTls again = gatewayTls();
        again.apply(again.firstStart());
        assertEquals(restarts, paxWeb.restarts());
        assertEquals(served, JettyLikePaxWeb.served(httpsPort));
    }

    @Test
    void anInstalledCertificateIsServedOnceApplied() throws Exception {
        GatewayTls tls = gatewayTls();
        tls.apply(tls.firstStart());
        X509Certificate generated = JettyLikePaxWeb.served(httpsPort);
        Instant now = clock.instant();
        Issued ca = TestCertificates.issue("Site CA", TestCertificates.ec(), null, TestCertificates.Kind.CA,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        Issued own = TestCertificates.issue("gateway.site", TestCertificates.ec(), ca, TestCertificates.Kind.SERVER,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));

        clock.advance(Duration.ofSeconds(1));
        GatewayTls.Change change = tls.own(TestCertificates.pem(own.certificate(), ca.certificate()),
                TestCertificates.pem(own.keys().getPrivate()));
        assertEquals(generated, JettyLikePaxWeb.served(httpsPort)); // prepared, not applied yet
        assertEquals(own.certificate(), tls.after(change).certificate());
        tls.apply(change);

        assertEquals(own.certificate(), JettyLikePaxWeb.served(httpsPort));
        assertEquals(own.certificate(), tls.state().certificate());
        assertEquals(2, keyStores().size());
    }

    @Test
    void aRefusedCertificateChangesNothing() throws Exception {
        GatewayTls tls = gatewayTls();
        tls.apply(tls.firstStart());
        X509Certificate generated = JettyLikePaxWeb.served(httpsPort);
        Map<String, Object> settings = paxWeb.read();
        List<Path> stores = keyStores();
        Issued other = TestCertificates.issue("other", TestCertificates.ec(), null, TestCertificates.Kind.SERVER,
                clock.instant().minusSeconds(60), clock.instant().plusSeconds(60));

        assertThrows(CertificateRefused.class, () -> tls.own("garbage", "garbage"));
        assertThrows(CertificateRefused.class, () -> tls.own(TestCertificates.pem(other.certificate()),
                TestCertificates.pem(TestCertificates.ec().getPrivate())));

        assertEquals(settings, paxWeb.read());
        assertEquals(stores, keyStores());
        assertEquals(generated, JettyLikePaxWeb.served(httpsPort));
    }

    @Test
    void aNewSelfSignedCertificateAndOnlyTheNewestTwoKeyStoresKept() throws Exception {
        GatewayTls tls = gatewayTls();
        tls.apply(tls.firstStart());
        X509Certificate first = JettyLikePaxWeb.served(httpsPort);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            tls.apply(tls.selfSigned());
        }
        X509Certificate last = JettyLikePaxWeb.served(httpsPort);
        assertNotEquals(first, last);
        assertEquals(tls.state().certificate(), last);
        assertEquals(2, keyStores().size());
        assertTrue(keyStores().contains(Path.of(paxWeb.read().get(WebServerSettings.KEY_STORE).toString())));
    }

    @Test
    void aMissingKeyStoreIsReplacedAtStartAndHttpCanBeSwitched() throws Exception {
        GatewayTls tls = gatewayTls();
        tls.apply(tls.firstStart());
        for (Path store : keyStores()) {
            Files.delete(store);
        }
        assertEquals(null, tls.state().certificate());
        GatewayTls restarted = gatewayTls();
        restarted.apply(restarted.firstStart());
        assertEquals(restarted.state().certificate(), JettyLikePaxWeb.served(httpsPort));

        restarted.apply(restarted.http(false));
        assertFalse(restarted.state().httpEnabled());
        assertEquals("false", paxWeb.read().get(WebServerSettings.HTTP_ENABLED));
    }

    @Test
    void httpsStaysOffWhileItsPortIsTaken() throws Exception {
        GatewayTls tls = gatewayTls();
        Map<String, Object> settings = paxWeb.read();
        try (java.net.ServerSocket other = new java.net.ServerSocket()) {
            other.setReuseAddress(true);
            other.bind(new java.net.InetSocketAddress(httpsPort));
            HttpsPortInUse refused = assertThrows(HttpsPortInUse.class, tls::firstStart);
            assertTrue(refused.getMessage().contains("port " + httpsPort), refused.getMessage());
            assertEquals(settings, paxWeb.read());
            assertFalse(Files.exists(etc.resolve("echarge-tls")));
        }
        tls.apply(tls.firstStart()); // the next start, once the port is free
        assertEquals(tls.state().certificate(), JettyLikePaxWeb.served(httpsPort));
        clock.advance(Duration.ofSeconds(1));
        tls.apply(tls.selfSigned()); // HTTPS on: Pax Web holds the port, which is no reason to refuse
        assertEquals(tls.state().certificate(), JettyLikePaxWeb.served(httpsPort));
    }

    @Test
    void factoryResetBringsBackPlainHttpAndASelfSignedCertificate() throws Exception {
        GatewayTls tls = gatewayTls();
        tls.apply(tls.firstStart());
        int restarts = paxWeb.restarts();
        tls.resetToFactory(); // already the factory state: nothing to do
        Thread.sleep(1500);
        assertEquals(restarts, paxWeb.restarts());

        clock.advance(Duration.ofSeconds(1));
        String[] own = TlsTestCertificates.serverPem("own.site", clock.instant().minusSeconds(60),
                clock.instant().plus(Duration.ofDays(30)));
        tls.apply(tls.own(own[0], own[1]));
        tls.apply(tls.http(false));
        assertEquals("CN=own.site", JettyLikePaxWeb.served(httpsPort).getSubjectX500Principal().getName());

        clock.advance(Duration.ofSeconds(1));
        tls.resetToFactory();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!tls.state().httpEnabled()) {
            assertTrue(System.nanoTime() < deadline, "the reset was not applied");
            Thread.sleep(50);
        }
        X509Certificate served = JettyLikePaxWeb.served(httpsPort);
        assertEquals("CN=gw-test,O=e-charge gateway (self-signed)", served.getSubjectX500Principal().getName());
        assertEquals(tls.state().certificate(), served);
        assertEquals("HTTPS certificate and plain HTTP", tls.name());
    }

    private GatewayTls gatewayTls() {
        return new GatewayTls(etc, paxWeb, clock, new SecureRandom(), () -> "gw-test",
                () -> List.of(InetAddress.getLoopbackAddress()), GatewayTls::canListen);
    }

    private List<Path> keyStores() throws Exception {
        try (Stream<Path> files = Files.list(etc.resolve("echarge-tls"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".p12")).sorted().toList();
        }
    }
}
