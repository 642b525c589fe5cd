package org.echarge.api.config;

import java.util.Optional;
import java.util.Set;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.point.PointConfiguration;

/**
 * The charging point runtime's reading of a proposed point configuration, for validators whose
 * rules depend on the points (which KNX objects exist depends on each point's model and datapoint
 * types). Offered by the point runtime; no second reading of its settings elsewhere.
 */
public interface PointConfigurationReader {

    /** The point as its component would run it; empty when the point's own rules refuse it. */
    Optional<PointConfiguration> read(ProposedConfiguration.Entry point);

    /** What a charger model can do, by the installed drivers; empty while no driver offers the model. */
    Set<ChargerCapability> capabilities(String modelId);
}
