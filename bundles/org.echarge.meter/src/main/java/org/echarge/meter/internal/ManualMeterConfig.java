package org.echarge.meter.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One manually defined meter (factory PID {@value ManualMeterDriver#PID}); a charging point selects it as
 * meter model {@code manual-<name>} and gives its address. Each value has five settings,
 * {@code <value>.register} (unset: -1), {@code .count}, {@code .type}, {@code .wordOrder} and {@code .scale};
 * only values with a register are read.
 */
@ObjectClassDefinition(name = "e-charge manual electricity meter",
        description = "A meter that is not preconfigured: its registers as the vendor documents them. Current or power"
                + " per phase is required (L1 for a 1-phase meter, L1 to L3 for a 3-phase meter).")
public @interface ManualMeterConfig {

    @AttributeDefinition(name = "Name", description = "Lower-case letters, digits and '-'; the charging point selects"
            + " the meter as model manual-<name>")
    String name();

    @AttributeDefinition(name = "Label", required = false, description = "Shown with the model, e.g. the meter's type")
    String label() default "";

    @AttributeDefinition(name = "Connection", description = "RTU and ASCII use the gateway's RS485 line; its baud rate,"
            + " parity, data and stop bits are the line's (org.echarge.modbus.rs485) and must suit the meter",
            options = {@Option(label = "Modbus TCP", value = "MODBUS_TCP"),
                    @Option(label = "Modbus RTU (RS485)", value = "MODBUS_RTU"),
                    @Option(label = "Modbus ASCII (RS485)", value = "MODBUS_ASCII")})
    String transport() default "MODBUS_TCP";

    @AttributeDefinition(name = "Default TCP port", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Function code", options = {@Option(label = "3: read holding registers", value = "3"),
            @Option(label = "4: read input registers", value = "4")})
    int functionCode() default 3;

    @AttributeDefinition(name = "Block reads", description = "Read adjacent values with one request (fewer requests"
            + " on the RS485 line); off for meters that answer one value per request only")
    boolean blockReads() default true;

    @AttributeDefinition(name = "Current L1: register", min = "-1", max = "65535",
            description = "Start register, 0-based as on the wire (Modicon 30001 or 40001 = 0); -1: not read")
    int currentL1_register() default -1;

    @AttributeDefinition(name = "Current L1: register count",
            description = "16-bit registers: 1, 2 or 4 (a float: 2 or 4)", options = {@Option(label = "1", value = "1"),
                    @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int currentL1_count() default 2;

    @AttributeDefinition(name = "Current L1: type", description = "UNSIGNED or SIGNED integer, or FLOAT (IEEE 754)",
            options = {@Option(label = "Float", value = "FLOAT"), @Option(label = "Unsigned", value = "UNSIGNED"),
                    @Option(label = "Signed", value = "SIGNED")})
    String currentL1_type() default "FLOAT";

    @AttributeDefinition(name = "Current L1: word order", description = "HIGH_FIRST: most significant word in the first"
            + " register (Modbus convention); LOW_FIRST: word-swapped",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String currentL1_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Current L1: scale", description = "Multiplies the raw value into A, e.g. 0.001 for mA")
    double currentL1_scale() default 1;

    @AttributeDefinition(name = "Current L2: register", min = "-1", max = "65535")
    int currentL2_register() default -1;

    @AttributeDefinition(name = "Current L2: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int currentL2_count() default 2;

    @AttributeDefinition(name = "Current L2: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String currentL2_type() default "FLOAT";

    @AttributeDefinition(name = "Current L2: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String currentL2_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Current L2: scale", description = "Multiplies the raw value into A")
    double currentL2_scale() default 1;

    @AttributeDefinition(name = "Current L3: register", min = "-1", max = "65535")
    int currentL3_register() default -1;

    @AttributeDefinition(name = "Current L3: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int currentL3_count() default 2;

    @AttributeDefinition(name = "Current L3: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String currentL3_type() default "FLOAT";

    @AttributeDefinition(name = "Current L3: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String currentL3_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Current L3: scale", description = "Multiplies the raw value into A")
    double currentL3_scale() default 1;

    @AttributeDefinition(name = "Power L1: register", min = "-1", max = "65535")
    int powerL1_register() default -1;

    @AttributeDefinition(name = "Power L1: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int powerL1_count() default 2;

    @AttributeDefinition(name = "Power L1: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String powerL1_type() default "FLOAT";

    @AttributeDefinition(name = "Power L1: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String powerL1_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Power L1: scale", description = "Multiplies the raw value into W, e.g. 1000 for kW")
    double powerL1_scale() default 1;

    @AttributeDefinition(name = "Power L2: register", min = "-1", max = "65535")
    int powerL2_register() default -1;

    @AttributeDefinition(name = "Power L2: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int powerL2_count() default 2;

    @AttributeDefinition(name = "Power L2: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String powerL2_type() default "FLOAT";

    @AttributeDefinition(name = "Power L2: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String powerL2_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Power L2: scale", description = "Multiplies the raw value into W")
    double powerL2_scale() default 1;

    @AttributeDefinition(name = "Power L3: register", min = "-1", max = "65535")
    int powerL3_register() default -1;

    @AttributeDefinition(name = "Power L3: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int powerL3_count() default 2;

    @AttributeDefinition(name = "Power L3: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String powerL3_type() default "FLOAT";

    @AttributeDefinition(name = "Power L3: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String powerL3_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Power L3: scale", description = "Multiplies the raw value into W")
    double powerL3_scale() default 1;

    @AttributeDefinition(name = "Power total: register", min = "-1", max = "65535")
    int powerTotal_register() default -1;

    @AttributeDefinition(name = "Power total: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int powerTotal_count() default 2;

    @AttributeDefinition(name = "Power total: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String powerTotal_type() default "FLOAT";

    @AttributeDefinition(name = "Power total: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String powerTotal_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Power total: scale", description = "Multiplies the raw value into W")
    double powerTotal_scale() default 1;

    @AttributeDefinition(name = "Energy L1: register", min = "-1", max = "65535")
    int energyL1_register() default -1;

    @AttributeDefinition(name = "Energy L1: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int energyL1_count() default 2;

    @AttributeDefinition(name = "Energy L1: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String energyL1_type() default "FLOAT";

    @AttributeDefinition(name = "Energy L1: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String energyL1_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Energy L1: scale", description = "Multiplies the raw value into Wh, e.g. 1000 for kWh")
    double energyL1_scale() default 1;

    @AttributeDefinition(name = "Energy L2: register", min = "-1", max = "65535")
    int energyL2_register() default -1;

    @AttributeDefinition(name = "Energy L2: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int energyL2_count() default 2;

    @AttributeDefinition(name = "Energy L2: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String energyL2_type() default "FLOAT";

    @AttributeDefinition(name = "Energy L2: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String energyL2_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Energy L2: scale", description = "Multiplies the raw value into Wh")
    double energyL2_scale() default 1;

    @AttributeDefinition(name = "Energy L3: register", min = "-1", max = "65535")
    int energyL3_register() default -1;

    @AttributeDefinition(name = "Energy L3: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int energyL3_count() default 2;

    @AttributeDefinition(name = "Energy L3: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String energyL3_type() default "FLOAT";

    @AttributeDefinition(name = "Energy L3: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String energyL3_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Energy L3: scale", description = "Multiplies the raw value into Wh")
    double energyL3_scale() default 1;

    @AttributeDefinition(name = "Energy total: register", min = "-1", max = "65535")
    int energyTotal_register() default -1;

    @AttributeDefinition(name = "Energy total: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int energyTotal_count() default 2;

    @AttributeDefinition(name = "Energy total: type", options = {@Option(label = "Float", value = "FLOAT"),
            @Option(label = "Unsigned", value = "UNSIGNED"), @Option(label = "Signed", value = "SIGNED")})
    String energyTotal_type() default "FLOAT";

    @AttributeDefinition(name = "Energy total: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String energyTotal_wordOrder() default "HIGH_FIRST";

    @AttributeDefinition(name = "Energy total: scale", description = "Multiplies the raw value into Wh")
    double energyTotal_scale() default 1;

    @AttributeDefinition(name = "Fault register: register", description = "Read as an integer; not 0 is a meter"
            + " fault (EMeter Error); -1: none", min = "-1", max = "65535")
    int fault_register() default -1;

    @AttributeDefinition(name = "Fault register: register count", options = {@Option(label = "1", value = "1"),
            @Option(label = "2", value = "2"), @Option(label = "4", value = "4")})
    int fault_count() default 1;

    @AttributeDefinition(name = "Fault register: type", options = {@Option(label = "Unsigned", value = "UNSIGNED"),
            @Option(label = "Signed", value = "SIGNED")})
    String fault_type() default "UNSIGNED";

    @AttributeDefinition(name = "Fault register: word order",
            options = {@Option(label = "High word first", value = "HIGH_FIRST"),
                    @Option(label = "Low word first", value = "LOW_FIRST")})
    String fault_wordOrder() default "HIGH_FIRST";
}
