package org.echarge.updater.internal.server;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The update server's index ({@code index.json}, format {@value #FORMAT}): what it offers. Every
 * {@code url} is absolute or relative to the index; {@code sha256} is checked after the download,
 * and the package's own signature is checked after that, as for an upload.
 */
public record UpdateIndex(@JsonProperty(value = "format", required = true) String format,
        @JsonProperty("firmware") List<Entry> firmware, @JsonProperty("drivers") List<Entry> drivers) {

    public static final String FORMAT = "echarge-update-index/1";

    public UpdateIndex {
        firmware = firmware == null ? List.of() : List.copyOf(firmware);
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
    }

    /**
     * One package offered.
     *
     * @param name the driver's bundle symbolic name; for firmware absent (the distribution's name is implied)
     * @param size the package's size in bytes (downloads stop at it)
     */
    public record Entry(@JsonProperty("name") String name,
            @JsonProperty(value = "version", required = true) String version,
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty(value = "sha256", required = true) String sha256,
            @JsonProperty(value = "size", required = true) long size) {

        public Entry {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
