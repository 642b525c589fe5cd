package org.echarge.driver.amtron.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.echarge.testsupport.SocatPty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A simulated AMTRON Compact 2.0s on the peer end of a {@link SocatPty}: {@code amtron_box.py} on pymodbus (Debian
 * python3-pymodbus 3.0), an implementation independent of the driver. Commands go to its stdin and are
 * acknowledged on its stdout, where it also reports LAPSED, RECOVERED, REBOOTED and RESET.
 */
final class AmtronBox implements AutoCloseable {

    static final String PYTHON = "/usr/bin/python3"; // not a pyenv python3 that lacks Debian's modules
    private static final String INSTALL = "The serial line test needs the Debian packages socat, python3-pymodbus,"
            + " python3-serial and python3-serial-asyncio (apt-get install -y socat python3-pymodbus python3-serial"
            + " python3-serial-asyncio)";

    private final Process process;
    private final Writer commands;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private boolean ended; // guarded by lines: stdout closed, the box exited

    private AmtronBox(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::collect, "amtron-box-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the box at {@code unit} on {@code port}; options as in the script, e.g. {@code --layout 0x0100}. */
    static AmtronBox start(Path port, int unit, String... options) throws IOException {
        Path dir = port.getParent();
        Path script = dir.resolve("amtron_box.py");
        try (InputStream source = AmtronBox.class.getResourceAsStream("amtron_box.py")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing. " + INSTALL);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), port.toString(), Integer.toString(unit)));
        command.addAll(List.of(options));
        Path log = Files.createTempFile(dir, "amtron-box", ".log");
        AmtronBox box = new AmtronBox(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
        try {
            box.await("READY", 0, Duration.ofSeconds(10));
        } catch (AssertionError e) {
            box.close();
            String text = Files.readString(log, StandardCharsets.UTF_8);
            fail((text.contains("ModuleNotFoundError") ? INSTALL + "\n" : "") + e.getMessage() + "\n" + text);
        }
        return box;
    }

    /** Sends a command and waits for its acknowledgement. */
    void command(String line) {
        await("OK " + line, send(line), Duration.ofSeconds(5));
    }

    /** The box's state and holding registers, e.g. {@code state -> 5, release -> 1, lapsed -> False}. */
    Map<String, String> status() {
        int index = await("STATUS", send("status"), Duration.ofSeconds(5));
        String line = lines().get(index);
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring("STATUS ".length()).split(" ")) {
            String[] keyValue = pair.split("=", 2);
            values.put(keyValue[0], keyValue[1]);
        }
        return values;
    }

    /** Waits for the first line starting with {@code prefix} at or after line {@code from}; returns its index. */
    int await(String prefix, int from, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        synchronized (lines) {
            while (true) {
                for (int i = from; i < lines.size(); i++) {
                    if (lines.get(i).startsWith(prefix)) {
                        return i;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError("the simulated box said no '" + prefix + "' within " + max + "; it said "
                            + lines + (ended ? " and exited" : ""));
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Number of lines said so far. */
    int said() {
        return lines().size();
    }

    List<String> lines(String prefix) {
        return lines().stream().filter(line -> line.startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        try {
            commands.close(); // the box exits when its stdin closes
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log() {
        return log;
    }

    private int send(String line) {
        int from = said();
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated box does not take commands any more", e);
        }
        return from;
    }

    private List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private void collect() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; await reports what it said
        }
        synchronized (lines) {
            ended = true;
            lines.notifyAll();
        }
    }
}
