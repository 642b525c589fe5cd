package org.echarge.point.internal.config;

import org.echarge.api.DeviceAddress;

/** One charging point configuration as the gateway-wide check sees it; {@code address} null when invalid. */
public record PointEntry(String id, int number, String modelId, DeviceAddress address, boolean valid) {
}
