package org.echarge.api.point;

import java.time.Duration;
import java.util.Objects;

import org.echarge.api.Phase;

/**
 * The settings of a point that other parts of the gateway act on: DLM (current range, phases,
 * wired phase) and KNX (what to send how).
 *
 * @param phase the building phase a 1-phase point is wired to (ignored for 3-phase points)
 * @param temperatureCycle the period of cyclic temperature sending
 * @param meterModelId the electricity meter at the point (spec section 3), {@code ""} for none:
 *     then its values are the point's measurements
 */
public record PointConfiguration(int number, String name, String modelId, double minCurrentAmpere,
        double maxCurrentAmpere, int phases, Phase phase, TemperatureSending temperatureSending,
        Duration temperatureCycle, CurrentDatapoint currentDatapoint, PowerDatapoint powerDatapoint,
        EnergyDatapoint energyDatapoint, String meterModelId) {

    /** A point without an electricity meter of its own. */
    public PointConfiguration(int number, String name, String modelId, double minCurrentAmpere,
            double maxCurrentAmpere, int phases, Phase phase, TemperatureSending temperatureSending,
            Duration temperatureCycle, CurrentDatapoint currentDatapoint, PowerDatapoint powerDatapoint,
            EnergyDatapoint energyDatapoint) {
        this(number, name, modelId, minCurrentAmpere, maxCurrentAmpere, phases, phase, temperatureSending,
                temperatureCycle, currentDatapoint, powerDatapoint, energyDatapoint, "");
    }

    public boolean hasMeter() {
        return !meterModelId.isEmpty();
    }

    public PointConfiguration {
        meterModelId = meterModelId == null ? "" : meterModelId.trim();
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(temperatureSending, "temperatureSending");
        Objects.requireNonNull(temperatureCycle, "temperatureCycle");
        Objects.requireNonNull(currentDatapoint, "currentDatapoint");
        Objects.requireNonNull(powerDatapoint, "powerDatapoint");
        Objects.requireNonNull(energyDatapoint, "energyDatapoint");
    }

    /** Object 82: when the internal temperature is sent. */
    public enum TemperatureSending {
        OFF, ON_CHANGE, CYCLIC
    }

    /** Datapoint type of the current objects 62-65 (group-objects.csv; first = default). */
    public enum CurrentDatapoint {
        DPT_7_012("7.012"), DPT_9_021("9.021"), DPT_14_019("14.019");

        private final String id;

        CurrentDatapoint(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Datapoint type of the power objects 66-69. */
    public enum PowerDatapoint {
        DPT_14_056("14.056"), DPT_9_024("9.024");

        private final String id;

        PowerDatapoint(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Datapoint type of the energy objects 70-75. */
    public enum EnergyDatapoint {
        DPT_13_010("13.010"), DPT_13_013("13.013");

        private final String id;

        EnergyDatapoint(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
