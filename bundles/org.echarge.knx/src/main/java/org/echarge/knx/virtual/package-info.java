/**
 * Virtual KNX networks inside the gateway's JVM, for the demo site, tests and benchmarks: the
 * gateway's KNX binding joins one in connection mode {@code VIRTUAL}, and other bundles join the
 * same network as participants through the {@link org.echarge.knx.virtual.VirtualKnx} service. They
 * exchange group telegrams exactly as devices on a KNX line do; values are given and received in the
 * gateway's units and encoded by the KNX bundle's datapoint codec.
 */
@Export
@Version("0.1.0")
package org.echarge.knx.virtual;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
