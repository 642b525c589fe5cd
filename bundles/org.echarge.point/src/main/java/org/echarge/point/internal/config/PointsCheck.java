package org.echarge.point.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.echarge.api.DeviceAddress;
import org.echarge.api.Transport;
import org.echarge.api.fault.GeneralFault;

/**
 * The rules that involve several charging points (fault-codes.csv, "Conf NoCharger" and
 * "Conf Charger"): at least one point completely configured; unique point numbers; on Modbus
 * TCP, no two points on the same endpoint (host, port, unit id; the reference device forbids a
 * duplicate IP, but several ports or units behind one IP are legitimate, e.g. Modbus gateways);
 * on the one RS485 line a single protocol (RTU or ASCII), a single charger model and unique
 * Modbus addresses; electricity meters at the points follow the same rules ("Conf EMeter").
 */
public final class PointsCheck {

    private PointsCheck() {
    }

    public static List<ConfigProblem> check(Collection<PointEntry> points) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<PointEntry> valid = points.stream().filter(PointEntry::valid).toList();
        if (valid.isEmpty()) {
            problems.add(new ConfigProblem(GeneralFault.CONF_NO_CHARGER, Set.of(),
                    points.isEmpty() ? "no charging point is configured"
                            : "no charging point is completely configured (model and address)"));
        }
        duplicates(valid, p -> Integer.toString(p.number()), "point number", problems);
        duplicates(valid.stream().filter(p -> p.address().transport() == Transport.MODBUS_TCP).toList(),
                p -> p.address().host() + ":" + p.address().port() + " unit " + p.address().unitId(),
                "Modbus TCP endpoint", problems);
        List<PointEntry> serial = valid.stream().filter(p -> p.address().transport().onSerialLine()).toList();
        duplicates(serial, p -> "RS485 address " + p.address().unitId(), "Modbus address", problems);
        differing(serial, p -> p.address().transport().name(), "RTU and ASCII are mixed on the RS485 line", problems);
        differing(serial, PointEntry::modelId, "more than one charger model on the RS485 line", problems);
        meters(valid, problems);
        return problems;
    }

    /**
     * Meters share the chargers' rules ("Conf EMeter"): no meter on a Modbus TCP endpoint or RS485
     * address that a charger or another meter uses, and a meter on the RS485 line speaks its
     * protocol (the line's settings are the chargers').
     */
    private static void meters(List<PointEntry> valid, List<ConfigProblem> problems) {
        record Device(PointEntry point, DeviceAddress address, boolean meter) {
            String key() {
                return address.transport() == Transport.MODBUS_TCP
                        ? "Modbus TCP endpoint " + address.host() + ":" + address.port() + " unit " + address.unitId()
                        : "RS485 address " + address.unitId();
            }

            String describe() {
                return (meter ? "the meter of point " : "point ") + point.number();
            }
        }
        List<Device> devices = new ArrayList<>();
        for (PointEntry point : valid) {
            devices.add(new Device(point, point.address(), false));
            if (point.meterAddress() != null) {
                devices.add(new Device(point, point.meterAddress(), true));
            }
        }
        Map<String, List<Device>> byKey = devices.stream()
                .collect(Collectors.groupingBy(Device::key, TreeMap::new, Collectors.toList()));
        byKey.forEach((key, sharing) -> {
            if (sharing.size() > 1 && sharing.stream().anyMatch(Device::meter)) {
                problems.add(new ConfigProblem(GeneralFault.CONF_EMETER,
                        sharing.stream().map(d -> d.point().id()).collect(Collectors.toSet()),
                        sharing.stream().map(Device::describe).collect(Collectors.joining(" and "))
                                + " use the same " + key));
            }
        });
        Set<Transport> lineProtocols = valid.stream().map(PointEntry::address).map(DeviceAddress::transport)
                .filter(Transport::onSerialLine).collect(Collectors.toSet());
        for (PointEntry point : valid) {
            DeviceAddress meter = point.meterAddress();
            if (meter != null && meter.transport().onSerialLine() && !lineProtocols.isEmpty()
                    && !lineProtocols.contains(meter.transport())) {
                problems.add(new ConfigProblem(GeneralFault.CONF_EMETER, Set.of(point.id()), "the meter of point "
                        + point.number() + " speaks " + meter.transport() + " but the RS485 line runs "
                        + lineProtocols.iterator().next() + " for the chargers"));
            }
        }
    }

    private static void duplicates(List<PointEntry> points, java.util.function.Function<PointEntry, String> key,
            String what, List<ConfigProblem> problems) {
        Map<String, List<PointEntry>> byKey = points.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        byKey.forEach((value, sharing) -> {
            if (sharing.size() > 1) {
                problems.add(new ConfigProblem(GeneralFault.CONF_CHARGER, ids(sharing),
                        "charging points " + numbers(sharing) + " have the same " + what + " (" + value + ")"));
            }
        });
    }

    private static void differing(List<PointEntry> points, java.util.function.Function<PointEntry, String> key,
            String message, List<ConfigProblem> problems) {
        Map<String, List<PointEntry>> byKey = points.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        if (byKey.size() > 1) {
            String detail = byKey.entrySet().stream().map(e -> e.getKey() + ": points " + numbers(e.getValue()))
                    .collect(Collectors.joining("; "));
            problems.add(new ConfigProblem(GeneralFault.CONF_CHARGER, ids(points), message + " (" + detail + ")"));
        }
    }

    private static Set<String> ids(List<PointEntry> points) {
        return points.stream().map(PointEntry::id).collect(Collectors.toSet());
    }

    private static String numbers(List<PointEntry> points) {
        return points.stream().map(p -> Integer.toString(p.number())).sorted().collect(Collectors.joining(", "));
    }
}
