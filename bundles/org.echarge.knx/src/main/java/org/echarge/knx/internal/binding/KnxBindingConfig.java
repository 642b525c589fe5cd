package org.echarge.knx.internal.binding;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "e-charge KNX binding",
        description = "The gateway as one KNX device: how it reaches KNX, its individual address and the group address "
                + "links of its objects (spec section 7)")
public @interface KnxBindingConfig {

    @AttributeDefinition(name = "Connection", options = {
            @Option(value = "TUNNELING", label = "KNXnet/IP tunnelling (UDP)"),
            @Option(value = "TUNNELING_TCP", label = "KNXnet/IP tunnelling (TCP)"),
            @Option(value = "TUNNELING_SECURE", label = "KNX IP Secure tunnelling (TCP)"),
            @Option(value = "ROUTING", label = "KNXnet/IP routing (multicast)"),
            @Option(value = "ROUTING_SECURE", label = "KNX IP Secure routing (multicast)"),
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

    @AttributeDefinition(name = "KNX Secure keyring", required = false,
            description = "Absolute path of the keyring ETS exports (.knxkeys): the secure tunnel of the gateway's "
                    + "individual address, the backbone key, the group keys for KNX Data Secure; empty = none")
    String keyringFile() default "";

    @AttributeDefinition(name = "Keyring password", type = AttributeType.PASSWORD, required = false)
    String keyringPassword() default "";

    @AttributeDefinition(name = "Secure tunnel: user ID", required = false, min = "0", max = "127",
            description = "Secure tunnelling without a keyring: the tunnel's user (2-127); 0 = from the keyring")
    int tunnelUserId() default 0;

    @AttributeDefinition(name = "Secure tunnel: user password", type = AttributeType.PASSWORD, required = false)
    String tunnelUserPassword() default "";

    @AttributeDefinition(name = "Secure interface: device authentication code", type = AttributeType.PASSWORD,
            required = false)
    String deviceAuthenticationCode() default "";

    @AttributeDefinition(name = "Secure routing: backbone key", type = AttributeType.PASSWORD, required = false,
            description = "32 hexadecimal digits; empty = from the keyring")
    String backboneKey() default "";

    @AttributeDefinition(name = "Secure routing: latency tolerance (ms)", required = false, min = "0", max = "10000",
            description = "0 = from the keyring, else 2000")
    int latencyTolerance() default 0;

    @AttributeDefinition(name = "Setpoint during grid-supporting control (A)", options = {
            @Option(value = "0", label = "0 A (like Interruption)"), @Option(value = "6", label = "6 A")})
    double gridControlAmpere() default 6;
}
