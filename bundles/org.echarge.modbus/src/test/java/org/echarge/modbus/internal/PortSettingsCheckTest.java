package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.echarge.modbus.internal.SerialLineSettings.Framing;
import org.echarge.modbus.internal.SerialLineSettings.Parity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSettingsCheckTest {

    /** what stty reports (speed, size and the flags that matter), configured settings, what was not taken */
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "speed 19200 baud; line = 0; | -parenb -parodd cs8 -cstopb | 19200 8N1 |",
            "speed 19200 baud; line = 0; | parenb -parodd cs8 -cstopb  | 19200 8E1 |",
            "speed 9600 baud; line = 0;  | parenb parodd cs7 cstopb    | 9600 7O2  |",
            "speed 19200 baud; line = 0; | -parenb -parodd cs8 -cstopb | 19200 8E1 | parity EVEN (the port uses NONE)",
            "speed 38400 baud; line = 0; | parenb parodd cs8 cstopb    | 19200 8E1 | baud rate 19200 (the port runs at 38400), parity EVEN (the port uses ODD), 1 stop bits (the port uses 2)",
            "speed 19200 baud; line = 0; | -parenb -parodd cs8 -cstopb | 19200 7N1 | 7 data bits (the port uses 8)",
            "stty: not a tty             |                             | 19200 8E1 |",
    })
    void reportsWhatThePortDidNotTake(String speed, String flags, String line, String mismatch) {
        String report = speed + "\nintr = ^C; quit = ^\\; erase = ^?;\n" + flags + " cread -clocal -crtscts\n-ignbrk -brkint";
        assertEquals(Optional.ofNullable(mismatch), PortSettingsCheck.mismatch(settings(line), report));
    }

    private static SerialLineSettings settings(String line) {
        String[] parts = line.split(" ");
        String frame = parts[1];
        Parity parity = switch (frame.charAt(1)) {
            case 'E' -> Parity.EVEN;
            case 'O' -> Parity.ODD;
            default -> Parity.NONE;
        };
        return new SerialLineSettings("/dev/ttyS0", Integer.parseInt(parts[0]), frame.charAt(0) - '0', parity,
                frame.charAt(2) - '0', Framing.ASCII, Duration.ofSeconds(1));
    }
}
