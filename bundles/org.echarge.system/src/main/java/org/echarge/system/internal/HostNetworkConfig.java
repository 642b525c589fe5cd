package org.echarge.system.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where and whether the gateway writes the host's network settings. These describe the
 * installation, not the site: the console changes the network, not these.
 */
@ObjectClassDefinition(name = "e-charge host network",
        description = "The host's network and NTP settings as systemd-networkd and systemd-timesyncd files.")
public @interface HostNetworkConfig {

    String PID = "org.echarge.system.host";

    @AttributeDefinition(name = "Root directory",
            description = "Absolute directory under which etc/systemd/... is written: / on the gateway, a directory of "
                    + "its own for a demo or a test")
    String root() default "/";

    @AttributeDefinition(name = "Interface", description = "The network interface the console configures, e.g. eth0")
    String interface$() default "eth0";

    @AttributeDefinition(name = "Editable",
            description = "Whether the console may change the network; off where the host's network is managed otherwise")
    boolean editable() default false;

    @AttributeDefinition(name = "Reason when not editable", description = "Shown in the console when not editable")
    String readOnlyReason() default "the network of this host is managed outside the gateway";
}
