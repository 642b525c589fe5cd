/**
 * The demo site's simulated stations for benchmarks and tests in the same JVM: each running station
 * is a {@link org.echarge.sim.control.SimulatedStationControl} service (plug a vehicle in, take it
 * away), and every {@link org.echarge.sim.control.RegisterWriteListener} service hears of the
 * register writes the stations take, with a timestamp.
 */
@Export
@Version("0.1.0")
package org.echarge.sim.control;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
