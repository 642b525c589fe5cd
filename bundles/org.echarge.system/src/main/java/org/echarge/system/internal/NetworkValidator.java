package org.echarge.system.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletResponse;

import org.echarge.system.internal.NetworkDocument.Change;
import org.echarge.system.internal.NetworkDocument.Ipv4Part;

/**
 * Turns a change into {@link NetworkSettings} or refuses it with the first wrong field named
 * ({@code ipv4.gateway: ...}): addresses in strict dotted decimal, prefix 1..32 or a contiguous
 * mask, the gateway inside the subnet, DNS servers as addresses, NTP servers as host names or
 * addresses. Nothing here touches the host.
 */
final class NetworkValidator {

    static final String CODE = "invalid-network";
    static final int MAX_DNS = 3;
    static final int MAX_NTP = 5;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");

    private final String interfaceName;

    NetworkValidator(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    NetworkSettings validate(Change change) throws ApiProblem {
        if (change.interfaceName() != null && !change.interfaceName().equals(interfaceName)) {
            throw invalid("interface", "the gateway manages " + interfaceName + " only (set by the installation)");
        }
        Ipv4Part ipv4 = change.ipv4();
        if (ipv4 == null) {
            throw invalid("ipv4", "is required");
        }
        if (change.ntp() == null) {
            throw invalid("ntp", "is required");
        }
        List<String> dns = addresses("ipv4.dns", ipv4.dns());
        List<String> ntp = ntpServers(change.ntp().servers());
        String mode = ipv4.mode() == null ? "" : ipv4.mode();
        return switch (mode) {
            case "DHCP" -> dhcp(ipv4, dns, ntp);
            case "STATIC" -> fixed(ipv4, dns, ntp);
            default -> throw invalid("ipv4.mode", "must be DHCP or STATIC");
        };
    }

    private NetworkSettings dhcp(Ipv4Part ipv4, List<String> dns, List<String> ntp) throws ApiProblem {
        String[][] staticOnly = {{"address", ipv4.address()}, {"netmask", ipv4.netmask()}, {"gateway", ipv4.gateway()}};
        for (String[] field : staticOnly) {
            if (field[1] != null) {
                throw invalid("ipv4." + field[0], "is set by DHCP; give it only with mode STATIC");
            }
        }
        if (ipv4.prefixLength() != null) {
            throw invalid("ipv4.prefixLength", "is set by DHCP; give it only with mode STATIC");
        }
        return new NetworkSettings(interfaceName, true, null, null, null, dns, ntp);
    }

    private NetworkSettings fixed(Ipv4Part ipv4, List<String> dns, List<String> ntp) throws ApiProblem {
        Ipv4 address = address("ipv4.address", ipv4.address());
        int prefix = prefixLength(ipv4);
        Ipv4 network = address.network(prefix);
        String subnet = network + "/" + prefix;
        if (prefix <= 30 && (address.equals(network) || address.equals(address.broadcast(prefix)))) {
            throw invalid("ipv4.address", address + " is the network or broadcast address of " + subnet);
        }
        String gateway = null;
        if (ipv4.gateway() != null) {
            Ipv4 router = address("ipv4.gateway", ipv4.gateway());
            if (!router.network(prefix).equals(network)) {
                throw invalid("ipv4.gateway", router + " is not in " + subnet);
            }
            if (router.equals(address)) {
                throw invalid("ipv4.gateway", "must not be the gateway's own address");
            }
            if (prefix <= 30 && (router.equals(network) || router.equals(address.broadcast(prefix)))) {
                throw invalid("ipv4.gateway", router + " is the network or broadcast address of " + subnet);
            }
            gateway = router.toString();
        }
        return new NetworkSettings(interfaceName, false, address.toString(), prefix, gateway, dns, ntp);
    }

    private static int prefixLength(Ipv4Part ipv4) throws ApiProblem {
        Integer prefix = ipv4.prefixLength();
        if (prefix != null && (prefix < 1 || prefix > 32)) {
            throw invalid("ipv4.prefixLength", "must be 1 to 32, not " + prefix);
        }
        if (ipv4.netmask() == null) {
            if (prefix == null) {
                throw invalid("ipv4.prefixLength", "is required with mode STATIC (or ipv4.netmask)");
            }
            return prefix;
        }
        OptionalInt fromMask = Ipv4.parse(ipv4.netmask()).map(Ipv4::prefixLength).orElse(OptionalInt.empty());
        if (fromMask.isEmpty() || fromMask.getAsInt() == 0) {
            throw invalid("ipv4.netmask", "'" + ipv4.netmask() + "' is not a network mask such as 255.255.255.0");
        }
        if (prefix != null && prefix != fromMask.getAsInt()) {
            throw invalid("ipv4.netmask", ipv4.netmask() + " does not match prefixLength " + prefix);
        }
        return fromMask.getAsInt();
    }

    private static List<String> addresses(String field, List<String> values) throws ApiProblem {
        List<String> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        if (values.size() > MAX_DNS) {
            throw invalid(field, "at most " + MAX_DNS + " servers");
        }
        for (int i = 0; i < values.size(); i++) {
            String server = address(field + "[" + i + "]", values.get(i)).toString();
            if (result.contains(server)) {
                throw invalid(field + "[" + i + "]", server + " is given twice");
            }
            result.add(server);
        }
        return result;
    }

    private static List<String> ntpServers(List<String> values) throws ApiProblem {
        List<String> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        if (values.size() > MAX_NTP) {
            throw invalid("ntp.servers", "at most " + MAX_NTP + " servers");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            String field = "ntp.servers[" + i + "]";
            String server = values.get(i) == null ? "" : values.get(i).toLowerCase(Locale.ROOT);
            if (NUMERIC.matcher(server).matches()) {
                server = address(field, server).toString();
            } else if (!isHostName(server)) {
                throw invalid(field, "'" + values.get(i) + "' is not a host name or IPv4 address");
            }
            if (!seen.add(server)) {
                throw invalid(field, server + " is given twice");
            }
            result.add(server);
        }
        return result;
    }

    static boolean isHostName(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (bare.isEmpty() || bare.length() > 253) {
            return false;
        }
        for (String label : bare.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Ipv4 address(String field, String text) throws ApiProblem {
        if (text == null) {
            throw invalid(field, "is required");
        }
        Ipv4 address = Ipv4.parse(text)
                .orElseThrow(() -> invalid(field, "'" + text + "' is not an IPv4 address such as 192.168.1.20"));
        if (!address.isHostUnicast()) {
            throw invalid(field, address + " is not a unicast host address");
        }
        return address;
    }

    static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, CODE, field + ": " + message);
    }
}
