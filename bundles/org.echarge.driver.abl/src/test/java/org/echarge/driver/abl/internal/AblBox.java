package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.echarge.testsupport.SocatPty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * The simulated ABL eMH1 {@code abl_emh1_box.py} (Python, pyserial) on the box end of a {@link SocatPty}: a
 * 16 A box with current sensors, in E0 after power-up, whose interface sleeps after an idle time. The car is
 * driven by {@link #command}.
 */
final class AblBox implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3"; // not a pyenv python3 without Debian's modules

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private AblBox(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = process.outputWriter(StandardCharsets.US_ASCII);
    }

    static AblBox start(Path port, int unit, double sleepAfterSeconds) throws IOException {
        Path script = port.resolveSibling("abl_emh1_box.py");
        try (InputStream source = AblBox.class.getResourceAsStream("abl_emh1_box.py")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing (Debian packages python3, python3-serial)");
        }
        Path log = port.resolveSibling("abl-box.log");
        Process process = new ProcessBuilder(PYTHON, script.toString(), port.toString(), Integer.toString(unit),
                Double.toString(sleepAfterSeconds)).redirectError(log.toFile()).start();
        AblBox box = new AblBox(process);
        box.expect("READY", log);
        return box;
    }

    /** plug PHASES MAX_AMPERE, charge, full, unplug, fault CODE, clear, restart; returns once the box took it. */
    void command(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        expect("OK " + command.split(" ")[0], null);
    }

    private void expect(String line, Path log) throws IOException {
        String read = out.readLine();
        if (!line.equals(read)) {
            String errors = log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
            close();
            fail("the simulated box said " + read + " instead of " + line
                    + (errors.contains("ModuleNotFoundError") ? " (apt-get install -y python3-serial)" : "") + "\n" + errors);
        }
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
