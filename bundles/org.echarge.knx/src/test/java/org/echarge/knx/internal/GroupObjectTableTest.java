package org.echarge.knx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.GroupObjectDefinition.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupObjectTableTest {

    private static final GroupObjectTable TABLE = GroupObjectTable.standard();

    @Test
    void resourceIsTheSpecsTable() throws IOException {
        Optional<Path> spec = Stream.iterate(Path.of("").toAbsolutePath(), p -> p != null, Path::getParent)
                .map(p -> p.resolve("shared/spec/group-objects.csv")).filter(Files::isRegularFile).findFirst();
        assumeTrue(spec.isPresent(), "shared/spec/group-objects.csv is not beside this checkout");
        try (InputStream resource = GroupObjectTable.class.getResourceAsStream(GroupObjectTable.RESOURCE)) {
            assertArrayEquals(Files.readAllBytes(spec.get()), resource.readAllBytes(),
                    "src/main/resources/org/echarge/knx/internal/group-objects.csv differs from " + spec.get());
        }
    }

    // number | name | dpts | size | direction | flags | when
    @ParameterizedTest(name = "object {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1  | GENERAL | Grid-supporting control                      | 1.001                            | 1 bit   | WRITE | C-WTUI | ALWAYS
            9  | GENERAL | Last fault                                   | 16.001                           | 14 byte | READ  | CR-T-- | ALWAYS
            10 | DLM     | Smart meter value (1-phase) / L1 (3-phase)   | 7.012 9.021 14.019 9.024 14.056  | 4 byte  | WRITE | C-WTUI | DLM_ON
            20 | DLM     | Smart meter in operation                     | 1.017                            | 1 bit   | WRITE | C-W--- | MONITORING_IN_OPERATION
            50 | POINT   | Charging point state - state                 | 5.010                            | 1 byte  | READ  | CR-T-- | ALWAYS
            54 | POINT   | Start/stop charging process                  | 1.010                            | 1 bit   | WRITE | C-W--- | MODEL
            55 | POINT   | Interruption                                 | 1.002                            | 1 bit   | WRITE | C-WTU- | ALWAYS
            60 | POINT   | Setpoint charging current                    | 14.019                           | 4 byte  | WRITE | C-W--- | DLM_OFF
            62 | POINT   | Actual charging current (sum) - state        | 7.012 9.021 14.019               | 4 byte  | READ  | CR-T-- | EMETER_OR_MODEL
            66 | POINT   | Actual power (sum) - state                   | 14.056 9.024                     | 4 byte  | READ  | CR-T-- | EMETER_OR_MODEL
            76 | POINT   | Charging process start time - state          | 10.001                           | 3 byte  | READ  | CR-T-- | MODEL
            82 | POINT   | Internal temperature - state                 | 9.001                            | 2 byte  | READ  | CR-T-- | MODEL
            99 | POINT   | Charging point fault info 4                  | 16.001                           | 14 byte | READ  | CR-T-- | MODEL
            """)
    void readsTheRows(int number, GroupObjectDefinition.Scope scope, String name, String dpts, String size,
            GroupObjectDefinition.Direction direction, String flags, Presence presence) {
        GroupObjectDefinition definition = TABLE.definition(number).orElseThrow();
        assertEquals(scope, definition.scope());
        assertEquals(name, definition.name());
        assertEquals(Arrays.stream(dpts.split(" ")).map(id -> KnxDatapoint.ofId(id).orElseThrow()).toList(),
                definition.datapoints());
        assertEquals(size, GroupObjectDefinition.formatSize(definition.sizeBits()));
        assertEquals(direction, definition.direction());
        assertEquals(flags, GroupObjectFlag.format(definition.flags()));
        assertEquals(presence, definition.presence());
    }

    @Test
    void hasEveryRowOfTheTable() {
        assertEquals(48, TABLE.definitions().size());
        assertEquals(List.of(1, 2, 8, 9, 10, 11, 12, 13, 20),
                TABLE.definitions().stream().filter(d -> d.scope() != GroupObjectDefinition.Scope.POINT)
                        .map(GroupObjectDefinition::number).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CR-T-- | COMMUNICATION READ TRANSMIT
            C-WTUI | COMMUNICATION WRITE TRANSMIT UPDATE READ_ON_INIT
            C-W--- | COMMUNICATION WRITE
            ------ | ''
            """)
    void flagsAreReadPerPosition(String text, String flags) {
        Set<GroupObjectFlag> expected = flags.isEmpty() ? Set.of()
                : Arrays.stream(flags.split(" ")).map(GroupObjectFlag::valueOf).collect(Collectors.toSet());
        assertEquals(expected, GroupObjectFlag.parse(text));
        assertEquals(text, GroupObjectFlag.format(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            CR-T-    | flags "CR-T-" do not have the form CRWTUI
            RC-T--   | flags "RC-T--": position 1 must be 'C' or '-', not 'R'
            CR-t--   | flags "CR-t--": position 4 must be 'T' or '-', not 't'
            """)
    void malformedFlagsAreRefused(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> GroupObjectFlag.parse(text))
                .getMessage());
    }

    private static final String HEADER = "number,scope,name,dpts,size,direction,flags,when";

    // a row after the header, the message for its line 3
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            1,general,A,1.001,1 bit,write,C-W---                 ; 7 columns instead of 8
            1,general,A,1.099,1 bit,write,C-W---,always          ; unknown datapoint type 1.099
            1,general,A,1.001|1.001,1 bit,write,C-W---,always    ; datapoint type listed twice in 1.001|1.001
            10,dlm,A,7.012|14.019,2 byte,write,C-W---,dlm-on     ; size 2 byte, but the largest of 7.012|14.019 is 4 byte
            1,general,A,1.001,one bit,write,C-W---,always        ; size "one bit" is not "<n> bit" or "<n> byte"
            50,general,A,1.001,1 bit,write,C-W---,always         ; object 50 is outside the numbers of scope general
            100,point,A,1.001,1 bit,write,C-W---,always          ; object 100 is outside the numbers of scope point
            1,general,A,1.001,1 bit,write,CR----,always          ; a write object needs the flags C and W, not CR----
            1,general,A,1.001,1 bit,read,-R-T--,always           ; a read object needs the flags C and R, not -R-T--
            1,general,A,1.001,1 bit,write,C-W---,sometimes       ; unknown "when" sometimes
            """)
    void malformedRowsAreRefused(String row, String message) {
        List<String> lines = List.of("# comment", HEADER, row);
        assertEquals("group-objects.csv line 3: " + message,
                assertThrows(IllegalArgumentException.class, () -> GroupObjectTable.parse(lines)).getMessage());
    }

    @Test
    void aNumberListedTwiceIsRefused() {
        List<String> lines = List.of(HEADER, "1,general,A,1.001,1 bit,write,C-W---,always",
                "1,general,B,1.001,1 bit,write,C-W---,always");
        assertEquals("group-objects.csv line 3: object 1 is listed twice",
                assertThrows(IllegalArgumentException.class, () -> GroupObjectTable.parse(lines)).getMessage());
    }

    @Test
    void theHeaderIsChecked() {
        List<String> lines = List.of("number,scope,name,dpts,size,direction,flags",
                "1,general,A,1.001,1 bit,write,C-W---,always");
        assertEquals("group-objects.csv line 1: the header must be " + HEADER,
                assertThrows(IllegalArgumentException.class, () -> GroupObjectTable.parse(lines)).getMessage());
    }

    // table number, point, device number, name
    @ParameterizedTest(name = "object {0} of point {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            50 | 1 | 50  | CP1 Charging point state - state
            99 | 1 | 99  | CP1 Charging point fault info 4
            50 | 2 | 100 | CP2 Charging point state - state
            60 | 2 | 110 | CP2 Setpoint charging current
            62 | 3 | 162 | CP3 Actual charging current (sum) - state
            99 | 5 | 299 | CP5 Charging point fault info 4
            60 | 200 | 10010 | CP200 Setpoint charging current
            10 | 0 | 10  | Smart meter value (1-phase) / L1 (3-phase)
            """)
    void numbersPointObjectsFiftyApart(int tableNumber, int point, int number, String name) {
        GroupObjectDefinition definition = TABLE.definition(tableNumber).orElseThrow();
        assertEquals(number, definition.number(point));
        assertEquals(name, definition.name(point));
        ObjectRef resolved = TABLE.resolve(number).orElseThrow();
        assertEquals(new ObjectRef(definition, point), resolved);
    }

    @ParameterizedTest
    @CsvSource({"0", "3", "21", "49", "57", "85", "107", "-1"})
    void numbersWithoutAnObjectResolveToNothing(int number) {
        assertTrue(TABLE.resolve(number).isEmpty());
    }

    @Test
    void pointMustFitTheScope() {
        GroupObjectDefinition pointObject = TABLE.definition(60).orElseThrow();
        GroupObjectDefinition general = TABLE.definition(1).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> pointObject.number(0));
        assertThrows(IllegalArgumentException.class, () -> general.number(1));
    }

    @Test
    void everyModelObjectNamesItsCapability() {
        assertEquals(TABLE.definitions().stream().filter(d -> d.presence() == Presence.MODEL)
                .map(GroupObjectDefinition::number).collect(Collectors.toSet()),
                GatewayObjects.MODEL_CAPABILITY.keySet());
    }

    @Test
    void threePhaseMeterObjectsAreTheDlmObjectsForL2AndL3() {
        for (int number : GatewayObjects.THREE_PHASE_METER_OBJECTS) {
            GroupObjectDefinition definition = TABLE.definition(number).orElseThrow();
            assertEquals(Presence.DLM_ON, definition.presence());
            assertTrue(definition.name().matches("Smart meter value L[23] \\(3-phase\\)"), definition.name());
        }
    }
}
