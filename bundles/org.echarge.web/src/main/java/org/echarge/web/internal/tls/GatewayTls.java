package org.echarge.web.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.echarge.api.reset.ResetParticipant;
import org.echarge.web.internal.security.AtomicFile;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTPS. At the first start it makes a self-signed certificate
 * ({@link SelfSignedCertificate}) and has Pax Web serve HTTPS with it on port
 * {@value #DEFAULT_HTTPS_PORT} (or the port already set in {@code etc/org.ops4j.pax.web.cfg}) in
 * addition to HTTP. The installer can replace the certificate with their own
 * ({@link PemImport}) and switch plain HTTP off.
 * <p>
 * Files: {@code <karaf.etc>/echarge-tls/} (owner-only) holds the PKCS12 key stores
 * {@code https-<UTC time>-<random>.p12} (owner-only; the current one and the one before, which Pax Web
 * may still read while it restarts) and {@code certificate.pem} (the current chain). Each key
 * store has its own random password (192 bits), kept only in Pax Web's configuration and never
 * logged. Generation happens in the bundle rather than in {@code bin/setenv} (keytool) so that a
 * gateway started without the scripts (under Pax Exam, or a distribution someone else
 * launches) gets HTTPS too; Bouncy Castle builds the certificate because the JDK has no public
 * API for it.
 * <p>
 * Every change is prepared first (files written, nothing served differently yet), then applied
 * by {@link #apply}: a change of Pax Web's configuration, which restarts its Jetty.
 */
@Component(service = {GatewayTls.class, ResetParticipant.class}, immediate = true)
public final class GatewayTls implements ResetParticipant {

    public static final int DEFAULT_HTTPS_PORT = 8443;
    static final String DIRECTORY = "echarge-tls";
    static final String ORGANISATION = "e-charge gateway (self-signed)";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayTls.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Settings to give Pax Web; nothing changes until they are applied. */
    public record Change(Map<String, String> settings, String description) {
    }

    private final Path directory;
    private final WebServerSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final Supplier<String> hostName;
    private final Supplier<List<InetAddress>> addresses;
    private final IntPredicate portFree;

    @Activate
    public GatewayTls(@Reference ConfigurationAdmin configurationAdmin, BundleContext context) throws IOException {
        this(Path.of(context.getProperty("karaf.etc")), new PaxWebConfiguration(configurationAdmin,
                Path.of(context.getProperty("karaf.etc"))), Clock.systemUTC(), new SecureRandom(),
                GatewayTls::localHostName, GatewayTls::localAddresses, GatewayTls::canListen);
        try {
            apply(firstStart());
        } catch (HttpsPortInUse e) {
            LOG.error("HTTPS: {}", e.getMessage()); // the console stays on HTTP; the next start tries again
        }
    }

    /** For tests: {@code portFree} tells whether a port could be listened on (the machine's: {@link #canListen}). */
    public GatewayTls(Path etc, WebServerSettings settings, Clock clock, SecureRandom random, Supplier<String> hostName,
            Supplier<List<InetAddress>> addresses, IntPredicate portFree) {
        this.directory = etc.resolve(DIRECTORY);
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.hostName = hostName;
        this.addresses = addresses;
        this.portFree = portFree;
    }

    /**
     * What the first start needs: nothing when Pax Web already serves a key store it can read
     * (this gateway's, or one configured by hand), else a new self-signed certificate.
     */
    public Change firstStart() throws IOException {
        Map<String, Object> current = settings.read();
        if (current(current) != null) {
            return new Change(Map.of(), "HTTPS already set up");
        }
        return selfSigned();
    }

    /** A new self-signed certificate for this machine's names and addresses. */
    public Change selfSigned() throws IOException {
        String host = hostName.get();
        List<InetAddress> ips = addresses.get();
        TlsCredentials credentials;
        try {
            credentials = SelfSignedCertificate.generate(host, ips, clock.instant(), random);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the HTTPS certificate: " + e.getMessage(), e);
        }
        return prepare(credentials, "self-signed certificate generated for " + host + ", localhost and "
                + ips.stream().map(SelfSignedCertificate::text).toList());
    }

    /** One's own certificate and key, checked by {@link PemImport}; refused as a whole or prepared. */
    public Change own(String certificatePem, String privateKeyPem) throws CertificateRefused, IOException {
        TlsCredentials credentials = PemImport.parse(certificatePem, privateKeyPem, clock.instant());
        return prepare(credentials, "own certificate installed");
    }

    /** Plain HTTP on or off; the caller switches it off only while HTTPS is on (else nothing could reach the gateway). */
    public Change http(boolean enabled) {
        return new Change(Map.of(WebServerSettings.HTTP_ENABLED, Boolean.toString(enabled)),
                "plain HTTP " + (enabled ? "switched on" : "switched off"));
    }

    @Override
    public String name() {
        return "HTTPS certificate and plain HTTP";
    }

    /**
     * Factory state: plain HTTP on, HTTPS with a certificate the gateway made (one's own is
     * replaced by a new self-signed one). Nothing happens when that is the state already. The
     * change is applied a second later, so that the answer to the reset request is out before
     * Pax Web restarts.
     */
    @Override
    public void resetToFactory() throws IOException {
        TlsState state = state();
        Map<String, String> changes = new HashMap<>();
        X509Certificate certificate = state.certificate();
        if (certificate == null || !madeHere(certificate)) {
            changes.putAll(selfSigned().settings());
        }
        if (!state.httpEnabled()) {
            changes.putAll(http(true).settings());
        }
        if (changes.isEmpty()) {
            return;
        }
        Change change = new Change(changes, "factory reset: plain HTTP on, a self-signed certificate");
        CompletableFuture.runAsync(() -> {
            try {
                apply(change);
            } catch (IOException e) {
                LOG.error("HTTPS: the factory reset could not be applied: {}", e.getMessage());
            }
        }, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }

    private static boolean madeHere(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && certificate.getSubjectX500Principal().getName().contains("O=" + ORGANISATION);
    }

    /** Gives Pax Web the change; it restarts its server when something differs. */
    public void apply(Change change) throws IOException {
        if (settings.update(change.settings())) {
            LOG.info("HTTPS: {}; the web server restarts with the new settings", change.description());
        }
        removeOldKeyStores();
    }

    public TlsState state() throws IOException {
        return state(settings.read());
    }

    /** The state once the change is applied. */
    public TlsState after(Change change) throws IOException {
        Map<String, Object> next = new HashMap<>(settings.read());
        next.putAll(change.settings());
        return state(next);
    }

    private static TlsState state(Map<String, Object> settings) {
        TlsCredentials credentials = current(settings);
        return new TlsState(flag(settings, WebServerSettings.HTTPS_ENABLED, false),
                flag(settings, WebServerSettings.HTTP_ENABLED, true),
                port(settings, WebServerSettings.HTTPS_PORT, DEFAULT_HTTPS_PORT),
                port(settings, WebServerSettings.HTTP_PORT, 8080),
                credentials == null ? null : credentials.certificate());
    }

    /**
     * Writes the key store and its chain; the change turns HTTPS on with them. Refused with
     * {@link HttpsPortInUse} while HTTPS is off and its port is taken (while it is on, Pax Web
     * holds the port itself).
     */
    private Change prepare(TlsCredentials credentials, String description) throws IOException {
        Map<String, Object> current = settings.read();
        int port = port(current, WebServerSettings.HTTPS_PORT, DEFAULT_HTTPS_PORT);
        if (!flag(current, WebServerSettings.HTTPS_ENABLED, false) && !portFree.test(port)) {
            throw new HttpsPortInUse(port);
        }
        char[] password = password();
        Path keyStore = directory.resolve("https-" + FILE_TIME.format(clock.instant()) + "-"
                + Integer.toHexString(random.nextInt(0x10000) | 0x10000).substring(1) + ".p12");
        AtomicFile.createOwnerOnlyDirectories(directory);
        AtomicFile.restrictToOwner(directory);
        AtomicFile.write(keyStore, out -> out.write(credentials.toKeyStore(password)));
        AtomicFile.write(directory.resolve("certificate.pem"), out -> {
            try (JcaPEMWriter pem = new JcaPEMWriter(new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII))) {
                for (X509Certificate certificate : credentials.chain()) {
                    pem.writeObject(certificate);
                }
            }
        });
        X509Certificate certificate = credentials.certificate();
        LOG.info("HTTPS: {}: {}, issued by {}, valid until {}, SHA-256 fingerprint {}; key store {}", description,
                certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getNotAfter().toInstant(), TlsCredentials.fingerprint(certificate), keyStore);
        return new Change(Map.of(WebServerSettings.HTTPS_ENABLED, "true",
                WebServerSettings.HTTPS_PORT, String.valueOf(port),
                WebServerSettings.KEY_STORE, keyStore.toAbsolutePath().toString(),
                WebServerSettings.KEY_STORE_TYPE, TlsCredentials.KEY_STORE_TYPE,
                WebServerSettings.KEY_STORE_PASSWORD, new String(password),
                WebServerSettings.KEY_PASSWORD, new String(password),
                WebServerSettings.KEY_ALIAS, TlsCredentials.ALIAS), description);
    }

    /** The key store Pax Web is configured with, if HTTPS is on and it can be read; else null. */
    private static TlsCredentials current(Map<String, Object> settings) {
        Object file = settings.get(WebServerSettings.KEY_STORE);
        Object password = settings.get(WebServerSettings.KEY_STORE_PASSWORD);
        if (!flag(settings, WebServerSettings.HTTPS_ENABLED, false) || file == null || password == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(Path.of(file.toString()))) {
            return TlsCredentials.fromKeyStore(in, password.toString().toCharArray());
        } catch (IOException | RuntimeException e) {
            LOG.warn("HTTPS: the configured key store {} cannot be read ({})", file, e.getMessage());
            return null;
        }
    }

    /** Keeps the newest two key stores: the current one, and the one Pax Web may read until it restarts. */
    private void removeOldKeyStores() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> stores = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "https-*.p12")) {
            files.forEach(stores::add);
        }
        stores.sort(Collections.reverseOrder());
        for (Path old : stores.subList(Math.min(2, stores.size()), stores.size())) {
            Files.deleteIfExists(old);
        }
    }

    private char[] password() {
        byte[] bits = new byte[24];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits).toCharArray();
    }

    private static boolean flag(Map<String, Object> settings, String key, boolean otherwise) {
        Object value = settings.get(key);
        return value == null ? otherwise : Boolean.parseBoolean(value.toString().strip());
    }

    private static int port(Map<String, Object> settings, String key, int otherwise) {
        Object value = settings.get(key);
        try {
            return value == null ? otherwise : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Whether a server socket could listen on the port on every address, as Jetty would (address reuse on). */
    static boolean canListen(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Every address of every interface that is up (loopback included), without IPv6 link-local ones. */
    private static List<InetAddress> localAddresses() {
        try {
            List<InetAddress> found = new ArrayList<>();
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (network.isUp()) {
                    Collections.list(network.getInetAddresses()).stream()
                            .filter(address -> !(address.isLinkLocalAddress() && address.getAddress().length == 16))
                            .forEach(found::add);
                }
            }
            return found;
        } catch (SocketException e) {
            LOG.warn("HTTPS: the network interfaces cannot be listed ({}); the certificate names loopback only",
                    e.getMessage());
            return List.of(InetAddress.getLoopbackAddress());
        }
    }
}
