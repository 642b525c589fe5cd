package org.echarge.sim.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "e-charge simulated station (demo site)",
        description = "A simulated SIM-1 charging station serving Modbus TCP on 127.0.0.1, "
                + "with vehicles arriving and leaving.")
public @interface SimulatedStationConfig {

    @AttributeDefinition(name = "TCP port on 127.0.0.1", min = "1", max = "65535")
    int port();

    @AttributeDefinition(name = "Modbus unit id", min = "1", max = "247")
    int unitId() default 1;

    @AttributeDefinition(name = "Phases the station is wired for",
            options = {@Option(label = "1-phase", value = "1"), @Option(label = "3-phase", value = "3")})
    int phases() default 3;

    @AttributeDefinition(name = "Maximum current (A)", description = "Highest limit the station accepts",
            min = "6", max = "63")
    int maxCurrentAmpere() default 32;

    @AttributeDefinition(name = "Serial number", description = "Up to 20 ASCII characters")
    String serialNumber() default "SIM1-000001";

    @AttributeDefinition(name = "Random seed of the vehicle schedule")
    long seed() default 1;

    @AttributeDefinition(name = "Simulated vehicles", description = "Vehicles arrive, charge and leave on their own")
    boolean vehicles() default true;

    @AttributeDefinition(name = "Mean wait between a departure and the next arrival (s)", min = "1")
    int meanArrivalSeconds() default 60;

    @AttributeDefinition(name = "Mean time a vehicle stays plugged in (s)", min = "1")
    int meanStaySeconds() default 240;

    @AttributeDefinition(name = "Building phase of terminal L1",
            description = "Where the station's L1 is connected (a 1-phase station loads only this phase); "
                    + "the simulated house meter counts the station's current there",
            options = {@Option(label = "L1", value = "L1"), @Option(label = "L2", value = "L2"),
                    @Option(label = "L3", value = "L3")})
    String wiredPhase() default "L1";

    @AttributeDefinition(name = "Watchdog timeout (s)", description = "0 = off", min = "0", max = "65535")
    int watchdogSeconds() default 15;
}
