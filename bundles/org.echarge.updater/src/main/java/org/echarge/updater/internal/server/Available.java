package org.echarge.updater.internal.server;

/**
 * A package on the update server that this gateway could install: a newer version of an installed
 * driver, or a newer firmware.
 *
 * @param kind {@code driver} or {@code firmware}
 * @param name the driver's symbolic name; {@code firmware} for firmware
 * @param installed the version installed now
 */
public record Available(String kind, String name, String version, String installed, UpdateIndex.Entry entry) {

    public static final String DRIVER = "driver";
    public static final String FIRMWARE = "firmware";
}
