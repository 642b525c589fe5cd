package org.echarge.api.reset;

/**
 * Spec section 11: the gateway forgets all parameters and group address links, and comes up
 * unconfigured without a restart. Parts that keep state outside the configuration (password,
 * individual address, network) take part as {@link ResetParticipant}s.
 */
public interface FactoryReset {

    /** Resets now; returns when every configuration is gone and every participant has run. */
    ResetReport reset();
}
