package org.echarge.point.internal.config;

import org.echarge.api.DeviceAddress;

/**
 * One charging point configuration as the gateway-wide check sees it; {@code address} null when
 * invalid, {@code meterAddress} null when the point has no electricity meter of its own.
 */
public record PointEntry(String id, int number, String modelId, DeviceAddress address, DeviceAddress meterAddress,
        boolean valid) {

    /** A point without an electricity meter. */
    public PointEntry(String id, int number, String modelId, DeviceAddress address, boolean valid) {
        this(id, number, modelId, address, null, valid);
    }
}
