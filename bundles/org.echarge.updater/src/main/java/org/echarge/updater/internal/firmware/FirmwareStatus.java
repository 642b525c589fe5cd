package org.echarge.updater.internal.firmware;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the gateway knows about its firmware: the running version, the one in the other slot,
 * the supervisor's last result and whether "previous firmware restored" is to be shown.
 *
 * @param supervised the gateway runs under the supervisor (firmware updates are possible)
 * @param lastResult the supervisor's last switch ({@code UPDATED}, {@code RESTORED}, {@code FAILED}), or null
 * @param restored the last new firmware failed and the previous one runs again (indicators: APP and COM alternating)
 * @param applicationVersion the application version the configuration carries
 * @param warning set when firmware and configuration have different major versions
 */
public record FirmwareStatus(String version, String previousVersion, boolean supervised, Properties lastResult,
        boolean restored, String applicationVersion, String warning) {

    /** The file in {@code etc/} with the configuration's application version (carried over by the supervisor). */
    public static final String APPLICATION_VERSION_FILE = "echarge-application.version";

    public static FirmwareStatus read(String runningVersion, Optional<FirmwareLayout> layout, Path etc) {
        String application = firstLine(etc.resolve(APPLICATION_VERSION_FILE)).orElse(runningVersion);
        String warning = FirmwareVersion.compatibilityWarning(runningVersion, application).orElse(null);
        if (layout.isEmpty()) {
            return new FirmwareStatus(runningVersion, null, false, null, false, application, warning);
        }
        FirmwareLayout l = layout.get();
        Properties previous = properties(l.previousSlot().resolve("etc/system.properties"));
        Properties result = properties(l.lastResult());
        return new FirmwareStatus(runningVersion, previous == null ? null : previous.getProperty("echarge.version"),
                true, result, Files.exists(l.restoredMarker()), application, warning);
    }

    static Optional<String> firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(line -> !line.isEmpty()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Properties properties(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
