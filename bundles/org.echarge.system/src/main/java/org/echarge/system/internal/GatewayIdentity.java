package org.echarge.system.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.osgi.framework.BundleContext;

/**
 * The gateway's name, version and start (the JVM's, which is when the gateway started).
 *
 * @param applicationVersion {@code major.minor.micro} of the version, the one configuration
 *        documents are checked against
 */
record GatewayIdentity(String name, String version, String applicationVersion, Instant startedAt) {

    static GatewayIdentity of(BundleContext context) {
        String name = context.getProperty("echarge.name");
        String version = context.getProperty("echarge.version");
        return of(name == null ? "e-charge gateway" : name,
                version == null ? context.getBundle().getVersion().toString() : version,
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    static GatewayIdentity of(String name, String version, Instant startedAt) {
        String[] parts = version.split("[.-]", 4);
        String application = parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : version;
        return new GatewayIdentity(name, version, application, startedAt);
    }
}
