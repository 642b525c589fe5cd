package org.echarge.web.internal.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Stands for Pax Web 8 in the tests: holds the settings of {@value WebServerSettings#PID} and,
 * as Pax Web does on every change, stops its Jetty 9.4 and starts a new one whose HTTPS connector
 * (on 127.0.0.1) reads the configured PKCS12 key store with the configured passwords and alias.
 */
public final class JettyLikePaxWeb implements WebServerSettings, AutoCloseable {

    private Map<String, Object> settings;
    private Server server;
    private int restarts;

    public JettyLikePaxWeb(int httpsPort) {
        settings = new HashMap<>(Map.of(HTTP_ENABLED, "true", HTTP_PORT, "8181", HTTPS_ENABLED, "false",
                HTTPS_PORT, Integer.toString(httpsPort), "felix.fileinstall.filename", "file:/etc/x.cfg"));
    }

    @Override
    public synchronized Map<String, Object> read() {
        return new HashMap<>(settings);
    }

    @Override
    public synchronized boolean update(Map<String, String> changes) throws IOException {
        Map<String, Object> next = new HashMap<>(settings);
        next.putAll(changes);
        if (next.equals(settings)) {
            return false;
        }
        settings = next;
        restart();
        return true;
    }

    public synchronized int restarts() {
        return restarts;
    }

    private void restart() throws IOException {
        try {
            close();
            restarts++;
            if (!Boolean.parseBoolean(settings.get(HTTPS_ENABLED).toString())) {
                return;
            }
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(settings.get(KEY_STORE).toString());
            tls.setKeyStoreType(settings.get(KEY_STORE_TYPE).toString());
            tls.setKeyStorePassword(settings.get(KEY_STORE_PASSWORD).toString());
            tls.setKeyManagerPassword(settings.get(KEY_PASSWORD).toString());
            tls.setCertAlias(settings.get(KEY_ALIAS).toString());
            server = new Server();
            ServerConnector connector = new ServerConnector(server, tls);
            connector.setHost("127.0.0.1");
            connector.setPort(Integer.parseInt(settings.get(HTTPS_PORT).toString()));
            server.addConnector(connector);
            server.start();
        } catch (Exception e) {
            throw new IOException("the web server did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Whether handshakes with 127.0.0.1:{@code port} come to see the certificate with this
     * fingerprint within 10 s: a change is applied after its answer was sent, so the server may
     * still be restarting when the client has the answer.
     */
    public static boolean comesToServe(int port, String sha256) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (TlsCredentials.fingerprint(served(port)).equals(sha256)) {
                    return true;
                }
            } catch (IOException e) {
                // restarting
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The certificate a TLS client sees in a real handshake with 127.0.0.1:{@code port}. */
    public static X509Certificate served(int port) throws Exception {
        X509TrustManager anyCertificate = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("client side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test compares the certificate itself
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anyCertificate}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
