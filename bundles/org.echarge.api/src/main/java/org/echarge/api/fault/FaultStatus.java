package org.echarge.api.fault;

import java.util.Objects;

/**
 * What a fault scope shows.
 *
 * @param present a fault is present (object 8 / 94)
 * @param shown the highest present fault, else the last one, else "No error" (object 9 / 95)
 * @param detail what exactly is wrong, for the console and the log
 */
public record FaultStatus<F extends Fault>(boolean present, F shown, String detail) {

    public FaultStatus {
        Objects.requireNonNull(shown, "shown");
        detail = detail == null ? "" : detail;
    }
}
