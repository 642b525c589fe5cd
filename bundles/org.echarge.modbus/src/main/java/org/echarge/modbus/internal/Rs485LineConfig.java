package org.echarge.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "e-charge RS485 line",
        description = "The gateway's one RS485 line, shared by every charger and meter on Modbus RTU or ASCII."
                + " Defaults are the Modbus serial line defaults (19200 baud, 8E1, RTU).")
public @interface Rs485LineConfig {

    @AttributeDefinition(name = "Serial port", required = false,
            description = "Device path, e.g. /dev/ttyUSB0, or better the stable /dev/serial/by-id/... link of a USB"
                    + " adapter; empty: no RS485 line")
    String portPath() default "";

    @AttributeDefinition(name = "Baud rate", options = {
            @Option(label = "1200", value = "1200"), @Option(label = "2400", value = "2400"),
            @Option(label = "4800", value = "4800"), @Option(label = "9600", value = "9600"),
            @Option(label = "19200", value = "19200"), @Option(label = "38400", value = "38400"),
            @Option(label = "57600", value = "57600"), @Option(label = "115200", value = "115200")})
    int baudRate() default 19200;

    @AttributeDefinition(name = "Data bits", description = "RTU needs 8; ASCII uses 7 or 8",
            options = {@Option(label = "8", value = "8"), @Option(label = "7", value = "7")})
    int dataBits() default 8;

    @AttributeDefinition(name = "Parity", options = {@Option(label = "Even", value = "EVEN"),
            @Option(label = "None", value = "NONE"), @Option(label = "Odd", value = "ODD")})
    String parity() default "EVEN";

    @AttributeDefinition(name = "Stop bits",
            options = {@Option(label = "1", value = "1"), @Option(label = "2", value = "2")})
    int stopBits() default 1;

    @AttributeDefinition(name = "Framing", description = "Every device on the line uses the same framing;"
            + " ABL eMH1/eMH2 chargers need ABL's ASCII dialect (answers start with '>')",
            options = {@Option(label = "Modbus RTU", value = "RTU"), @Option(label = "Modbus ASCII", value = "ASCII"),
                    @Option(label = "ABL ASCII (eMH1, eMH2)", value = "ABL_ASCII")})
    String framing() default "RTU";

    @AttributeDefinition(name = "Default timeout (ms)",
            description = "How long a device may take to answer, unless its driver sets its own timeout")
    int timeoutMillis() default 1000;
}
