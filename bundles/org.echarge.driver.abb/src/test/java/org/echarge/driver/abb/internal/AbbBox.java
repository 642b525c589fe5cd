package org.echarge.driver.abb.internal;

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
 * A simulated Terra AC: {@code abb_box.py} on pymodbus (Debian python3-pymodbus 3.0), an implementation independent
 * of the driver, serving Modbus TCP on 127.0.0.1 or Modbus RTU on the peer end of a {@link SocatPty}. Commands go to
 * its stdin and are acknowledged on its stdout, where it also reports LAPSED, RECOVERED and REFUSED.
 */
final class AbbBox implements AutoCloseable {

    static final String PYTHON = "/usr/bin/python3"; // not a pyenv python3 that lacks Debian's modules
    private static final String INSTALL = "The simulated Terra AC needs the Debian packages python3-pymodbus,"
            + " python3-serial and python3-serial-asyncio, and socat for the RS485 test (apt-get install -y socat"
            + " python3-pymodbus python3-serial python3-serial-asyncio)";

    private final Process process;
    private final Writer commands;
    private final List<String> lines = new ArrayList<>();
    private boolean ended; // guarded by lines: stdout closed, the box exited

    private AbbBox(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::collect, "abb-box-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** A box serving Modbus TCP on 127.0.0.1:{@code port}; options as in the script, e.g. {@code --max-a 16}. */
    static AbbBox tcp(Path dir, int port, String... options) throws IOException {
        return start(dir, List.of("--tcp", Integer.toString(port)), options);
    }

    /** A box serving Modbus RTU on {@code port}, the peer end of a pty pair. */
    static AbbBox serial(Path port, String... options) throws IOException {
        return start(port.getParent(), List.of("--serial", port.toString()), options);
    }

    private static AbbBox start(Path dir, List<String> where, String... options) throws IOException {
        Path script = dir.resolve("abb_box.py");
        try (InputStream source = AbbBox.class.getResourceAsStream("abb_box.py")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing. " + INSTALL);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(where);
        command.addAll(List.of(options));
        Path log = Files.createTempFile(dir, "abb-box", ".log");
        AbbBox box = new AbbBox(new ProcessBuilder(command).redirectError(log.toFile()).start());
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

    /** The box's state, e.g. {@code state -> 4, 4100 -> 16000, 4106 -> 60, lapsed -> False}. */
    Map<String, String> status() {
        int index = await("STATUS", send("status"), Duration.ofSeconds(5));
        Map<String, String> values = new HashMap<>();
        for (String pair : lines().get(index).substring("STATUS ".length()).split(" ")) {
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
