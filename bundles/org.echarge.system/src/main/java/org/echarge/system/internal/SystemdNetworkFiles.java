package org.echarge.system.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's network and time settings as systemd files under a root directory:
 * {@code <root>/etc/systemd/network/10-echarge-<interface>.network} (systemd-networkd) and
 * {@code <root>/etc/systemd/timesyncd.conf.d/echarge.conf} (systemd-timesyncd). Written together
 * through {@link AtomicFiles}; read back from the same files (no file: the factory state).
 */
final class SystemdNetworkFiles {

    static final String HEADER = "# Written by the e-charge gateway (web console, PID org.echarge.system.host).\n"
            + "# Changes made here are replaced at the next change from the console.\n";

    private final Path root;
    private final String interfaceName;

    SystemdNetworkFiles(Path root, String interfaceName) {
        this.root = root;
        this.interfaceName = interfaceName;
    }

    Path networkFile() {
        return root.resolve("etc/systemd/network").resolve("10-echarge-" + interfaceName + ".network");
    }

    Path timeFile() {
        return root.resolve("etc/systemd/timesyncd.conf.d").resolve("echarge.conf");
    }

    void write(NetworkSettings settings) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(networkFile(), network(settings).getBytes(StandardCharsets.UTF_8));
        files.put(timeFile(), time(settings).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.replace(files);
    }

    NetworkSettings read() throws IOException {
        Map<String, List<String>> network = read(networkFile());
        Map<String, List<String>> time = read(timeFile());
        List<String> ntp = words(time.getOrDefault("Time.NTP", List.of()));
        if (network.isEmpty()) {
            return new NetworkSettings(interfaceName, true, null, null, null, List.of(), ntp);
        }
        List<String> dns = words(network.getOrDefault("Network.DNS", List.of()));
        List<String> addresses = network.getOrDefault("Network.Address", List.of());
        String dhcp = last(network.get("Network.DHCP"));
        if (addresses.isEmpty() || "ipv4".equals(dhcp) || "yes".equals(dhcp)) {
            return new NetworkSettings(interfaceName, true, null, null, null, dns, ntp);
        }
        String[] address = addresses.get(0).split("/", 2);
        Integer prefix = address.length == 2 && address[1].matches("\\d{1,2}") ? Integer.valueOf(address[1]) : null;
        return new NetworkSettings(interfaceName, false, address[0], prefix, last(network.get("Network.Gateway")), dns,
                ntp);
    }

    static String network(NetworkSettings settings) {
        StringBuilder text = new StringBuilder(HEADER);
        text.append("\n[Match]\nName=").append(settings.interfaceName()).append("\n\n[Network]\n");
        if (settings.dhcp()) {
            text.append("DHCP=ipv4\n");
        } else {
            text.append("Address=").append(settings.address()).append('/').append(settings.prefixLength()).append('\n');
            if (settings.gateway() != null) {
                text.append("Gateway=").append(settings.gateway()).append('\n');
            }
        }
        settings.dns().forEach(server -> text.append("DNS=").append(server).append('\n'));
        return text.toString();
    }

    /** An empty {@code NTP=} resets the list: timesyncd then uses its default (FallbackNTP) servers. */
    static String time(NetworkSettings settings) {
        return HEADER + "\n[Time]\nNTP=" + String.join(" ", settings.ntpServers()) + "\n";
    }

    /** {@code Section.Key} to its values in file order; empty when the file does not exist. */
    private static Map<String, List<String>> read(Path file) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return values;
        }
        String section = "";
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
            } else if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith(";") && line.contains("=")) {
                int equals = line.indexOf('=');
                values.computeIfAbsent(section + "." + line.substring(0, equals).strip(), key -> new ArrayList<>())
                        .add(line.substring(equals + 1).strip());
            }
        }
        return values;
    }

    private static List<String> words(List<String> values) {
        List<String> words = new ArrayList<>();
        for (String value : values) {
            if (value.isEmpty()) {
                words.clear(); // systemd: an empty assignment resets the list
            } else {
                words.addAll(Arrays.asList(value.split("\\s+")));
            }
        }
        return words;
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
