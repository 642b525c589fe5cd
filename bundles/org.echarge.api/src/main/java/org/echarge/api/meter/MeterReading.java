package org.echarge.api.meter;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import org.echarge.api.PhaseValues;

/**
 * One reading of an electricity meter at a charging point. Quantities a meter does not provide
 * are {@link PhaseValues#NOT_MEASURED}.
 *
 * @param faultRegister the meter's own fault register, where one is configured
 */
public record MeterReading(
        Instant timestamp,
        PhaseValues currentAmpere,
        PhaseValues powerWatt,
        PhaseValues energyWattHour,
        OptionalLong faultRegister) {

    public MeterReading {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(currentAmpere, "currentAmpere");
        Objects.requireNonNull(powerWatt, "powerWatt");
        Objects.requireNonNull(energyWattHour, "energyWattHour");
        Objects.requireNonNull(faultRegister, "faultRegister");
    }
}
