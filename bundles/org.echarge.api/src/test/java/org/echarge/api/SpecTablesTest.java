package org.echarge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.echarge.api.fault.Fault;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.junit.jupiter.api.Test;

/** The API enums are the spec tables: same codes, severities, resets, indicators, state values. */
class SpecTablesTest {

    @Test
    void pointStatesMatchTheStateTable() throws IOException {
        Map<Integer, String> table = new TreeMap<>();
        for (List<String> row : rows("charging-point-states.csv")) {
            table.put(Integer.parseInt(row.get(0)), row.get(1));
        }
        Map<Integer, String> api = Arrays.stream(PointState.values())
                .collect(Collectors.toMap(PointState::value, PointState::text, (a, b) -> a, TreeMap::new));
        assertEquals(table, api);
    }

    @Test
    void generalFaultsMatchTheFaultTable() throws IOException {
        assertEquals(faultTable("general"), describe(GeneralFault.values()));
    }

    @Test
    void pointFaultsMatchTheFaultTable() throws IOException {
        assertEquals(faultTable("point"), describe(PointFault.values()));
    }

    /** The datapoint type choices, in the table's order (the first is the default). */
    @Test
    void datapointChoicesMatchTheGroupObjectTable() throws IOException {
        Map<String, String> dpts = new TreeMap<>();
        for (List<String> row : rows("group-objects.csv")) {
            dpts.put(row.get(0), row.get(3));
        }
        assertEquals(dpts.get("62"), ids(PointConfiguration.CurrentDatapoint.values(),
                PointConfiguration.CurrentDatapoint::id));
        assertEquals(dpts.get("66"), ids(PointConfiguration.PowerDatapoint.values(),
                PointConfiguration.PowerDatapoint::id));
        assertEquals(dpts.get("70"), ids(PointConfiguration.EnergyDatapoint.values(),
                PointConfiguration.EnergyDatapoint::id));
    }

    private static <T> String ids(T[] values, java.util.function.Function<T, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining("|"));
    }

    @Test
    void faultCodesFitIntoDpt16() {
        for (Fault fault : List.of(GeneralFault.values())) {
            assertEquals(true, fault.code().length() <= 14, fault.code());
        }
        for (Fault fault : List.of(PointFault.values())) {
            assertEquals(true, fault.code().length() <= 14, fault.code());
        }
    }

    private static Map<String, String> faultTable(String scope) throws IOException {
        Map<String, String> table = new TreeMap<>();
        for (List<String> row : rows("fault-codes.csv")) {
            if (row.get(0).equals(scope)) {
                String reset = row.get(3).equals("-") ? "none" : row.get(3);
                table.put(row.get(1), row.get(2) + "/" + reset + "/" + row.get(4));
            }
        }
        return table;
    }

    private static Map<String, String> describe(Fault[] faults) {
        Map<String, String> api = new TreeMap<>();
        for (Fault fault : faults) {
            String indicator = switch (fault.indicator()) {
                case NONE -> "none";
                case THREE_FLASH -> "3-flash";
                case FIVE_FLASH -> "5-flash";
            };
            api.put(fault.code(), fault.severity() + "/" + fault.reset().name().toLowerCase() + "/" + indicator);
        }
        return api;
    }

    /** Data rows of a spec CSV: comment lines and the header are skipped; no field contains a comma before the last. */
    private static List<List<String>> rows(String name) throws IOException {
        try (InputStream in = SpecTablesTest.class.getResourceAsStream("/spec/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .skip(1)
                    .map(line -> List.of(line.split(",", 6)))
                    .toList();
        }
    }
}
