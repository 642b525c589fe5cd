package org.echarge.system.internal;

import java.util.List;

/**
 * Validated network settings of the gateway's interface: IPv4 by DHCP or static, DNS servers and
 * NTP servers (empty: the host's default servers). {@code address}, {@code prefixLength} and
 * {@code gateway} are null with DHCP; {@code gateway} may be null with a static address too.
 */
record NetworkSettings(String interfaceName, boolean dhcp, String address, Integer prefixLength, String gateway,
        List<String> dns, List<String> ntpServers) {

    NetworkSettings {
        dns = List.copyOf(dns);
        ntpServers = List.copyOf(ntpServers);
    }

    /** The factory state (spec section 11): DHCP, no DNS servers of its own, the host's default NTP servers. */
    static NetworkSettings factory(String interfaceName) {
        return new NetworkSettings(interfaceName, true, null, null, null, List.of(), List.of());
    }
}
