package org.echarge.api.dlm;

import java.time.Duration;
import java.util.Objects;

/**
 * The smart meter as configured for DLM.
 *
 * @param dlmOn whether DLM is on (objects 10-13 and 20 exist only then)
 * @param phases 1 or 3 (objects 11 and 12 only for 3)
 * @param datapoint the datapoint type of objects 10-12, which also says current or power
 * @param inOperation monitoring by values plus the cyclic object 20 (true) or by values only
 * @param interval a value (or object 20) must arrive within this time
 */
public record MeterSettings(boolean dlmOn, int phases, MeterDatapoint datapoint, boolean inOperation,
        Duration interval) {

    public MeterSettings {
        Objects.requireNonNull(datapoint, "datapoint");
        Objects.requireNonNull(interval, "interval");
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("meter phases must be 1 or 3, not " + phases);
        }
    }

    public Measurement measurement() {
        return datapoint.measurement();
    }

    public enum Measurement {
        CURRENT, POWER
    }

    /** Datapoint types of objects 10-12 (group-objects.csv, spec section 4). */
    public enum MeterDatapoint {
        DPT_7_012("7.012", Measurement.CURRENT),
        DPT_9_021("9.021", Measurement.CURRENT),
        DPT_14_019("14.019", Measurement.CURRENT),
        DPT_9_024("9.024", Measurement.POWER),
        DPT_14_056("14.056", Measurement.POWER);

        private final String id;
        private final Measurement measurement;

        MeterDatapoint(String id, Measurement measurement) {
            this.id = id;
            this.measurement = measurement;
        }

        public String id() {
            return id;
        }

        public Measurement measurement() {
            return measurement;
        }
    }
}
