package org.echarge.sim.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "e-charge simulated visualisation (demo site)",
        description = "A KNX visualisation on a virtual KNX network that logs the gateway's state telegrams")
public @interface SimulatedVisualisationConfig {

    @AttributeDefinition(name = "Virtual KNX network")
    String knxNetwork() default "demo";

    @AttributeDefinition(name = "Individual address")
    String individualAddress() default "1.1.20";

    @AttributeDefinition(name = "Objects shown",
            description = "<object>=<group address> per object, numbered as in the KNX binding's links: 2, 8, 9 and per "
                    + "point 50-53, 56, 61-65, 94, 95 (e.g. point2.50=1/2/50)")
    String[] objects() default {"2=0/0/2", "8=0/0/8", "9=0/0/9",
            "point1.50=1/1/50", "point1.52=1/1/52", "point1.61=1/1/61", "point1.62=1/1/62", "point1.94=1/1/94",
            "point1.95=1/1/95",
            "point2.50=1/2/50", "point2.52=1/2/52", "point2.61=1/2/61", "point2.62=1/2/62", "point2.94=1/2/94",
            "point2.95=1/2/95",
            "point3.50=1/3/50", "point3.52=1/3/52", "point3.61=1/3/61", "point3.62=1/3/62", "point3.94=1/3/94",
            "point3.95=1/3/95"};

    @AttributeDefinition(name = "Datapoint type of the current objects (62-65)",
            description = "As the points' currentDatapoint", options = {@Option(value = "7.012", label = "7.012 (mA)"),
                    @Option(value = "9.021", label = "9.021 (mA, float)"),
                    @Option(value = "14.019", label = "14.019 (A, float)")})
    String currentDatapoint() default "7.012";
}
