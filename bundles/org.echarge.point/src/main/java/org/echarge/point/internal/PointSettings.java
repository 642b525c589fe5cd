package org.echarge.point.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.Phase;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.point.PointConfiguration;

/** A charging point's configuration after validation. */
record PointSettings(int number, String name, String modelId, DeviceAddress address, String meterModelId,
        DeviceAddress meterAddress, double minCurrentAmpere,
        double maxCurrentAmpere, int phases, Phase phase, double setpointAmpere, boolean manualStart,
        double chargingCompleteAmpere, Duration chargingCompleteTime, double temperatureWarningCelsius,
        PointConfiguration configuration) {

    /** The configuration, or every reason why it is not valid. */
    static PointSettings of(ChargingPointConfig config) throws InvalidSettingsException {
        List<String> errors = new ArrayList<>();
        if (config.number() < 1) {
            errors.add("number: must be 1 or more, was " + config.number());
        }
        String model = config.model() == null ? "" : config.model().trim();
        if (model.isEmpty()) {
            errors.add("model: no charger model selected");
        }
        DeviceAddress address = null;
        try {
            address = new DeviceAddress(config.transport(), config.host(), config.port(), config.unitId());
        } catch (IllegalArgumentException e) {
            errors.add("connection: " + e.getMessage());
        }
        String meterModel = config.meterModel() == null ? "" : config.meterModel().trim();
        DeviceAddress meterAddress = null;
        if (!meterModel.isEmpty()) {
            try {
                meterAddress = new DeviceAddress(config.meterTransport(), config.meterHost(), config.meterPort(),
                        config.meterUnitId());
            } catch (IllegalArgumentException e) {
                errors.add("meter connection: " + e.getMessage());
            }
        }
        double min = config.minCurrentAmpere();
        double max = config.maxCurrentAmpere();
        if (!(min >= 0)) {
            errors.add("minCurrentAmpere: must not be negative, was " + min);
        }
        if (!(max >= 6 && max <= 80)) {
            errors.add("maxCurrentAmpere: must be 6..80 A, was " + max);
        }
        if (min > max) {
            errors.add("minCurrentAmpere: " + min + " A is above the maximum " + max + " A");
        }
        if (config.phases() != 1 && config.phases() != 3) {
            errors.add("phases: must be 1 or 3, was " + config.phases());
        }
        double setpoint = config.setpointAmpere();
        if (!(setpoint >= 0)) {
            errors.add("setpointAmpere: must not be negative, was " + setpoint);
        }
        if (!(config.chargingCompleteAmpere() >= 0 && config.chargingCompleteAmpere() < 6)) {
            errors.add("chargingCompleteAmpere: must be 0..6 A (below the minimum charging current), was "
                    + config.chargingCompleteAmpere());
        }
        if (config.chargingCompleteSeconds() < 1) {
            errors.add("chargingCompleteSeconds: must be 1 s or more, was " + config.chargingCompleteSeconds());
        }
        if (config.temperatureCycleSeconds() < 10) {
            errors.add("temperatureCycleSeconds: must be 10 s or more, was " + config.temperatureCycleSeconds());
        }
        if (!Double.isFinite(config.temperatureWarningCelsius())) {
            errors.add("temperatureWarningCelsius: must be a number");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(config.number(), errors);
        }
        double effectiveSetpoint = setpoint == 0 ? max : Math.max(min, Math.min(max, setpoint));
        String name = config.name().isBlank() ? "Charging point " + config.number() : config.name().trim();
        PointConfiguration configuration = new PointConfiguration(config.number(), name, model, min, max,
                config.phases(), config.phase(), config.temperatureSending(),
                Duration.ofSeconds(config.temperatureCycleSeconds()), config.currentDatapoint(),
                config.powerDatapoint(), config.energyDatapoint(), meterModel);
        return new PointSettings(config.number(), name, model, address, meterModel, meterAddress, min, max,
                config.phases(), config.phase(),
                effectiveSetpoint,
                config.manualStart(), config.chargingCompleteAmpere(),
                Duration.ofSeconds(config.chargingCompleteSeconds()), config.temperatureWarningCelsius(),
                configuration);
    }

    boolean hasMeter() {
        return !meterModelId.isEmpty();
    }

    /** Checks what only the driver knows: the model's current range and connections. */
    List<String> checkAgainst(ChargerModel model) {
        List<String> errors = new ArrayList<>();
        if (!model.transports().contains(address.transport())) {
            errors.add("transport: " + model.name() + " cannot be reached over " + address.transport());
        }
        boolean zeroAllowed = model.supports(ChargerCapability.ZERO_AMPERE);
        if (minCurrentAmpere < model.minCurrentAmpere() && !(zeroAllowed && minCurrentAmpere == 0)) {
            errors.add("minCurrentAmpere: " + model.name() + " needs at least " + model.minCurrentAmpere() + " A");
        }
        if (maxCurrentAmpere > model.maxCurrentAmpere()) {
            errors.add("maxCurrentAmpere: " + model.name() + " allows at most " + model.maxCurrentAmpere() + " A");
        }
        return errors;
    }
}
