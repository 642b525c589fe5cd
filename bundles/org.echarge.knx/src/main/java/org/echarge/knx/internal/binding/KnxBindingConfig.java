package org.echarge.knx.internal.binding;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "e-charge KNX binding",
        description = "The gateway as one KNX device: how it reaches KNX, its individual address and the group address "
                + "links of its objects (spec section 7)")
public @interface KnxBindingConfig {

    @AttributeDefinition(name = "Connection", options = {
            @Option(value = "TUNNELING", label = "KNXnet/IP tunnelling (UDP)"),
            @Option(value = "TUNNELING_TCP", label = "KNXnet/IP tunnelling (TCP)"),
            @Option(value = "ROUTING", label = "KNXnet/IP routing (multicast)"),
            @Option(value = "SERIAL_FT12", label = "Serial interface, FT1.2"),
            @Option(value = "SERIAL_TPUART", label = "Serial TP-UART"),
            @Option(value = "VIRTUAL", label = "Virtual KNX network in the gateway (demo site, tests)")})
    String mode() default "TUNNELING";

    @AttributeDefinition(name = "KNXnet/IP server, multicast group or virtual network",
            description = "Tunnelling: the server's IP address or name (empty: KNX is not configured); routing: the group, "
                    + "empty = 224.0.23.12; virtual: the network's name, empty = demo")
    String host() default "";

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 3671;

    @AttributeDefinition(name = "Local IP address", description = "The interface to use; empty = chosen by the system")
    String localAddress() default "";

    @AttributeDefinition(name = "Serial port", description = "Path of the serial KNX interface, e.g. /dev/ttyAMA0")
    String serialPath() default "";

    @AttributeDefinition(name = "Individual address", description = "The gateway's KNX address; factory default 15.15.255")
    String individualAddress() default "15.15.255";

    @AttributeDefinition(name = "Group address links",
            description = "One entry per object: <object>=<address>[,<address>...], the first address sends; objects by "
                    + "number (110) or per point (point2.60); see bundles/org.echarge.knx/README.md")
    String[] links() default {};

    @AttributeDefinition(name = "Setpoint during grid-supporting control (A)", options = {
            @Option(value = "0", label = "0 A (like Interruption)"), @Option(value = "6", label = "6 A")})
    double gridControlAmpere() default 6;
}
