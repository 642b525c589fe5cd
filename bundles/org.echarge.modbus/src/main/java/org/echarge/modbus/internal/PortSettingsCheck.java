package org.echarge.modbus.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echarge.modbus.internal.SerialLineSettings.Parity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back the line settings a port really took. A port may accept a configuration and
 * silently drop part of it (a Linux pty keeps no parity and only 8 data bits), and jSerialComm
 * cannot read the terminal settings back, so this asks {@code stty} (coreutils).
 */
final class PortSettingsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PortSettingsCheck.class);
    private static final Pattern SPEED = Pattern.compile("speed (\\d+) baud");
    private static final Pattern SIZE = Pattern.compile("\\bcs([5-8])\\b");

    private PortSettingsCheck() {
    }

    /** What the open port at {@code devicePath} did not take; empty when all is in force or stty cannot tell. */
    static Optional<String> check(String devicePath, SerialLineSettings expected) {
        String report;
        try {
            Process stty = new ProcessBuilder("stty", "-F", devicePath, "-a").redirectErrorStream(true).start();
            report = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroy();
                LOG.debug("stty cannot read {}: {}", devicePath, report.trim());
                return Optional.empty();
            }
        } catch (IOException e) {
            LOG.debug("line settings of {} not verified, stty is not available: {}", devicePath, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return mismatch(expected, report);
    }

    /** Compares the output of {@code stty -a} with the settings; empty when they agree. */
    static Optional<String> mismatch(SerialLineSettings expected, String sttyReport) {
        Set<String> flags = new HashSet<>(Arrays.asList(sttyReport.split("[\\s;]+")));
        List<String> wrong = new ArrayList<>();
        Matcher speed = SPEED.matcher(sttyReport);
        if (speed.find() && Integer.parseInt(speed.group(1)) != expected.baudRate()) {
            wrong.add("baud rate " + expected.baudRate() + " (the port runs at " + speed.group(1) + ")");
        }
        Matcher size = SIZE.matcher(sttyReport);
        if (size.find() && Integer.parseInt(size.group(1)) != expected.dataBits()) {
            wrong.add(expected.dataBits() + " data bits (the port uses " + size.group(1) + ")");
        }
        Parity parity = !flags.contains("parenb") ? Parity.NONE : flags.contains("parodd") ? Parity.ODD : Parity.EVEN;
        if ((flags.contains("parenb") || flags.contains("-parenb")) && parity != expected.parity()) {
            wrong.add("parity " + expected.parity() + " (the port uses " + parity + ")");
        }
        int stopBits = flags.contains("cstopb") ? 2 : 1;
        if ((flags.contains("cstopb") || flags.contains("-cstopb")) && stopBits != expected.stopBits()) {
            wrong.add(expected.stopBits() + " stop bits (the port uses " + stopBits + ")");
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", wrong));
    }
}
