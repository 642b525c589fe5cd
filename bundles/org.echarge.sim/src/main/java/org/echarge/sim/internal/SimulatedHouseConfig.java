package org.echarge.sim.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "e-charge simulated house and smart meter (demo site)",
        description = "The house load behind the fuse plus what the simulated stations draw, sent to DLM "
                + "as the smart meter's values")
public @interface SimulatedHouseConfig {

    @AttributeDefinition(name = "Base load L1 (A)")
    double baseL1Ampere() default 2.0;

    @AttributeDefinition(name = "Base load L2 (A)")
    double baseL2Ampere() default 1.5;

    @AttributeDefinition(name = "Base load L3 (A)")
    double baseL3Ampere() default 1.0;

    @AttributeDefinition(name = "Appliance scale", description = "Multiplies the appliances' currents (0 = none)")
    double applianceScale() default 1.0;

    @AttributeDefinition(name = "Random seed of the appliance schedule")
    long seed() default 7;

    @AttributeDefinition(name = "Meter send interval (s)", min = "1")
    int meterIntervalSeconds() default 10;

    @AttributeDefinition(name = "Send on change (A)", description = "Also send when a phase changed by more than this; 0 = only cyclic")
    double changeThresholdAmpere() default 0.5;

    @AttributeDefinition(name = "Phase voltage (V)", description = "For a smart meter that measures power")
    double phaseVoltage() default 230;
}
