/** The gateway's Modbus API: drivers code against this, never against j2mod or jSerialComm. */
@Export
@Version("0.2.0")
package org.echarge.modbus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
