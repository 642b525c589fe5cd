package org.echarge.dlm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "e-charge dynamic load management",
        description = "Shares the spare current of the line behind the fuse among the charging points (spec section 4)")
public @interface LoadManagementConfig {

    @AttributeDefinition(name = "DLM on", description = "Off: every point charges at its own setpoint (object 60)")
    boolean enabled() default false;

    @AttributeDefinition(name = "Fuse rating (A)", description = "Rated current of the overcurrent protection of the shared line, per phase")
    double fuseAmpere() default 35;

    @AttributeDefinition(name = "Load reserve (A)", description = "Kept free below the fuse rating")
    double reserveAmpere() default 2;

    @AttributeDefinition(name = "Prioritised point", description = "Number of the point that gets current first; 0 = none")
    int prioritisedPoint() default 0;

    @AttributeDefinition(name = "Smart meter phases", options = {@Option(value = "1", label = "1-phase"),
            @Option(value = "3", label = "3-phase")})
    int meterPhases() default 3;

    @AttributeDefinition(name = "Smart meter datapoint type", description = "Objects 10-12: current or power, and its type",
            options = {@Option(value = "7.012", label = "Current 7.012 (mA)"),
                    @Option(value = "9.021", label = "Current 9.021 (mA, float)"),
                    @Option(value = "14.019", label = "Current 14.019 (A, float)"),
                    @Option(value = "9.024", label = "Power 9.024 (kW, float)"),
                    @Option(value = "14.056", label = "Power 14.056 (W, float)")})
    String meterDatapoint() default "14.019";

    @AttributeDefinition(name = "Monitoring", options = {@Option(value = "values", label = "Measured values"),
            @Option(value = "values-and-in-operation", label = "Measured values and \"In operation\" (object 20)")})
    String monitoring() default "values";

    @AttributeDefinition(name = "Monitoring interval (s)", description = "No reading within this time: SmartMeterTOut, every point at its minimum")
    int monitoringIntervalSeconds() default 60;

    @AttributeDefinition(name = "Phase voltage (V)", description = "Converts power readings to current")
    double phaseVoltage() default 230;

    @AttributeDefinition(name = "When the minimums do not fit", options = {
            @Option(value = "rotate", label = "Charge as many as fit, the others in turn"),
            @Option(value = "interrupt-all", label = "Interrupt every point (as the reference device)")})
    String strategy() default "rotate";

    @AttributeDefinition(name = "Rotation slice (s)", description = "How long a vehicle charges before a waiting one takes its turn")
    int rotationSliceSeconds() default 900;

    @AttributeDefinition(name = "Ramp step (A)", description = "Increases go up by at most this much per ramp interval")
    double rampStepAmpere() default 2;

    @AttributeDefinition(name = "Ramp interval (s)")
    int rampIntervalSeconds() default 2;

    @AttributeDefinition(name = "Start hysteresis (A)", description = "Spare current above the minimums an additional vehicle needs to start")
    double startHysteresisAmpere() default 1;

    @AttributeDefinition(name = "Restart delay (s)", description = "A point stopped for lack of current starts again at the earliest after this time")
    int restartDelaySeconds() default 60;

    @AttributeDefinition(name = "Vehicle response time (s)", description = "How long a vehicle may take to follow a lower setpoint; others are raised only after it followed")
    int responseSeconds() default 10;

    @AttributeDefinition(name = "Settling time (s)", description = "After a high power-consuming device reports (object 13), every point stays at its minimum this long")
    int settlingSeconds() default 60;
}
