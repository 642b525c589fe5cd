package org.echarge.updater.internal.verify;

import org.osgi.framework.Version;

/**
 * A package whose signature, integrity and bundle have been checked: {@code jar} is exactly the
 * signed bundle.
 */
public record VerifiedUpdate(String symbolicName, Version version, byte[] jar, String sha256) {
}
