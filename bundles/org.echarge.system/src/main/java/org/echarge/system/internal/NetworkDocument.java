package org.echarge.system.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON of {@code /echarge/api/system/network}: the state answered, the body of a change. */
final class NetworkDocument {

    private NetworkDocument() {
    }

    /** GET answer. */
    record State(boolean editable, String reason, @JsonProperty("interface") String interfaceName, Ipv4Part ipv4,
            NtpPart ntp) {
    }

    /** PUT body: the state without {@code editable} and {@code reason}. */
    record Change(@JsonProperty("interface") String interfaceName, Ipv4Part ipv4, NtpPart ntp) {
    }

    /** {@code netmask} is an alternative to {@code prefixLength} (both may be given if they agree). */
    record Ipv4Part(String mode, String address, Integer prefixLength, String netmask, String gateway,
            List<String> dns) {
    }

    record NtpPart(List<String> servers) {
    }

    static State state(NetworkSettings settings, String readOnlyReason) {
        String netmask = settings.prefixLength() == null ? null : Ipv4.mask(settings.prefixLength()).toString();
        return new State(readOnlyReason == null, readOnlyReason, settings.interfaceName(),
                new Ipv4Part(settings.dhcp() ? "DHCP" : "STATIC", settings.address(), settings.prefixLength(), netmask,
                        settings.gateway(), settings.dns()),
                new NtpPart(settings.ntpServers()));
    }
}
