package org.echarge.web.internal.tls;

import java.security.cert.X509Certificate;

/**
 * What the web server serves: which connectors, on which ports, with which certificate
 * ({@code null} while HTTPS has none that the gateway can read).
 */
public record TlsState(boolean httpsEnabled, boolean httpEnabled, int httpsPort, int httpPort,
        X509Certificate certificate) {
}
