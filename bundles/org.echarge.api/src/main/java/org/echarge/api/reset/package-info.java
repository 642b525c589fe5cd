@Export
@Version("0.1.0")
package org.echarge.api.reset;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
