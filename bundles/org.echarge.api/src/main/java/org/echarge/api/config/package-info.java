/**
 * Validation of the gateway's configuration as a whole, before it is applied: the configuration
 * bundle offers the proposed set ({@link ProposedConfiguration}), and every bundle that owns
 * configuration rules registers a {@link ConfigurationValidator} that runs the same checks as its
 * components do when they are activated.
 */
@Export
@Version("0.1.0")
package org.echarge.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
