package org.echarge.updater.internal.firmware;

import java.util.Optional;

import org.echarge.updater.internal.verify.UpdateRefusedException;
import org.osgi.framework.Version;

/**
 * A firmware version as the build names it ({@code 0.2.0}, {@code 0.2.0-SNAPSHOT}), ordered as
 * an OSGi version with the text after the first {@code -} as qualifier: the same rule as for
 * drivers, so a qualified build sorts after the plain release of the same numbers.
 */
public record FirmwareVersion(String text, Version version) implements Comparable<FirmwareVersion> {

    public static FirmwareVersion parse(String text, String what) throws UpdateRefusedException {
        String trimmed = text == null ? "" : text.trim();
        try {
            return new FirmwareVersion(trimmed, Version.parseVersion(trimmed.replaceFirst("-", ".")));
        } catch (IllegalArgumentException e) {
            throw new UpdateRefusedException(what + " '" + trimmed + "' is not a version (major.minor.micro)");
        }
    }

    public int major() {
        return version.getMajor();
    }

    @Override
    public int compareTo(FirmwareVersion other) {
        return version.compareTo(other.version);
    }

    /**
     * Spec section 10: firmware and configuration are compatible when their major versions are
     * equal. Empty when they are (or when the configuration carries no version).
     */
    public static Optional<String> compatibilityWarning(String firmware, String applicationVersion) {
        if (applicationVersion == null || applicationVersion.isBlank() || firmware == null || firmware.isBlank()) {
            return Optional.empty();
        }
        try {
            FirmwareVersion a = parse(firmware, "firmware");
            FirmwareVersion b = parse(applicationVersion, "application version");
            return a.major() == b.major() ? Optional.empty()
                    : Optional.of("the configuration was made for application version " + applicationVersion
                            + " and firmware " + firmware + " has another major version: check the configuration "
                            + "(compatible only when the major versions are equal)");
        } catch (UpdateRefusedException e) {
            return Optional.of(e.getMessage());
        }
    }
}
