/**
 * KNX side of the gateway (spec section 7): the datapoint types its group objects use, and the rows of
 * its group object table as the web console shows them.
 */
@Export
@Version("0.2.0")
package org.echarge.knx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
