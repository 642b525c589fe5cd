package org.echarge.system.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code gateway.txt} of the log archive: what the gateway is, since when, and its bundles. */
final class GatewayReport {

    private GatewayReport() {
    }

    static String of(GatewayIdentity gateway, Instant now, List<InstalledBundle> bundles) {
        StringBuilder text = new StringBuilder();
        text.append(gateway.name()).append(' ').append(gateway.version()).append('\n');
        text.append("Started: ").append(gateway.startedAt()).append('\n');
        text.append("Uptime: ").append(Duration.between(gateway.startedAt(), now).toSeconds()).append(" s\n");
        text.append("Created: ").append(now).append('\n');
        text.append("Java: ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        text.append("\nBundles (id, state, symbolic name, version):\n");
        for (InstalledBundle bundle : bundles) {
            text.append(String.format("%4d %-11s %s %s%n", bundle.id(), bundle.state(), bundle.symbolicName(),
                    bundle.version()));
        }
        return text.toString();
    }
}
