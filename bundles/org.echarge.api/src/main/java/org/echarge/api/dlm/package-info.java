/** Dynamic load management as the KNX binding and the web console see it. */
@Export
@Version("0.1.0")
package org.echarge.api.dlm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
