package org.echarge.knx.internal.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echarge.knx.internal.Validated;

import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.knxnetip.KNXnetIPRouting;

/**
 * How the gateway reaches KNX. Settings that the mode does not use are kept but ignored (the serial
 * path in tunnelling mode, host and port in serial modes).
 *
 * @param host tunnelling: the KNXnet/IP server (name or IP address); routing: the multicast group,
 *        {@value #DEFAULT_MULTICAST_GROUP} when blank; virtual: the name of the in-process network,
 *        {@value #DEFAULT_VIRTUAL_NETWORK} when blank
 * @param localAddress an IP address of this machine: the local end of a tunnel, or for routing the
 *        interface that joins the group; blank lets the system choose
 * @param serialPath the device path of a serial KNX interface, e.g. {@code /dev/ttyUSB0}
 * @param individualAddress the gateway's KNX address
 */
public record KnxConnectionSettings(Mode mode, String host, int port, String localAddress, String serialPath,
        IndividualAddress individualAddress) {

    public enum Mode {
        /** KNXnet/IP tunnelling over UDP (the default). */
        TUNNELING,
        /** KNXnet/IP tunnelling v2 over TCP, where the server offers it. */
        TUNNELING_TCP,
        /** KNX IP Secure tunnelling: tunnelling v2 over TCP in a secure session (KNX IP Secure has no UDP tunnels). */
        TUNNELING_SECURE,
        /** KNXnet/IP routing: multicast, the gateway acts as a KNX IP device. */
        ROUTING,
        /** KNX IP Secure routing: multicast with the backbone key. */
        ROUTING_SECURE,
        /** A serial BCU or interface speaking FT1.2 (EMI2). */
        SERIAL_FT12,
        /** A TP-UART transceiver on a serial port. */
        SERIAL_TPUART,
        /** A {@link VirtualKnxNetwork} in this JVM (demo site, tests, benchmarks); nothing leaves the JVM. */
        VIRTUAL;

        boolean serial() {
            return this == SERIAL_FT12 || this == SERIAL_TPUART;
        }

        /** Multicast routing, plain or secure. */
        public boolean routing() {
            return this == ROUTING || this == ROUTING_SECURE;
        }
    }

    public static final int DEFAULT_PORT = 3671;
    public static final String DEFAULT_MULTICAST_GROUP = "224.0.23.12";
    public static final String DEFAULT_VIRTUAL_NETWORK = "demo";
    /** The factory address of the gateway (spec section 7). */
    public static final String DEFAULT_INDIVIDUAL_ADDRESS = "15.15.255";

    private static final Pattern NETWORK_NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern INDIVIDUAL_ADDRESS = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** IPv4 dotted quad, or anything with a colon (IPv6): InetAddress parses these without a name lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Throws IllegalArgumentException with every error, as {@link #validate} lists them. */
    public KnxConnectionSettings {
        Objects.requireNonNull(mode, "mode");
        host = Objects.requireNonNullElse(host, "").strip();
        localAddress = Objects.requireNonNullElse(localAddress, "").strip();
        serialPath = Objects.requireNonNullElse(serialPath, "").strip();
        Objects.requireNonNull(individualAddress, "individualAddress");
        List<String> errors = errors(mode, host, port, localAddress, serialPath);
        if (individualAddress.getDevice() == 0) {
            errors.add(deviceZero(individualAddress.toString()));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /** Tunnelling over UDP to {@code host:port} with the factory individual address. */
    public static KnxConnectionSettings tunneling(String host, int port) {
        return new KnxConnectionSettings(Mode.TUNNELING, host, port, "", "",
                parseIndividualAddress(DEFAULT_INDIVIDUAL_ADDRESS));
    }

    /**
     * Checks settings as a configuration holds them. {@code mode} is a {@link Mode} name (case does
     * not matter); blank values take their defaults (mode TUNNELING, individual address
     * {@value #DEFAULT_INDIVIDUAL_ADDRESS}). Every error names the setting.
     */
    public static Validated<KnxConnectionSettings> validate(String mode, String host, int port, String localAddress,
            String serialPath, String individualAddress) {
        List<String> errors = new ArrayList<>();
        Mode parsedMode = null;
        String modeText = Objects.requireNonNullElse(mode, "").strip();
        try {
            parsedMode = modeText.isEmpty() ? Mode.TUNNELING : Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("mode \"" + modeText + "\" is not one of " + List.of(Mode.values()));
        }
        if (parsedMode != null) {
            errors.addAll(errors(parsedMode, Objects.requireNonNullElse(host, "").strip(), port,
                    Objects.requireNonNullElse(localAddress, "").strip(),
                    Objects.requireNonNullElse(serialPath, "").strip()));
        }
        IndividualAddress address = null;
        String addressText = Objects.requireNonNullElse(individualAddress, "").strip();
        try {
            address = parseIndividualAddress(addressText.isEmpty() ? DEFAULT_INDIVIDUAL_ADDRESS : addressText);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            return new Validated.Invalid<>(errors);
        }
        return new Validated.Valid<>(new KnxConnectionSettings(parsedMode, host, port, localAddress, serialPath,
                address));
    }

    /** Parses area.line.device (decimal, 0-15.0-15.1-255); the message names the setting. */
    public static IndividualAddress parseIndividualAddress(String text) {
        Matcher m = INDIVIDUAL_ADDRESS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("individual address \"" + text
                    + "\" is not an individual address: write area.line.device, e.g. 1.1.20");
        }
        int area = Integer.parseInt(m.group(1));
        int line = Integer.parseInt(m.group(2));
        int device = Integer.parseInt(m.group(3));
        if (area > 15 || line > 15 || device > 255) {
            throw new IllegalArgumentException("individual address " + text
                    + " is out of range: area and line are 0-15, the device 1-255");
        }
        if (device == 0) {
            throw new IllegalArgumentException(deviceZero(text));
        }
        return new IndividualAddress(area, line, device);
    }

    /** Where the connection goes, for log lines and error messages. */
    public String target() {
        return switch (mode) {
            case TUNNELING -> "KNXnet/IP tunnel (UDP) to " + hostAndPort();
            case TUNNELING_TCP -> "KNXnet/IP tunnel (TCP) to " + hostAndPort();
            case TUNNELING_SECURE -> "KNX IP Secure tunnel (TCP) to " + hostAndPort();
            case ROUTING -> "KNXnet/IP routing on " + multicastGroup();
            case ROUTING_SECURE -> "KNX IP Secure routing on " + multicastGroup();
            case SERIAL_FT12 -> "FT1.2 interface on " + serialPath;
            case SERIAL_TPUART -> "TP-UART on " + serialPath;
            case VIRTUAL -> "virtual KNX network " + virtualNetwork();
        };
    }

    /** The virtual network's name: {@link #host()}, or {@value #DEFAULT_VIRTUAL_NETWORK} when blank. */
    public String virtualNetwork() {
        return host.isEmpty() ? DEFAULT_VIRTUAL_NETWORK : host;
    }

    /** The routing multicast group: {@link #host()}, or the KNX default when blank. */
    public String multicastGroup() {
        return host.isEmpty() ? DEFAULT_MULTICAST_GROUP : host;
    }

    private String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static List<String> errors(Mode mode, String host, int port, String localAddress, String serialPath) {
        List<String> errors = new ArrayList<>();
        if (mode.serial()) {
            if (serialPath.isEmpty()) {
                errors.add("serial path: a serial mode needs the device path of the KNX interface, e.g. /dev/ttyUSB0");
            } else if (!serialPath.startsWith("/")) {
                errors.add("serial path \"" + serialPath + "\" is not an absolute device path, e.g. /dev/ttyUSB0");
            }
            return errors;
        }
        if (mode == Mode.VIRTUAL) {
            if (!host.isEmpty() && !NETWORK_NAME.matcher(host).matches()) {
                errors.add("host \"" + host + "\": a virtual network's name is 1 to 40 letters, digits, '.', '_' or '-'");
            }
            return errors;
        }
        if (!mode.routing() && (port < 1 || port > 65535)) {
            errors.add("port " + port + " is outside 1-65535");
        }
        if (mode.routing()) {
            String group = host.isEmpty() ? DEFAULT_MULTICAST_GROUP : host;
            if (!isRoutingMulticast(group)) {
                errors.add("host \"" + group + "\": routing needs a multicast group from " + DEFAULT_MULTICAST_GROUP
                        + " to 239.255.255.255 as an IP address");
            }
        } else if (host.isEmpty()) {
            errors.add("host: tunnelling needs the KNXnet/IP server's name or IP address");
        } else if (host.chars().anyMatch(Character::isWhitespace)) {
            errors.add("host \"" + host + "\" contains white space");
        }
        if (!localAddress.isEmpty() && ipLiteral(localAddress) == null) {
            errors.add("local address \"" + localAddress
                    + "\" is not an IP address; give one of this machine's addresses, or leave it empty");
        }
        return errors;
    }

    private static boolean isRoutingMulticast(String group) {
        InetAddress address = ipLiteral(group);
        return address != null && KNXnetIPRouting.isValidRoutingMulticast(address);
    }

    /** The address if the text is an IP literal; host names are not looked up. */
    static InetAddress ipLiteral(String text) {
        if (!IP_LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String deviceZero(String text) {
        return "individual address " + text + ": device number 0 is reserved for couplers; use 1-255";
    }
}
