package org.echarge.api.config;

import java.util.Optional;

import org.echarge.api.dlm.MeterSettings;

/**
 * DLM's reading of a proposed DLM configuration: whether DLM is on and how its smart meter sends
 * (which KNX objects 10-13 and 20 exist depends on it). Offered by the DLM bundle.
 */
public interface MeterSettingsReader {

    /** The smart meter settings DLM would run with in {@code proposed}; empty when DLM's rules refuse its configuration. */
    Optional<MeterSettings> read(ProposedConfiguration proposed);
}
