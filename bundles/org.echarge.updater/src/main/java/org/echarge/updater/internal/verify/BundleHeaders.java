package org.echarge.updater.internal.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The manifest headers that decide whether a bundle is a charger driver update.
 *
 * @param exportPackage the Export-Package header, empty when the bundle exports nothing
 * @param providesChargerDriver whether the bundle declares a ChargerDriver service: bnd writes an
 *     {@code osgi.service} capability for each DS component's service
 */
public record BundleHeaders(String symbolicName, Version version, String exportPackage, boolean providesChargerDriver) {

    static BundleHeaders of(Manifest manifest) throws UpdateRefusedException {
        Attributes main = manifest.getMainAttributes();
        if (!"2".equals(trimmed(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            throw new UpdateRefusedException("bundle.jar is not an OSGi bundle (Bundle-ManifestVersion is not 2)");
        }
        String symbolicName = symbolicName(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
        if (symbolicName.isEmpty()) {
            throw new UpdateRefusedException("bundle.jar has no Bundle-SymbolicName");
        }
        Version version;
        try {
            version = Version.parseVersion(trimmed(main.getValue(Constants.BUNDLE_VERSION)));
        } catch (IllegalArgumentException e) {
            throw new UpdateRefusedException("bundle.jar has an invalid Bundle-Version: " + e.getMessage(), e);
        }
        return new BundleHeaders(symbolicName, version, trimmed(main.getValue(Constants.EXPORT_PACKAGE)),
                providesChargerDriver(main.getValue(Constants.PROVIDE_CAPABILITY)));
    }

    /** The name without directives: {@code a.b;singleton:=true} is {@code a.b}. */
    public static String symbolicName(String header) {
        String value = trimmed(header);
        int directives = value.indexOf(';');
        return (directives < 0 ? value : value.substring(0, directives)).trim();
    }

    /** Whether a Provide-Capability header has an {@code osgi.service} capability naming ChargerDriver. */
    public static boolean providesChargerDriver(String provideCapability) {
        for (String clause : split(trimmed(provideCapability), ',')) {
            List<String> parts = split(clause, ';');
            if (!parts.get(0).trim().equals("osgi.service")) {
                continue;
            }
            for (String part : parts.subList(1, parts.size())) {
                int equals = part.indexOf('=');
                if (equals <= 0 || part.charAt(equals - 1) == ':') {
                    continue; // a directive such as uses:=
                }
                String name = part.substring(0, equals).trim();
                if (name.equals("objectClass") || name.startsWith("objectClass:")) {
                    String value = part.substring(equals + 1).trim().replace("\"", "");
                    if (List.of(value.split("\\s*,\\s*")).contains(PackageFormat.CHARGER_DRIVER)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Splits at the separator where it is not inside double quotes. */
    static List<String> split(String header, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(header.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(header.substring(start));
        return parts;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
