package org.echarge.meter.internal;

import static org.echarge.meter.internal.Quantity.*;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

import org.echarge.api.PhaseValues;
import org.echarge.api.meter.MeterReading;

/**
 * The values one reading collected, turned into a {@link MeterReading}. A total is the meter's own total
 * register where it has one (ABB sums energy vectorially, so it is not the sum of the phases), otherwise
 * the sum of the phases it measures; whatever the meter does not provide is NaN.
 */
final class MeterValues {

    private final Map<Quantity, Double> values = new EnumMap<>(Quantity.class);

    MeterValues put(Quantity quantity, double value) {
        values.put(quantity, value);
        return this;
    }

    MeterReading reading(Instant timestamp) {
        Double fault = values.get(FAULT);
        return new MeterReading(timestamp,
                phases(CURRENT_L1, CURRENT_L2, CURRENT_L3, null),
                phases(POWER_L1, POWER_L2, POWER_L3, POWER_TOTAL),
                phases(ENERGY_L1, ENERGY_L2, ENERGY_L3, ENERGY_TOTAL),
                fault == null ? OptionalLong.empty() : OptionalLong.of(fault.longValue()));
    }

    private PhaseValues phases(Quantity l1, Quantity l2, Quantity l3, Quantity total) {
        double[] phases = {get(l1), get(l2), get(l3)};
        double sum = Double.NaN;
        for (double phase : phases) {
            if (!Double.isNaN(phase)) {
                sum = Double.isNaN(sum) ? phase : sum + phase;
            }
        }
        double own = total == null ? Double.NaN : get(total);
        return new PhaseValues(phases[0], phases[1], phases[2], Double.isNaN(own) ? sum : own);
    }

    private double get(Quantity quantity) {
        return values.getOrDefault(quantity, Double.NaN);
    }
}
