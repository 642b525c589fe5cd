package org.echarge.dlm.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.echarge.api.config.ConfigurationRefusedException;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.dlm.MeterSettings.MeterDatapoint;

/**
 * DLM settings after validation.
 *
 * @param limitAmpere per phase: fuse rating minus load reserve
 * @param prioritised the prioritised point, 0 for none
 * @param rampStepAmpere increases go up by at most this much per ramp interval
 * @param hysteresisAmpere spare current above the minimums that an additional vehicle needs to start
 * @param restartDelay a point stopped for lack of current does not start again before this
 * @param response how long a vehicle may take to follow a lower setpoint
 * @param settling after a high power-consuming device reports, every point stays at its minimum this long
 * @param slice in rotation, how long a vehicle charges before a waiting one takes its place
 */
public record DlmSettings(boolean enabled, double fuseAmpere, double reserveAmpere, int prioritised, MeterSettings meter,
        double phaseVoltage, Strategy strategy, Duration slice, double rampStepAmpere, Duration rampInterval,
        double hysteresisAmpere, Duration restartDelay, Duration response, Duration settling) {

    public double limitAmpere() {
        return fuseAmpere - reserveAmpere;
    }

    /** Defaults of the configuration, for tests and the simulator. */
    public static DlmSettings defaults(double fuseAmpere) {
        return new DlmSettings(true, fuseAmpere, 0, 0,
                new MeterSettings(true, 3, MeterDatapoint.DPT_14_019, false, Duration.ofSeconds(60)), 230,
                Strategy.ROTATE, Duration.ofMinutes(15), 2, Duration.ofSeconds(2), 1, Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** Validates a configuration; the exception names every wrong setting. */
    public static DlmSettings of(LoadManagementConfig config) throws ConfigurationRefusedException {
        List<String> errors = new ArrayList<>();
        if (!(config.fuseAmpere() > 0 && config.fuseAmpere() <= 4000)) {
            errors.add("fuseAmpere: the fuse rating must be between 0 and 4000 A, not " + config.fuseAmpere());
        }
        if (!(config.reserveAmpere() >= 0 && config.reserveAmpere() < config.fuseAmpere())) {
            errors.add("reserveAmpere: the load reserve must be >= 0 A and below the fuse rating, not "
                    + config.reserveAmpere());
        }
        if (config.prioritisedPoint() < 0) {
            errors.add("prioritisedPoint: 0 (none) or a point number, not " + config.prioritisedPoint());
        }
        if (config.meterPhases() != 1 && config.meterPhases() != 3) {
            errors.add("meterPhases: 1 or 3, not " + config.meterPhases());
        }
        MeterDatapoint datapoint = parse(MeterDatapoint.class, "meterDatapoint", config.meterDatapoint(), errors);
        Strategy strategy = parse(Strategy.class, "strategy", config.strategy(), errors);
        if (!config.monitoring().equals("values") && !config.monitoring().equals("values-and-in-operation")) {
            errors.add("monitoring: 'values' or 'values-and-in-operation', not '" + config.monitoring() + "'");
        }
        positive(errors, "monitoringIntervalSeconds", config.monitoringIntervalSeconds());
        positive(errors, "rotationSliceSeconds", config.rotationSliceSeconds());
        positive(errors, "rampIntervalSeconds", config.rampIntervalSeconds());
        positive(errors, "responseSeconds", config.responseSeconds());
        if (!(config.phaseVoltage() >= 100 && config.phaseVoltage() <= 400)) {
            errors.add("phaseVoltage: between 100 and 400 V, not " + config.phaseVoltage());
        }
        if (!(config.rampStepAmpere() > 0)) {
            errors.add("rampStepAmpere: must be > 0 A, not " + config.rampStepAmpere());
        }
        if (!(config.startHysteresisAmpere() >= 0)) {
            errors.add("startHysteresisAmpere: must be >= 0 A, not " + config.startHysteresisAmpere());
        }
        if (config.restartDelaySeconds() < 0 || config.settlingSeconds() < 0) {
            errors.add("restartDelaySeconds and settlingSeconds must be >= 0");
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationRefusedException(errors);
        }
        MeterSettings meter = new MeterSettings(config.enabled(), config.meterPhases(), datapoint,
                config.monitoring().equals("values-and-in-operation"),
                Duration.ofSeconds(config.monitoringIntervalSeconds()));
        return new DlmSettings(config.enabled(), config.fuseAmpere(), config.reserveAmpere(), config.prioritisedPoint(),
                meter, config.phaseVoltage(), strategy, Duration.ofSeconds(config.rotationSliceSeconds()),
                config.rampStepAmpere(), Duration.ofSeconds(config.rampIntervalSeconds()),
                config.startHysteresisAmpere(), Duration.ofSeconds(config.restartDelaySeconds()),
                Duration.ofSeconds(config.responseSeconds()), Duration.ofSeconds(config.settlingSeconds()));
    }

    private static void positive(List<String> errors, String name, int value) {
        if (value <= 0) {
            errors.add(name + ": must be > 0, not " + value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value, List<String> errors) {
        String wanted = value.trim().toUpperCase().replace('-', '_').replace('.', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted) || constant.name().equals("DPT_" + wanted)) {
                return constant;
            }
        }
        errors.add(name + ": '" + value + "' is not one of " + List.of(type.getEnumConstants()));
        return type.getEnumConstants()[0];
    }
}
