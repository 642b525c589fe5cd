/** KNX side of the gateway (spec section 7): the datapoint types its group objects use. */
@Export
@Version("0.1.0")
package org.echarge.knx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
