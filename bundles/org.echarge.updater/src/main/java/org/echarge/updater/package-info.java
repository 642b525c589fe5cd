/** Field updates of single charger driver bundles (spec section 10): verify, update in place, roll back. */
@Export
@Version("0.1.0")
package org.echarge.updater;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
