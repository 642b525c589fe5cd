package org.echarge.web.internal.tls;

import java.io.IOException;
import java.util.Map;

/**
 * The web server's connector settings: the configuration {@value #PID} that Pax Web reads. A
 * change makes Pax Web 8 stop its Jetty and start a new one with the new connectors (every
 * servlet and filter is registered again by the whiteboard), so changes are made only when
 * something differs, and after the answer to the request that caused them has been sent.
 */
public interface WebServerSettings {

    String PID = "org.ops4j.pax.web";
    String HTTP_ENABLED = "org.osgi.service.http.enabled";
    String HTTP_PORT = "org.osgi.service.http.port";
    String HTTPS_ENABLED = "org.osgi.service.http.secure.enabled";
    String HTTPS_PORT = "org.osgi.service.http.port.secure";
    String KEY_STORE = "org.ops4j.pax.web.ssl.keystore";
    String KEY_STORE_PASSWORD = "org.ops4j.pax.web.ssl.keystore.password";
    String KEY_STORE_TYPE = "org.ops4j.pax.web.ssl.keystore.type";
    String KEY_PASSWORD = "org.ops4j.pax.web.ssl.key.password";
    String KEY_ALIAS = "org.ops4j.pax.web.ssl.key.alias";

    /** The current settings (values as stored: strings from the .cfg file, or typed). */
    Map<String, Object> read() throws IOException;

    /** Merges {@code changes} into the settings; false when nothing differed (then nothing restarts). */
    boolean update(Map<String, String> changes) throws IOException;
}
