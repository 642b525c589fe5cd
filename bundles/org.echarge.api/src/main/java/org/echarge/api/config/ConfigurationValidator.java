package org.echarge.api.config;

import java.util.List;

/**
 * The rules of one bundle's configuration (whiteboard: every registered validator sees every
 * proposed set). It sees the whole set, so that rules across configurations work (unique point
 * numbers, unique RS485 addresses, KNX links to objects that exist with the proposed points), and
 * reports only on the configurations it owns. It must run exactly the checks its components run
 * when they are activated, so that what it accepts they accept.
 */
public interface ConfigurationValidator {

    /** Every problem found; empty when the bundle's configurations in {@code proposed} are valid. */
    List<ConfigurationProblem> validate(ProposedConfiguration proposed);
}
