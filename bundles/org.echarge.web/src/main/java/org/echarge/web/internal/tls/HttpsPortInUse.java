package org.echarge.web.internal.tls;

import java.io.IOException;

/**
 * HTTPS cannot be turned on: its port is taken by another program. Pax Web 8 would not start
 * its server at all with a connector that cannot bind (HTTP would stop serving too), so the
 * gateway leaves HTTPS off instead.
 */
public final class HttpsPortInUse extends IOException {

    private static final long serialVersionUID = 1L;

    public HttpsPortInUse(int port) {
        super("HTTPS port " + port + " is in use by another program; HTTPS stays off (set "
                + WebServerSettings.HTTPS_PORT + " in etc/" + WebServerSettings.PID + ".cfg to a free port)");
    }
}
