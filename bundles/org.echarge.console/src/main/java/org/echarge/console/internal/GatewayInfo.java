package org.echarge.console.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.osgi.framework.BundleContext;

/** Who is answering: shown in the console's device box and footer. */
record GatewayInfo(String name, String version, Instant started) {

    /** The same sources as {@code /echarge/api/status}: framework properties, else defaults. */
    static GatewayInfo of(BundleContext context) {
        String name = context.getProperty("echarge.name");
        String version = context.getProperty("echarge.version");
        return new GatewayInfo(name == null ? "e-charge gateway" : name,
                version == null ? context.getBundle().getVersion().toString() : version,
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }
}
