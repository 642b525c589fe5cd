package org.echarge.meter.internal;

import static org.echarge.meter.internal.ManualConfigs.with;
import static org.echarge.meter.internal.MeterAssertions.assertPhases;
import static org.echarge.meter.internal.MeterAssertions.phases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.echarge.api.DeviceException;
import org.echarge.api.Transport;
import org.echarge.api.meter.MeterReading;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManualMeterDefinitionTest {

    private static final double NAN = Double.NaN;

    /** An SDM630 entered by hand: currents and import total. */
    private static final Object[] SDM = {"name", "sdm-by-hand", "transport", "MODBUS_RTU", "functionCode", 4,
            "currentL1.register", 6, "currentL2.register", 8, "currentL3.register", 10,
            "energyTotal.register", 72, "energyTotal.scale", 1000.0};

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("no current and no power", new Object[] {"name", "x", "energyTotal.register", 72},
                        "neither current nor power per phase is configured: set currentL1.register to"
                                + " currentL3.register or powerL1.register to powerL3.register (L1 alone for a 1-phase"
                                + " meter)"),
                Arguments.of("3 registers", with(SDM, "currentL1.count", 3),
                        "currentL1.count: 1, 2 or 4 registers, not 3"),
                Arguments.of("float in 1 register", with(SDM, "currentL2.count", 1),
                        "currentL2: an IEEE 754 float takes 2 registers (32 bit) or 4 (64 bit), not 1"),
                Arguments.of("scale 0", with(SDM, "currentL1.scale", 0.0),
                        "currentL1.scale: a finite number other than 0, not 0.0"),
                Arguments.of("scale NaN", with(SDM, "energyTotal.scale", Double.NaN),
                        "energyTotal.scale: a finite number other than 0, not NaN"),
                Arguments.of("scale not a number", with(SDM, "currentL1.scale", new NumberFormatException("'1,5'")),
                        "currentL1.scale: not a valid value ('1,5')"),
                Arguments.of("register out of range", with(SDM, "currentL3.register", 70_000),
                        "currentL3.register: 0..65535, or -1 for none, not 70000"),
                Arguments.of("past the last register", with(SDM, "energyTotal.register", 65_535),
                        "energyTotal: registers 65535..65536 run past 65535"),
                Arguments.of("L2 missing", with(SDM, "currentL2.register", -1),
                        "current per phase: currentL1, currentL2 and currentL3 for a 3-phase meter, currentL1 alone for"
                                + " a 1-phase meter (missing: currentL2.register)"),
                Arguments.of("L1 missing", new Object[] {"name", "x", "powerL2.register", 0, "powerL3.register", 2},
                        "power per phase: powerL1, powerL2 and powerL3 for a 3-phase meter, powerL1 alone for a 1-phase"
                                + " meter (missing: powerL1.register)"),
                Arguments.of("3 and 1 phases", with(SDM, "powerL1.register", 12),
                        "some values are configured for 3 phases, others for L1 alone: a meter has either"),
                Arguments.of("overlap", with(SDM, "currentL2.register", 7),
                        "current L2 (registers 7..8) overlaps current L1 (registers 6..7)"),
                Arguments.of("function code", with(SDM, "functionCode", 6),
                        "functionCode: 3 (read holding registers) or 4 (read input registers), not 6"),
                Arguments.of("type", with(SDM, "currentL1.type", "DOUBLE"),
                        "currentL1.type: one of [UNSIGNED, SIGNED, FLOAT], not 'DOUBLE'"),
                Arguments.of("word order", with(SDM, "currentL1.wordOrder", "BIG"),
                        "currentL1.wordOrder: one of [HIGH_FIRST, LOW_FIRST], not 'BIG'"),
                Arguments.of("float fault register", with(SDM, "fault.register", 400, "fault.type", "FLOAT",
                        "fault.count", 2), "fault.type: the fault register is read as an integer (UNSIGNED or SIGNED),"
                                + " not FLOAT"),
                Arguments.of("transport", with(SDM, "transport", "MODBUS_UDP"),
                        "transport: one of [MODBUS_TCP, MODBUS_RTU, MODBUS_ASCII], not 'MODBUS_UDP'"),
                Arguments.of("port", with(SDM, "port", 0), "port: 1..65535, not 0"),
                Arguments.of("name with a blank", with(SDM, "name", "SDM 630"),
                        "name: 1 to 32 lower-case letters, digits and '-' (not at either end), not 'SDM 630'"),
                Arguments.of("no name", with(SDM, "name", null),
                        "name: 1 to 32 lower-case letters, digits and '-' (not at either end), is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithAMessageNamingTheSetting(String situation, Object[] settings, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManualMeterDefinition.of(ManualConfigs.of(settings)));
        assertTrue(List.of(e.getMessage().split("; ")).contains(message), e.getMessage());
    }

    @Test
    void namesEveryWrongSettingInOneMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManualMeterDefinition.of(
                ManualConfigs.of("name", "-x", "functionCode", 16, "currentL1.register", 6, "currentL1.type", "SIGNED",
                        "powerL1.register", 8, "powerL1.count", 1, "energyL1.register", 6)));

        assertEquals(List.of(
                "name: 1 to 32 lower-case letters, digits and '-' (not at either end), not '-x'",
                "functionCode: 3 (read holding registers) or 4 (read input registers), not 16",
                "powerL1: an IEEE 754 float takes 2 registers (32 bit) or 4 (64 bit), not 1",
                "energy L1 (registers 6..7) overlaps current L1 (registers 6..7)"),
                List.of(e.getMessage().split("; ")));
    }

    @Test
    void acceptsADefinitionAndReadsItInBlocks() throws DeviceException {
        MeterDefinition meter = ManualMeterDefinition.of(ManualConfigs.of(with(SDM, "label", "SDM630 by hand",
                "port", 5020, "powerL2.count", 3, "fault.type", "FLOAT"))); // unset values are not checked

        assertEquals("manual-sdm-by-hand", meter.model().id());
        assertEquals("SDM630 by hand", meter.model().name());
        assertEquals(Set.of(Transport.MODBUS_RTU), meter.model().transports());
        assertEquals(5020, meter.model().defaultPort());
        assertEquals(FunctionCode.READ_INPUT_REGISTERS, meter.registers().functionCode());
        assertEquals("6+6 72+2", String.join(" ",
                meter.registers().blocks().stream().map(b -> b.start() + "+" + b.count()).toList()));
    }

    @Test
    void theReadmeExampleIsAccepted() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String cfg = readme.substring(readme.indexOf("```\nname = garage") + 4);
        List<Object> settings = new ArrayList<>();
        for (String line : cfg.substring(0, cfg.indexOf("```")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                settings.add(line.substring(0, line.indexOf('=')).trim());
                settings.add(line.substring(line.indexOf('=') + 1).trim());
            }
        }

        MeterDefinition meter = ManualMeterDefinition.of(ManualConfigs.of(settings.toArray()));

        assertEquals("manual-garage", meter.model().id());
        assertEquals(8, meter.registers().registers().size());
        assertEquals("12+12 40+2 52+2", String.join(" ",
                meter.registers().blocks().stream().map(b -> b.start() + "+" + b.count()).toList()));
    }

    @Test
    void textThatIsNotANumberIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManualMeterDefinition.of(ManualConfigs.of(with(SDM, "currentL1.scale", "1,5"))));
        assertTrue(e.getMessage().startsWith("currentL1.scale: not a valid value ("), e.getMessage());
    }

    @Test
    void blockReadsOffReadsEveryValueOnItsOwn() {
        MeterDefinition meter = ManualMeterDefinition.of(ManualConfigs.of(with(SDM, "blockReads", false)));
        assertEquals(4, meter.registers().blocks().size());
    }

    @Test
    void aOnePhaseMeterWithPowerOnly() throws DeviceException {
        MeterDefinition meter = ManualMeterDefinition.of(ManualConfigs.of("name", "sdm120", "transport", "modbus_tcp",
                "powerL1.register", 12, "powerL1.type", "float", "energyL1.register", 72, "energyL1.scale", 1000.0));
        FakeMeterModbus modbus = new FakeMeterModbus().words(FunctionCode.READ_HOLDING_REGISTERS, 12, 0x4565, 0x6000)
                .words(FunctionCode.READ_HOLDING_REGISTERS, 72, 0x4136, 0x0000); // 3670 W, 11.375 kWh

        MeterReading reading = read(meter, modbus);

        assertPhases(phases(3670, NAN, NAN, 3670), reading.powerWatt(), 1e-9, "power");
        assertPhases(phases(11_375, NAN, NAN, 11_375), reading.energyWattHour(), 1e-9, "energy");
        assertPhases(phases(NAN, NAN, NAN, NAN), reading.currentAmpere(), 0, "current");
    }

    /** Count, type and word order as entered, the words the meter holds, the scale, the value. */
    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of(1, "UNSIGNED", "HIGH_FIRST", new int[] {0x3E80}, 0.001, 16.0),
                Arguments.of(1, "SIGNED", "HIGH_FIRST", new int[] {0xFF9C}, 0.1, -10.0),
                Arguments.of(2, "UNSIGNED", "HIGH_FIRST", new int[] {0x0000, 0x3E80}, 0.001, 16.0),
                Arguments.of(2, "UNSIGNED", "LOW_FIRST", new int[] {0x3E80, 0x0000}, 0.001, 16.0),
                Arguments.of(2, "SIGNED", "HIGH_FIRST", new int[] {0xFFFF, 0xC180}, 0.001, -16.0),
                Arguments.of(2, "SIGNED", "LOW_FIRST", new int[] {0xC180, 0xFFFF}, 0.001, -16.0),
                Arguments.of(2, "FLOAT", "HIGH_FIRST", new int[] {0x4180, 0x0000}, 1.0, 16.0),
                Arguments.of(2, "FLOAT", "LOW_FIRST", new int[] {0x0000, 0x4180}, 1.0, 16.0),
                Arguments.of(4, "UNSIGNED", "HIGH_FIRST", new int[] {0, 0, 0, 0x3E80}, 0.001, 16.0),
                Arguments.of(4, "UNSIGNED", "LOW_FIRST", new int[] {0x3E80, 0, 0, 0}, 0.001, 16.0),
                Arguments.of(4, "SIGNED", "HIGH_FIRST", new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xC180}, 0.001, -16.0),
                Arguments.of(4, "SIGNED", "LOW_FIRST", new int[] {0xC180, 0xFFFF, 0xFFFF, 0xFFFF}, 0.001, -16.0),
                Arguments.of(4, "FLOAT", "HIGH_FIRST", new int[] {0x4030, 0, 0, 0}, 1.0, 16.0),
                Arguments.of(4, "FLOAT", "LOW_FIRST", new int[] {0, 0, 0, 0x4030}, 1.0, 16.0));
    }

    @ParameterizedTest(name = "{0} registers {1} {2}")
    @MethodSource("encodings")
    void decodesWhatWasEntered(int count, String type, String order, int[] words, double scale, double value)
            throws DeviceException {
        MeterDefinition meter = ManualMeterDefinition.of(ManualConfigs.of("name", "x", "currentL1.register", 100,
                "currentL1.count", count, "currentL1.type", type, "currentL1.wordOrder", order,
                "currentL1.scale", scale));

        FakeMeterModbus modbus = new FakeMeterModbus().words(FunctionCode.READ_HOLDING_REGISTERS, 100, words);

        assertEquals(value, read(meter, modbus).currentAmpere().l1(), 1e-12);
        assertEquals(List.of("3:100+" + count), modbus.requests());
    }

    private static MeterReading read(MeterDefinition meter, FakeMeterModbus modbus) throws DeviceException {
        return new ModbusMeter(meter.model(), meter.registers(), modbus,
                MutableClock.startingAt("2026-03-01T08:00:00Z")).read();
    }
}
