package org.echarge.api.charger;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.echarge.api.Transport;

/**
 * A charger model a driver supports, as the installer selects it.
 *
 * @param id stable identifier stored in the configuration, e.g. {@code keba-p30}
 * @param manufacturer maker shown to the installer
 * @param name model name shown to the installer
 * @param transports how the model can be connected
 * @param defaultPort Modbus TCP port the model listens on by default
 * @param minCurrentAmpere lowest current the model accepts while charging (IEC 61851: 6 A)
 * @param maxCurrentAmpere highest current the model accepts
 * @param pollInterval how often the model should be polled (respecting its documented minimum)
 * @param watchdog time after which the model falls back to its fail-safe current if the setpoint
 *     is not written again; {@link Duration#ZERO} when it has no such watchdog
 */
public record ChargerModel(
        String id,
        String manufacturer,
        String name,
        Set<ChargerCapability> capabilities,
        Set<Transport> transports,
        int defaultPort,
        double minCurrentAmpere,
        double maxCurrentAmpere,
        Duration pollInterval,
        Duration watchdog) {

    public ChargerModel {
        Objects.requireNonNull(id, "id");
        capabilities = Set.copyOf(capabilities);
        transports = Set.copyOf(transports);
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(watchdog, "watchdog");
        if (minCurrentAmpere < 0 || maxCurrentAmpere < minCurrentAmpere) {
            throw new IllegalArgumentException("current range [" + minCurrentAmpere + ", " + maxCurrentAmpere + "] of "
                    + id + " is invalid");
        }
    }

    public boolean supports(ChargerCapability capability) {
        return capabilities.contains(capability);
    }
}
