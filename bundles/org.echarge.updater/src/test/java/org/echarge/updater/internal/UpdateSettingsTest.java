package org.echarge.updater.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class UpdateSettingsTest {

    @Test
    void defaultsResolveTheKeyBelowTheKarafBase() {
        UpdateSettings settings = UpdateSettings.of(config("etc/echarge-update.pub", 16, 20, 30, 100), Path.of("/opt/gw"));

        assertEquals(new UpdateSettings(Path.of("/opt/gw/etc/echarge-update.pub"), 16L * 1024 * 1024,
                Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofMillis(200), 100), settings);
    }

    @Test
    void anAbsoluteKeyPathStaysAsItIs() {
        assertEquals(Path.of("/keys/update.pub"),
                UpdateSettings.of(config("/keys/update.pub", 1, 1, 1, 1), Path.of("/opt/gw")).publicKeyFile());
    }

    @Test
    void listsEveryProblemAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UpdateSettings.of(config(" ", 0, 0, -1, 0), Path.of("/opt/gw")));

        assertEquals("invalid configuration org.echarge.updater: publicKeyFile is empty; maxPackageMebibytes must be "
                + "at least 1, not 0; driverTimeoutSeconds must be at least 1, not 0; pointTimeoutSeconds must be at "
                + "least 1, not -1; historyEntries must be at least 1, not 0", e.getMessage());
    }

    private static DriverUpdaterConfig config(String key, int mebibytes, int driverSeconds, int pointSeconds,
            int entries) {
        return new DriverUpdaterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DriverUpdaterConfig.class;
            }

            @Override
            public String publicKeyFile() {
                return key;
            }

            @Override
            public int maxPackageMebibytes() {
                return mebibytes;
            }

            @Override
            public int driverTimeoutSeconds() {
                return driverSeconds;
            }

            @Override
            public int pointTimeoutSeconds() {
                return pointSeconds;
            }

            @Override
            public int historyEntries() {
                return entries;
            }

            @Override
            public String updateServerUrl() {
                return "";
            }

            @Override
            public int maxFirmwareMebibytes() {
                return 128;
            }

            @Override
            public int serverTimeoutSeconds() {
                return 30;
            }
        };
    }
}
