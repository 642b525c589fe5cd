package org.echarge.modbus.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.echarge.testsupport.SocatPty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent Modbus RTU or ASCII server: pymodbus (Debian python3-pymodbus 3.0) on the
 * peer end of a {@link SocatPty}, running {@code pymodbus_peer.py}. Unit u answers holding
 * register i with 1000u + i and input register i with 1000u + 500 + i (i below 100), else exception 2.
 */
final class PymodbusPeer implements AutoCloseable {

    static final String PYTHON = "/usr/bin/python3"; // not a pyenv python3 that lacks Debian's modules
    private static final String INSTALL = "The serial line tests need the Debian packages python3-pymodbus,"
            + " python3-serial and python3-serial-asyncio (apt-get install -y python3-pymodbus python3-serial"
            + " python3-serial-asyncio)";

    private final Process process;

    private PymodbusPeer(Process process) {
        this.process = process;
    }

    /**
     * @param framing "rtu" or "ascii"
     * @param units the unit ids that answer, e.g. "1,2"
     * @param slow "unit:milliseconds" for a unit that answers late, or empty
     */
    static PymodbusPeer start(Path port, String framing, String units, String slow) throws IOException, InterruptedException {
        return start(port, framing, units, slow, 0);
    }

    /** @param wireBaud answers wait as long as the frames would take on the wire at this baud rate; 0 = no wait */
    static PymodbusPeer start(Path port, String framing, String units, String slow, int wireBaud)
            throws IOException, InterruptedException {
        Path dir = port.getParent();
        Path script = dir.resolve("pymodbus_peer.py");
        try (InputStream source = PymodbusPeer.class.getResourceAsStream("pymodbus_peer.py")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), framing, port.toString(), units));
        if (!slow.isEmpty() || wireBaud > 0) {
            command.add(slow.isEmpty() ? "0:0" : slow);
        }
        if (wireBaud > 0) {
            command.add(Integer.toString(wireBaud));
        }
        Path log = Files.createTempFile(dir, "pymodbus", ".log");
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing. " + INSTALL);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PymodbusPeer peer = new PymodbusPeer(process);
        try {
            SocatPty.awaitLine(process, log, "READY", Duration.ofSeconds(10));
        } catch (IOException e) {
            peer.close();
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains("ModuleNotFoundError")) {
                fail("pymodbus is missing. " + INSTALL + "\n" + text);
            }
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
