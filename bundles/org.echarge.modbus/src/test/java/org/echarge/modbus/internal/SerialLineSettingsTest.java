package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.Transport;
import org.echarge.modbus.internal.SerialLineSettings.Framing;
import org.echarge.modbus.internal.SerialLineSettings.Parity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialLineSettingsTest {

    private static final Set<String> NUMBERS = Set.of("baudRate", "dataBits", "stopBits", "timeoutMillis");

    @Test
    void defaultsAreTheModbusSerialLineDefaults() {
        assertEquals(Optional.of(new SerialLineSettings("/dev/ttyUSB0", 19200, 8, Parity.EVEN, 1, Framing.RTU,
                Duration.ofSeconds(1))), SerialLineSettings.of(ConfigAnnotations.rs485("portPath", " /dev/ttyUSB0 ")));
    }

    @Test
    void noPortMeansNoLine() {
        assertEquals(Optional.empty(), SerialLineSettings.of(ConfigAnnotations.rs485()));
    }

    @Test
    void asciiWithSevenDataBitsAndOddParity() {
        SerialLineSettings settings = SerialLineSettings.of(ConfigAnnotations.rs485("portPath", "/dev/ttyS1",
                "framing", "ascii", "dataBits", 7, "parity", "odd", "stopBits", 2, "baudRate", 38400)).orElseThrow();
        assertEquals("/dev/ttyS1 38400 7O2 ASCII", settings.describe());
    }

    @Test
    void ablDialectServesAsciiDevices() {
        SerialLineSettings settings = SerialLineSettings.of(ConfigAnnotations.rs485("portPath", "/dev/ttyUSB0",
                "framing", "abl_ascii", "baudRate", 38400)).orElseThrow();
        assertEquals("/dev/ttyUSB0 38400 8E1 ABL_ASCII", settings.describe());
        assertEquals(Transport.MODBUS_ASCII, settings.framing().transport());
    }

    /** setting, value, what the refusal says */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "portPath,      ttyUSB0, 'portPath: an absolute device path such as /dev/ttyUSB0, not ''ttyUSB0'''",
            "baudRate,      12345,   'baudRate: one of [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200], not 12345'",
            "dataBits,      7,       'dataBits: Modbus RTU needs 8 data bits, not 7'",
            "parity,        MARK,    'parity: one of [NONE, EVEN, ODD], not ''MARK'''",
            "stopBits,      3,       'stopBits: 1 or 2, not 3'",
            "framing,       TCP,     'framing: one of [RTU, ASCII, ABL_ASCII], not ''TCP'''",
            "timeoutMillis, 10,      'timeoutMillis: between 50 and 30000 ms, not 10'",
    })
    void wrongSettingIsRefusedByName(String setting, String value, String message) {
        Object typed = NUMBERS.contains(setting) ? (Object) Integer.valueOf(value) : value;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SerialLineSettings.of(ConfigAnnotations.rs485("portPath", "/dev/ttyUSB0", setting, typed)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyWrongSettingIsNamedAtOnceAndUnconvertibleValuesToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SerialLineSettings.of(
                ConfigAnnotations.rs485("baudRate", new IllegalArgumentException("'fast' is not an int"), "parity", "X",
                        "stopBits", 0)));
        assertEquals("baudRate: not a valid value ('fast' is not an int); parity: one of [NONE, EVEN, ODD], not 'X';"
                + " stopBits: 1 or 2, not 0", e.getMessage());
    }

    /** baud, parity, stop bits, gap between frames in microseconds */
    @ParameterizedTest(name = "{0} baud, parity {1}, {2} stop bits: {3} µs")
    @CsvSource({
            "1200,   EVEN, 2, 35000",
            "9600,   NONE, 1, 3645",
            "9600,   EVEN, 1, 4010",
            "19200,  EVEN, 1, 2005",
            "38400,  EVEN, 1, 1750",
            "115200, NONE, 2, 1750",
    })
    void framesAreSeparatedByThreeAndAHalfCharacters(int baud, Parity parity, int stopBits, long micros) {
        SerialLineSettings settings = new SerialLineSettings("/dev/ttyS0", baud, 8, parity, stopBits,
                Framing.RTU, Duration.ofSeconds(1));
        assertEquals(micros, settings.interFrameGapNanos() / 1000);
        assertTrue(settings.bitsPerCharacter() >= 10);
    }
}
