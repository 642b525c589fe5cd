package org.echarge.updater.internal.verify;

import java.util.List;

/**
 * A driver update package is a ZIP archive with exactly three entries at its top level:
 * {@code update.properties} (what the package is, including the SHA-256 of the bundle),
 * {@code update.sig} (Ed25519 signature of the exact bytes of {@code update.properties}) and
 * {@code bundle.jar} (the driver bundle). The signature covers the properties, the properties
 * cover the bundle through its hash.
 */
public final class PackageFormat {

    public static final String PROPERTIES = "update.properties";
    public static final String SIGNATURE = "update.sig";
    public static final String BUNDLE = "bundle.jar";
    public static final List<String> ENTRIES = List.of(PROPERTIES, SIGNATURE, BUNDLE);

    public static final String FORMAT = "format";
    public static final String FORMAT_VERSION = "1";
    public static final String SYMBOLIC_NAME = "bundle.symbolicName";
    public static final String VERSION = "bundle.version";
    public static final String SHA_256 = "bundle.sha256";

    public static final String SIGNATURE_ALGORITHM = "Ed25519";
    /** Ed25519 signatures are always 64 bytes (RFC 8032). */
    public static final int SIGNATURE_BYTES = 64;
    public static final int MAX_PROPERTIES_BYTES = 16 * 1024;

    public static final String DRIVER_PREFIX = "org.echarge.driver.";
    public static final String CHARGER_DRIVER = "org.echarge.api.charger.ChargerDriver";

    private PackageFormat() {
    }
}
