package org.echarge.point.internal;

import org.echarge.api.Phase;
import org.echarge.api.Transport;
import org.echarge.api.point.PointConfiguration;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "e-charge charging point",
        description = "One charging point: the charger model (selects the driver), how to reach it, and its current range.")
public @interface ChargingPointConfig {

    @AttributeDefinition(name = "Point number", description = "1..n; places the point's KNX objects at 50 + 50 (n-1)", min = "1")
    int number();

    @AttributeDefinition(name = "Name", description = "Shown on the web console")
    String name() default "";

    @AttributeDefinition(name = "Charger model", description = "Model id of an installed driver, e.g. simulated-sim1")
    String model();

    @AttributeDefinition(name = "Connection")
    Transport transport() default Transport.MODBUS_TCP;

    @AttributeDefinition(name = "IP address or host name", description = "Modbus TCP only")
    String host() default "";

    @AttributeDefinition(name = "TCP port", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Modbus unit id / RS485 address", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "Electricity meter model",
            description = "A meter at the point for a charger without its own metering (spec section 3): model id of an "
                    + "installed meter (e.g. eastron-sdm630, or manual-<name>); empty = none")
    String meterModel() default "";

    @AttributeDefinition(name = "Meter connection")
    Transport meterTransport() default Transport.MODBUS_TCP;

    @AttributeDefinition(name = "Meter IP address or host name", description = "Modbus TCP only")
    String meterHost() default "";

    @AttributeDefinition(name = "Meter TCP port", min = "1", max = "65535")
    int meterPort() default 502;

    @AttributeDefinition(name = "Meter Modbus unit id / RS485 address", min = "0", max = "255")
    int meterUnitId() default 1;

    @AttributeDefinition(name = "Minimum charging current (A)", description = "At least 6 A unless the model allows 0 A")
    double minCurrentAmpere() default 6;

    @AttributeDefinition(name = "Maximum charging current (A)", description = "Up to 32 A or the model's limit")
    double maxCurrentAmpere() default 16;

    @AttributeDefinition(name = "Phases", options = {
            @org.osgi.service.metatype.annotations.Option(label = "1-phase", value = "1"),
            @org.osgi.service.metatype.annotations.Option(label = "3-phase", value = "3")})
    int phases() default 3;

    @AttributeDefinition(name = "Phase of a 1-phase point", description = "The building phase a 1-phase charger is wired to (for DLM)")
    Phase phase() default Phase.L1;

    @AttributeDefinition(name = "Manual start", description = "A session waits for Start/stop = 1 (object 54) before charging")
    boolean manualStart() default false;

    @AttributeDefinition(name = "Charging complete: threshold (A)",
            description = "Charging counts as complete when the current stays at or below this for the set time")
    double chargingCompleteAmpere() default 1;

    @AttributeDefinition(name = "Charging complete: time (s)", min = "1")
    int chargingCompleteSeconds() default 300;

    @AttributeDefinition(name = "Temperature warning threshold (°C)", description = "Object 83; where the model reports a temperature")
    double temperatureWarningCelsius() default 70;

    @AttributeDefinition(name = "Temperature sending (object 82)")
    PointConfiguration.TemperatureSending temperatureSending() default PointConfiguration.TemperatureSending.ON_CHANGE;

    @AttributeDefinition(name = "Temperature sending cycle (s)", min = "10")
    int temperatureCycleSeconds() default 600;

    @AttributeDefinition(name = "Datapoint type of the current objects (62-65)")
    PointConfiguration.CurrentDatapoint currentDatapoint() default PointConfiguration.CurrentDatapoint.DPT_7_012;

    @AttributeDefinition(name = "Datapoint type of the power objects (66-69)")
    PointConfiguration.PowerDatapoint powerDatapoint() default PointConfiguration.PowerDatapoint.DPT_14_056;

    @AttributeDefinition(name = "Datapoint type of the energy objects (70-75)")
    PointConfiguration.EnergyDatapoint energyDatapoint() default PointConfiguration.EnergyDatapoint.DPT_13_010;

    @AttributeDefinition(name = "Setpoint charging current (A)",
            description = "Current allowed while DLM is off (object 60); 0 = the maximum current")
    double setpointAmpere() default 0;
}
