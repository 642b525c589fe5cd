package org.echarge.config.internal;

import java.util.List;

/** The whole configuration of the gateway, as exported, imported and applied. */
public record ConfigDocument(String format, String applicationVersion, List<ConfigEntry> configurations) {

    public static final String FORMAT = "echarge-config";
}
