package org.echarge.modbus.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.echarge.api.Transport;
import org.echarge.api.config.ConfigurationRefusedException;

/**
 * The RS485 line after validation.
 *
 * @param portPath device path; symbolic links are followed each time the port is opened
 * @param framing how frames look on the line, one framing for every device on it
 * @param timeout answer timeout of devices whose driver sets none
 */
record SerialLineSettings(String portPath, int baudRate, int dataBits, Parity parity, int stopBits, Framing framing,
        Duration timeout) {

    enum Parity {
        NONE, EVEN, ODD
    }

    enum Framing {
        RTU(Transport.MODBUS_RTU),
        ASCII(Transport.MODBUS_ASCII),
        /** ABL eMH1/eMH2: requests as Modbus ASCII, answers start with '>' ({@link AblAsciiFrame}). */
        ABL_ASCII(Transport.MODBUS_ASCII);

        private final Transport transport;

        Framing(Transport transport) {
            this.transport = transport;
        }

        /** The transport of the devices this framing serves. */
        Transport transport() {
            return transport;
        }
    }

    private static final Set<Integer> BAUD_RATES = Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);

    /** Modbus over serial line V1.02, 2.5.1.1: fixed inter-frame gap above 19200 baud. */
    private static final long FIXED_GAP_NANOS = 1_750_000;

    /**
     * Validates a configuration; empty when no port is configured. The exception names every
     * wrong setting.
     */
    static Optional<SerialLineSettings> of(Rs485LineConfig config) throws IllegalArgumentException {
        List<String> errors = new ArrayList<>();
        String path = read("portPath", config::portPath, errors);
        Integer baud = read("baudRate", config::baudRate, errors);
        Integer dataBits = read("dataBits", config::dataBits, errors);
        Integer stopBits = read("stopBits", config::stopBits, errors);
        Integer timeoutMillis = read("timeoutMillis", config::timeoutMillis, errors);
        Parity parity = choice("parity", config::parity, Parity.class, errors);
        Framing framing = choice("framing", config::framing, Framing.class, errors);
        path = path == null ? "" : path.trim();
        if (!path.isEmpty() && !path.startsWith("/")) {
            errors.add("portPath: an absolute device path such as /dev/ttyUSB0, not '" + path + "'");
        }
        if (baud != null && !BAUD_RATES.contains(baud)) {
            errors.add("baudRate: one of " + BAUD_RATES.stream().sorted().toList() + ", not " + baud);
        }
        if (dataBits != null && framing == Framing.RTU && dataBits != 8) {
            errors.add("dataBits: Modbus RTU needs 8 data bits, not " + dataBits);
        } else if (dataBits != null && dataBits != 7 && dataBits != 8) {
            errors.add("dataBits: 7 or 8, not " + dataBits);
        }
        if (stopBits != null && stopBits != 1 && stopBits != 2) {
            errors.add("stopBits: 1 or 2, not " + stopBits);
        }
        if (timeoutMillis != null && (timeoutMillis < 50 || timeoutMillis > 30_000)) {
            errors.add("timeoutMillis: between 50 and 30000 ms, not " + timeoutMillis);
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationRefusedException(errors);
        }
        return path.isEmpty() ? Optional.empty()
                : Optional.of(new SerialLineSettings(path, baud, dataBits, parity, stopBits, framing,
                        Duration.ofMillis(timeoutMillis)));
    }

    /** Start, data, parity and stop bits of one character. */
    int bitsPerCharacter() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** The silence that must separate two frames: 3.5 characters, fixed 1.75 ms above 19200 baud. */
    long interFrameGapNanos() {
        return baudRate > 19200 ? FIXED_GAP_NANOS : 35L * bitsPerCharacter() * 100_000_000L / baudRate;
    }

    /** For messages: "/dev/ttyUSB0 19200 8E1 RTU". */
    String describe() {
        return portPath + " " + baudRate + " " + dataBits + parity.name().charAt(0) + stopBits + " " + framing;
    }

    /** DS converts configuration values when they are read; a value it cannot convert throws. */
    private static <T> T read(String name, Supplier<T> value, List<String> errors) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            errors.add(name + ": not a valid value (" + e.getMessage() + ")");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String name, Supplier<String> value, Class<E> type,
            List<String> errors) {
        String text = read(name, value, errors);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(String.valueOf(text).trim())) {
                return constant;
            }
        }
        errors.add(name + ": one of " + List.of(type.getEnumConstants()) + ", not '" + text + "'");
        return null;
    }
}
