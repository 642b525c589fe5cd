package org.echarge.knx.internal;

import static org.echarge.knx.internal.Setups.BASIC_MODEL;
import static org.echarge.knx.internal.Setups.FULL_MODEL;
import static org.echarge.knx.internal.Setups.dlmOff;
import static org.echarge.knx.internal.Setups.dlmOn;
import static org.echarge.knx.internal.Setups.point;
import static org.echarge.knx.internal.Setups.setup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.dlm.MeterSettings.MeterDatapoint;
import org.echarge.api.point.PointConfiguration.CurrentDatapoint;
import org.echarge.api.point.PointConfiguration.EnergyDatapoint;
import org.echarge.api.point.PointConfiguration.PowerDatapoint;
import org.echarge.knx.KnxDatapoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GatewayObjectsTest {

    private static final GroupObjectTable TABLE = GroupObjectTable.standard();

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("DLM off, full model", setup(dlmOff(), point(1, FULL_MODEL, false)),
                        "1,2,8,9,50-56,59-84,94-99"),
                Arguments.of("DLM on, 1-phase meter", setup(dlmOn(1, MeterDatapoint.DPT_7_012, false),
                        point(1, FULL_MODEL, false)), "1,2,8,9,10,13,50-56,59,61-84,94-99"),
                Arguments.of("DLM on, 3-phase meter, in operation", setup(dlmOn(3, MeterDatapoint.DPT_14_056, true),
                        point(1, FULL_MODEL, false)), "1,2,8,9,10-13,20,50-56,59,61-84,94-99"),
                Arguments.of("DLM on, 1-phase meter, in operation", setup(dlmOn(1, MeterDatapoint.DPT_9_024, true),
                        point(1, FULL_MODEL, false)), "1,2,8,9,10,13,20,50-56,59,61-84,94-99"),
                Arguments.of("DLM off, in operation ignored", new GatewaySetup(
                        new MeterSettings(false, 3, MeterDatapoint.DPT_7_012, true,
                                Duration.ofMinutes(1)), List.of(point(1, FULL_MODEL, false))),
                        "1,2,8,9,50-56,59-84,94-99"),
                Arguments.of("model without metering, no meter", setup(dlmOff(), point(1, BASIC_MODEL, false)),
                        "1,2,8,9,50-53,55,56,60,61,94,95"),
                Arguments.of("model without metering, electricity meter", setup(dlmOff(), point(1, BASIC_MODEL, true)),
                        "1,2,8,9,50-53,55,56,60-75,94,95"),
                Arguments.of("metering model with an electricity meter as well",
                        setup(dlmOff(), point(1, EnumSet.of(ChargerCapability.METERING), true)),
                        "1,2,8,9,50-53,55,56,60-75,94,95"),
                Arguments.of("model with start/stop and temperature only", setup(dlmOff(), point(1,
                        EnumSet.of(ChargerCapability.START_STOP, ChargerCapability.TEMPERATURE), false)),
                        "1,2,8,9,50-56,60,61,82,83,94,95"),
                Arguments.of("two points, DLM on", setup(dlmOn(3, MeterDatapoint.DPT_7_012, false),
                        point(1, FULL_MODEL, false), point(3, BASIC_MODEL, false)),
                        "1,2,8,9,10-13,50-56,59,61-84,94-99,150-153,155,156,161,194,195"),
                Arguments.of("no points", setup(dlmOff()), "1,2,8,9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void objectsExistAsTheWhenColumnSays(String name, GatewaySetup setup, String numbers) {
        assertEquals(numbers(numbers), GatewayObjects.of(TABLE, setup).stream().map(GroupObject::number).toList());
    }

    /** "1,2,50-53" as a list of numbers. */
    private static List<Integer> numbers(String ranges) {
        List<Integer> numbers = new ArrayList<>();
        for (String range : ranges.split(",")) {
            String[] ends = range.split("-");
            IntStream.rangeClosed(Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1]))
                    .forEach(numbers::add);
        }
        return numbers;
    }

    @Test
    void pointObjectsTakeThePointsDatapointChoices() {
        GatewaySetup setup = setup(dlmOn(3, MeterDatapoint.DPT_9_024, false), point(1, FULL_MODEL, false),
                point(2, FULL_MODEL, false, CurrentDatapoint.DPT_9_021, PowerDatapoint.DPT_9_024,
                        EnergyDatapoint.DPT_13_013));
        Map<Integer, String> expected = Map.ofEntries(Map.entry(10, "9.024"), Map.entry(12, "9.024"),
                Map.entry(13, "1.002"), Map.entry(61, "14.019"), Map.entry(62, "7.012"), Map.entry(65, "7.012"),
                Map.entry(66, "14.056"), Map.entry(69, "14.056"), Map.entry(70, "13.010"), Map.entry(75, "13.010"),
                Map.entry(112, "9.021"), Map.entry(115, "9.021"), Map.entry(116, "9.024"), Map.entry(119, "9.024"),
                Map.entry(120, "13.013"), Map.entry(125, "13.013"), Map.entry(128, "13.100"),
                Map.entry(132, "9.001"));
        Map<Integer, GroupObject> objects = byNumber(setup);
        expected.forEach((number, dpt) -> assertEquals(dpt, objects.get(number).datapoint().id(), "object " + number));
    }

    @ParameterizedTest(name = "meter {0}")
    @CsvSource({"DPT_7_012, 7.012, 16", "DPT_9_021, 9.021, 16", "DPT_14_019, 14.019, 32", "DPT_9_024, 9.024, 16",
            "DPT_14_056, 14.056, 32"})
    void meterObjectsTakeTheMetersDatapoint(MeterDatapoint datapoint, String id, int sizeBits) {
        Map<Integer, GroupObject> objects = byNumber(setup(dlmOn(3, datapoint, false)));
        for (int number : List.of(10, 11, 12)) {
            assertEquals(id, objects.get(number).datapoint().id());
            assertEquals(sizeBits, objects.get(number).sizeBits());
        }
    }

    private static Map<Integer, GroupObject> byNumber(GatewaySetup setup) {
        Map<Integer, GroupObject> objects = new HashMap<>();
        GatewayObjects.of(TABLE, setup).forEach(o -> objects.put(o.number(), o));
        return objects;
    }

    // object, why it does not exist in: DLM on (1-phase meter, values only); point 1 basic model, no meter
    @ParameterizedTest(name = "object {0}")
    @CsvSource(delimiter = '|', textBlock = """
            11  | it exists only for a 3-phase smart meter
            20  | it exists only when the smart meter is monitored with "in operation"
            60  | it exists only while DLM is off
            54  | the model of charging point 1 (basic) does not support START_STOP
            78  | the model of charging point 1 (basic) does not support SESSION_TIMES
            99  | the model of charging point 1 (basic) does not support ERROR_CODES
            62  | the model of charging point 1 (basic) does not measure and the point has no electricity meter
            100 | charging point 2 is not configured
            """)
    void absenceIsExplained(int number, String reason) {
        GatewaySetup setup = setup(dlmOn(1, MeterDatapoint.DPT_7_012, false), point(1, BASIC_MODEL, false));
        assertEquals(reason, GatewayObjects.absence(TABLE.resolve(number).orElseThrow(), setup).orElseThrow());
    }

    @ParameterizedTest(name = "object {0}")
    @CsvSource(delimiter = '|', textBlock = """
            10 | it exists only while DLM is on
            13 | it exists only while DLM is on
            20 | it exists only while DLM is on
            """)
    void dlmObjectsNeedDlm(int number, String reason) {
        assertEquals(reason, GatewayObjects.absence(TABLE.resolve(number).orElseThrow(),
                setup(dlmOff(), point(1, FULL_MODEL, false))).orElseThrow());
    }

    @Test
    void existingObjectsHaveNoAbsence() {
        GatewaySetup setup = setup(dlmOff(), point(1, FULL_MODEL, false));
        for (GroupObject object : GatewayObjects.of(TABLE, setup)) {
            assertTrue(GatewayObjects.absence(object.ref(), setup).isEmpty(), object.ref().describe());
        }
    }

    @Test
    void aPointNumberIsConfiguredOnce() {
        assertEquals("charging point 2 is configured twice", assertThrows(IllegalArgumentException.class,
                () -> setup(dlmOff(), point(2, FULL_MODEL, false), point(2, BASIC_MODEL, false))).getMessage());
    }

    @Test
    void aDatapointTheObjectDoesNotAllowIsRefused() {
        ObjectRef setpoint = TABLE.resolve(60).orElseThrow();
        assertEquals("object 60 \"CP1 Setpoint charging current\" does not allow DPT 7.012",
                assertThrows(IllegalArgumentException.class,
                        () -> new GroupObject(setpoint, KnxDatapoint.CURRENT_MILLIAMPERE_U16)).getMessage());
    }
}
