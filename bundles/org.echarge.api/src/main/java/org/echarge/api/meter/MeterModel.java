package org.echarge.api.meter;

import java.util.Objects;
import java.util.Set;

import org.echarge.api.Transport;

/**
 * An electricity meter model the installer can select; for a preconfigured model only the
 * address has to be entered.
 */
public record MeterModel(String id, String manufacturer, String name, Set<Transport> transports, int defaultPort) {

    public MeterModel {
        Objects.requireNonNull(id, "id");
        transports = Set.copyOf(transports);
    }
}
