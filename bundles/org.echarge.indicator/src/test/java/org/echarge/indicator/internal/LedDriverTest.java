package org.echarge.indicator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.indicator.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LED output against a folder laid out like /sys/class/leds. */
class LedDriverTest {

    @TempDir
    Path leds;

    @Test
    void threeSlowFlashesThenAPause() throws IOException {
        Path green = led("green:app", "255");
        LedDriver driver = new LedDriver(null, new SysfsLed(leds, "green:app"), null);
        IndicatorState threeFlashes = new IndicatorState(Pattern.OFF, Pattern.THREE_FLASHES, Pattern.OFF, "fault");

        StringBuilder seen = new StringBuilder();
        for (int step = 0; step < 40 * 2; step++) {
            driver.step(threeFlashes);
            seen.append(Files.readString(green.resolve("brightness")).trim().equals("255") ? '1' : '0');
        }
        String cycle = "1111000011110000111100000000000000000000"; // 5 s in steps of 125 ms
        assertEquals(cycle + cycle, seen.toString());
        assertEquals("none", Files.readString(green.resolve("trigger")).trim());
    }

    @Test
    void appAndComAlternateInStep() throws IOException {
        Path app = led("app", "1");
        Path com = led("com", "1");
        LedDriver driver = new LedDriver(null, new SysfsLed(leds, "app"), new SysfsLed(leds, "com"));
        IndicatorState restore = new IndicatorState(Pattern.OFF, Pattern.ALTERNATING, Pattern.ALTERNATING, "restore");
        for (int step = 0; step < 16; step++) {
            driver.step(restore);
            boolean appLit = Files.readString(app.resolve("brightness")).trim().equals("1");
            boolean comLit = Files.readString(com.resolve("brightness")).trim().equals("1");
            assertEquals(!appLit, comLit, "step " + step);
        }
    }

    @Test
    void aMissingLedIsSkippedAndTheOthersStillWork() throws IOException {
        Path red = led("red", "1");
        LedDriver driver = new LedDriver(new SysfsLed(leds, "red"), new SysfsLed(leds, "no-such-led"), null);
        driver.step(new IndicatorState(Pattern.ON, Pattern.ON, Pattern.OFF, "normal"));
        driver.step(new IndicatorState(Pattern.ON, Pattern.ON, Pattern.OFF, "normal"));
        assertEquals("1", Files.readString(red.resolve("brightness")).trim());
    }

    @Test
    void unchangedBrightnessIsNotWrittenAgain() throws IOException {
        Path led = led("app", "1");
        LedDriver driver = new LedDriver(null, new SysfsLed(leds, "app"), null);
        IndicatorState on = new IndicatorState(Pattern.OFF, Pattern.ON, Pattern.OFF, "normal");
        driver.step(on);
        Files.writeString(led.resolve("brightness"), "marker");
        driver.step(on);
        assertEquals("marker", Files.readString(led.resolve("brightness")));
    }

    private Path led(String name, String maxBrightness) throws IOException {
        Path directory = Files.createDirectories(leds.resolve(name));
        Files.writeString(directory.resolve("max_brightness"), maxBrightness + "\n");
        Files.writeString(directory.resolve("brightness"), "0\n");
        Files.writeString(directory.resolve("trigger"), "[none] timer heartbeat\n");
        return directory;
    }
}
