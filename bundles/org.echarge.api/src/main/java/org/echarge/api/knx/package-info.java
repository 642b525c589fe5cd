/** The gateway as a KNX device, as the web console and the status indicators see it. */
@Export
@Version("0.2.0")
package org.echarge.api.knx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
