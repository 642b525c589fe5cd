@Export
@Version("0.2.0")
package org.echarge.api.point;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
