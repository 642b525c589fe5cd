package org.echarge.indicator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Linux LED, {@code <root>/<name>/} as under {@code /sys/class/leds}: its trigger is set to
 * "none" once and its brightness written (max_brightness or 0) only when it changes. A failing
 * LED is logged once and skipped; it never disturbs the gateway.
 */
final class SysfsLed {

    private static final Logger LOG = LoggerFactory.getLogger(SysfsLed.class);

    private final Path directory;
    private Boolean lit;
    private String maxBrightness;
    private boolean failed;

    SysfsLed(Path root, String name) {
        this.directory = root.resolve(name);
    }

    void show(boolean on) {
        if (failed || (lit != null && lit == on)) {
            return;
        }
        try {
            if (lit == null) {
                write("trigger", "none");
                Path max = directory.resolve("max_brightness");
                maxBrightness = Files.exists(max) ? Files.readString(max).trim() : "1";
            }
            write("brightness", on ? maxBrightness : "0");
            lit = on;
        } catch (IOException e) {
            failed = true;
            LOG.error("Status LED {} cannot be driven: {}", directory, e.toString());
        }
    }

    private void write(String file, String value) throws IOException {
        Files.writeString(directory.resolve(file), value + "\n", StandardCharsets.US_ASCII);
    }
}
