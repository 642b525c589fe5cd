package org.echarge.point.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.echarge.api.DeviceAddress;
import org.echarge.api.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Points as "number/model/connection", connection = tcp:host:port:unit, rtu:unit, ascii:unit, or
 * "invalid". Expected: the problems as "FAULT[points]" in order, or "-".
 */
class PointsCheckTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "none                                                      | CONF_NO_CHARGER[]",
            "1/keba/invalid                                            | CONF_NO_CHARGER[]",
            "1/keba/tcp:10.0.0.5:502:1                                 | -",
            "1/keba/tcp:10.0.0.5:502:1 2/keba/tcp:10.0.0.6:502:1        | -",
            "1/keba/tcp:10.0.0.5:502:1 2/keba/tcp:10.0.0.5:502:1        | CONF_CHARGER[1a, 2b]",
            "1/abb/tcp:10.0.0.5:502:1 2/abb/tcp:10.0.0.5:502:2          | -",
            "1/sim/tcp:127.0.0.1:15021:1 2/sim/tcp:127.0.0.1:15022:1    | -",
            "1/keba/tcp:10.0.0.5:502:1 1/keba/tcp:10.0.0.6:502:1        | CONF_CHARGER[1a, 1b]",
            "1/heidelberg/rtu:1 2/heidelberg/rtu:2                     | -",
            "1/heidelberg/rtu:1 2/heidelberg/rtu:1                     | CONF_CHARGER[1a, 2b]",
            "1/heidelberg/rtu:1 2/heidelberg/ascii:2                   | CONF_CHARGER[1a, 2b]",
            "1/heidelberg/rtu:1 2/amtron/rtu:2                         | CONF_CHARGER[1a, 2b]",
            "1/heidelberg/rtu:1 2/keba/tcp:10.0.0.5:502:1 3/x/invalid  | -",
            "1/abl/ascii:1 2/abl/ascii:1 3/other/rtu:3                 | CONF_CHARGER[1a, 2b] CONF_CHARGER[1a, 2b, 3c] CONF_CHARGER[1a, 2b, 3c]",
            // electricity meters at the points: "Conf EMeter"
            "1/keba/tcp:10.0.0.5:502:1+tcp:10.0.0.9:502:1 2/keba/tcp:10.0.0.6:502:1 | -",
            "1/keba/tcp:10.0.0.5:502:1+tcp:10.0.0.6:502:1 2/keba/tcp:10.0.0.6:502:1 | CONF_EMETER[1a, 2b]",
            "1/keba/tcp:10.0.0.5:502:1+tcp:10.0.0.9:502:1 2/keba/tcp:10.0.0.6:502:1+tcp:10.0.0.9:502:1 | CONF_EMETER[1a, 2b]",
            "1/keba/tcp:10.0.0.5:502:1+tcp:10.0.0.5:502:1              | CONF_EMETER[1a]",
            "1/heidelberg/rtu:1+rtu:11 2/heidelberg/rtu:2+rtu:12       | -",
            "1/heidelberg/rtu:1+rtu:2 2/heidelberg/rtu:2               | CONF_EMETER[1a, 2b]",
            "1/heidelberg/rtu:1+ascii:11                               | CONF_EMETER[1a]",
            "1/keba/tcp:10.0.0.5:502:1+rtu:7                           | -",
    })
    void findsTheProblems(String points, String expected) {
        List<PointEntry> entries = new ArrayList<>();
        for (String point : points.trim().equals("none") ? new String[0] : points.trim().split("\\s+")) {
            String[] parts = point.split("/");
            entries.add(entry(parts[0] + (char) ('a' + entries.size()), Integer.parseInt(parts[0]), parts[1], parts[2]));
        }
        List<String> found = PointsCheck.check(entries).stream()
                .map(p -> p.fault().name() + p.pointIds().stream().sorted().toList())
                .toList();
        assertEquals(expected.trim(), found.isEmpty() ? "-" : String.join(" ", found));
    }

    /**
     * The id (the configuration's PID in the gateway) is the number and the position: 1a, 2b, ...
     * A meter's connection follows the charger's after a '+'.
     */
    private static PointEntry entry(String id, int number, String model, String connection) {
        if (connection.equals("invalid")) {
            return new PointEntry(id, number, model, null, false);
        }
        String[] devices = connection.split("\\+");
        return new PointEntry(id, number, model, address(devices[0]), devices.length > 1 ? address(devices[1]) : null,
                true);
    }

    private static DeviceAddress address(String connection) {
        String[] c = connection.split(":");
        return c[0].equals("tcp") ? DeviceAddress.tcp(c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]))
                : new DeviceAddress(c[0].equals("rtu") ? Transport.MODBUS_RTU : Transport.MODBUS_ASCII, "", 0,
                        Integer.parseInt(c[1]));
    }
}
