package org.echarge.sim.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "e-charge simulated house and smart meter (demo site)",
        description = "The house load behind the fuse plus what the simulated stations draw, sent by a simulated "
                + "smart meter as KNX telegrams on a virtual KNX network (straight to DLM while the gateway is on none)")
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

    @AttributeDefinition(name = "Meter send interval (s)", min = "1",
            description = "Values are sent this often (with \"in operation\" monitoring: object 20, and values only on change)")
    int meterIntervalSeconds() default 10;

    @AttributeDefinition(name = "Send on change (A)", description = "Also send when a phase changed by more than this; 0 = only cyclic")
    double changeThresholdAmpere() default 0.5;

    @AttributeDefinition(name = "Phase voltage (V)", description = "For a smart meter that measures power")
    double phaseVoltage() default 230;

    @AttributeDefinition(name = "Virtual KNX network",
            description = "The smart meter sends on this network when the gateway's KNX binding is on it (mode VIRTUAL)")
    String knxNetwork() default "demo";

    @AttributeDefinition(name = "Individual address of the smart meter")
    String knxIndividualAddress() default "1.1.10";

    @AttributeDefinition(name = "Group address of the value L1 (object 10)")
    String meterL1Address() default "0/1/10";

    @AttributeDefinition(name = "Group address of the value L2 (object 11)")
    String meterL2Address() default "0/1/11";

    @AttributeDefinition(name = "Group address of the value L3 (object 12)")
    String meterL3Address() default "0/1/12";

    @AttributeDefinition(name = "Group address of \"high power-consuming devices\" (object 13)")
    String highPowerAddress() default "0/1/13";

    @AttributeDefinition(name = "Group address of \"smart meter in operation\" (object 20)")
    String inOperationAddress() default "0/1/20";
}
