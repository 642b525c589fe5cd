package org.echarge.knx.internal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.point.PointConfiguration;

/**
 * A charging point as far as its group objects depend on it.
 *
 * @param capabilities what the point's charger model can do (its {@code ChargerModel.capabilities()})
 * @param electricityMeter whether a retrofitted electricity meter is configured for the point
 */
public record PointSetup(PointConfiguration configuration, Set<ChargerCapability> capabilities,
        boolean electricityMeter) {

    public PointSetup {
        Objects.requireNonNull(configuration, "configuration");
        capabilities = Set.copyOf(capabilities);
        if (configuration.number() < 1) {
            throw new IllegalArgumentException("charging point number " + configuration.number() + " is below 1");
        }
    }

    /** A point with its model's capabilities; the runtime tracks sessions for every point, so their times exist whatever the model. */
    public static PointSetup of(PointConfiguration configuration, Set<ChargerCapability> modelCapabilities) {
        Set<ChargerCapability> capabilities = EnumSet.of(ChargerCapability.SESSION_TIMES);
        capabilities.addAll(modelCapabilities);
        return new PointSetup(configuration, capabilities, configuration.hasMeter());
    }

    public int number() {
        return configuration.number();
    }

    public boolean supports(ChargerCapability capability) {
        return capabilities.contains(capability);
    }

    /** Whether currents, powers and energies are measured: by the charger or by an electricity meter. */
    public boolean metered() {
        return electricityMeter || supports(ChargerCapability.METERING);
    }
}
