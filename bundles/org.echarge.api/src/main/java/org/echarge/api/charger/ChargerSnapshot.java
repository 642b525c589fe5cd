package org.echarge.api.charger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.echarge.api.PhaseValues;
import org.echarge.api.point.PointState;

/**
 * What one poll of a charging station found. Numbers are {@code NaN} and texts {@code null} where
 * the model does not report them (see its {@link ChargerCapability capabilities}).
 *
 * @param state the charger's native state mapped onto the gateway states
 * @param setpointAmpere the current limit the charger reports as in force
 * @param energyWattHour the charger's energy counters (lifetime meter readings)
 * @param sessionEnergyWattHour energy of the current session, or of the last one when idle
 * @param rfidTag first 4 bytes of the card serial as upper-case hex text
 * @param evccId ISO 15118 EVCCID of the connected vehicle
 * @param errorCodes the maker's error codes, empty when there is no error
 */
public record ChargerSnapshot(
        Instant timestamp,
        PointState state,
        boolean vehicleConnected,
        boolean charging,
        double setpointAmpere,
        PhaseValues currentAmpere,
        PhaseValues powerWatt,
        PhaseValues energyWattHour,
        double sessionEnergyWattHour,
        String serialNumber,
        String firmwareVersion,
        double temperatureCelsius,
        String rfidTag,
        String evccId,
        List<Long> errorCodes) {

    public ChargerSnapshot {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(currentAmpere, "currentAmpere");
        Objects.requireNonNull(powerWatt, "powerWatt");
        Objects.requireNonNull(energyWattHour, "energyWattHour");
        errorCodes = List.copyOf(errorCodes);
    }

    public static Builder builder(Instant timestamp, PointState state) {
        return new Builder(timestamp, state);
    }

    /** Drivers fill a snapshot field by field; everything not set stays "not reported". */
    public static final class Builder {
        private final Instant timestamp;
        private final PointState state;
        private boolean vehicleConnected;
        private boolean charging;
        private double setpointAmpere = Double.NaN;
        private PhaseValues currentAmpere = PhaseValues.NOT_MEASURED;
        private PhaseValues powerWatt = PhaseValues.NOT_MEASURED;
        private PhaseValues energyWattHour = PhaseValues.NOT_MEASURED;
        private double sessionEnergyWattHour = Double.NaN;
        private String serialNumber;
        private String firmwareVersion;
        private double temperatureCelsius = Double.NaN;
        private String rfidTag;
        private String evccId;
        private List<Long> errorCodes = List.of();

        private Builder(Instant timestamp, PointState state) {
            this.timestamp = timestamp;
            this.state = state;
        }

        public Builder vehicle(boolean connected, boolean charging) {
            this.vehicleConnected = connected;
            this.charging = charging;
            return this;
        }

        public Builder setpointAmpere(double value) {
            this.setpointAmpere = value;
            return this;
        }

        public Builder currentAmpere(PhaseValues value) {
            this.currentAmpere = value;
            return this;
        }

        public Builder powerWatt(PhaseValues value) {
            this.powerWatt = value;
            return this;
        }

        public Builder energyWattHour(PhaseValues value) {
            this.energyWattHour = value;
            return this;
        }

        public Builder sessionEnergyWattHour(double value) {
            this.sessionEnergyWattHour = value;
            return this;
        }

        public Builder identity(String serialNumber, String firmwareVersion) {
            this.serialNumber = serialNumber;
            this.firmwareVersion = firmwareVersion;
            return this;
        }

        public Builder temperatureCelsius(double value) {
            this.temperatureCelsius = value;
            return this;
        }

        public Builder rfidTag(String value) {
            this.rfidTag = value;
            return this;
        }

        public Builder evccId(String value) {
            this.evccId = value;
            return this;
        }

        public Builder errorCodes(List<Long> value) {
            this.errorCodes = value;
            return this;
        }

        public ChargerSnapshot build() {
            return new ChargerSnapshot(timestamp, state, vehicleConnected, charging, setpointAmpere, currentAmpere,
                    powerWatt, energyWattHour, sessionEnergyWattHour, serialNumber, firmwareVersion,
                    temperatureCelsius, rfidTag, evccId, errorCodes);
        }
    }
}
