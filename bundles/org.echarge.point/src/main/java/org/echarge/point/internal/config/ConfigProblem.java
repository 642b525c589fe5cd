package org.echarge.point.internal.config;

import java.util.Set;

import org.echarge.api.fault.GeneralFault;

/**
 * A gateway-wide configuration fault, with the points it concerns (they show the point fault
 * too) and the setting that is wrong.
 */
public record ConfigProblem(GeneralFault fault, Set<String> pointIds, String message) {
}
