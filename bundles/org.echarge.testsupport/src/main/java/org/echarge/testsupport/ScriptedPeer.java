package org.echarge.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

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
 * A simulated device as a Python script (Debian's python3, e.g. on pymodbus): an implementation
 * independent of the driver under test. It runs as a child process; commands go to its stdin and are
 * acknowledged on its stdout ("OK command"), where it also reports what happens ("LAPSED", ...) and
 * answers "status" with "STATUS key=value ...". It prints "READY" once it serves, and exits when its
 * stdin closes.
 */
public final class ScriptedPeer implements AutoCloseable {

    /** Debian's python3, not a pyenv one that lacks Debian's modules. */
    public static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final Writer commands;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private boolean ended; // guarded by lines: stdout closed, the peer exited

    private ScriptedPeer(Process process, Path log, String name) {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::collect, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Copies the script (a resource next to {@code owner}) into {@code dir} and starts it with the
     * arguments; returns once it said READY. {@code install} says which Debian packages it needs.
     */
    public static ScriptedPeer start(Class<?> owner, String script, Path dir, List<String> arguments, String install)
            throws IOException {
        Path copy = dir.resolve(script);
        try (InputStream source = owner.getResourceAsStream(script)) {
            if (source == null) {
                throw new IOException("no resource " + script + " next to " + owner.getName());
            }
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing. " + install);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, copy.toString()));
        command.addAll(arguments);
        String name = script.replace(".py", "");
        Path log = Files.createTempFile(dir, name, ".log");
        ScriptedPeer peer = new ScriptedPeer(new ProcessBuilder(command).redirectError(log.toFile()).start(), log, name);
        try {
            peer.await("READY", 0, Duration.ofSeconds(10));
        } catch (AssertionError e) {
            peer.close();
            String text = Files.readString(log, StandardCharsets.UTF_8);
            fail((text.contains("ModuleNotFoundError") ? install + "\n" : "") + e.getMessage() + "\n" + text);
        }
        return peer;
    }

    /** Sends a command and waits for its acknowledgement. */
    public void command(String line) {
        await("OK " + line, send(line), Duration.ofSeconds(5));
    }

    /** The peer's state as it reports it, e.g. {@code state -> 7, 261 -> 160, lapsed -> False}. */
    public Map<String, String> status() {
        int index = await("STATUS", send("status"), Duration.ofSeconds(5));
        Map<String, String> values = new HashMap<>();
        for (String pair : lines().get(index).substring("STATUS ".length()).split(" ")) {
            String[] keyValue = pair.split("=", 2);
            values.put(keyValue[0], keyValue[1]);
        }
        return values;
    }

    /** Waits for the first line starting with {@code prefix} at or after line {@code from}; returns its index. */
    public int await(String prefix, int from, Duration max) {
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
                    throw new AssertionError("the simulated device said no '" + prefix + "' within " + max
                            + "; it said " + lines + (ended ? " and exited" : ""));
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
    public int said() {
        return lines().size();
    }

    public List<String> lines(String prefix) {
        return lines().stream().filter(line -> line.startsWith(prefix)).toList();
    }

    /** The peer's stderr. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        try {
            commands.close(); // the peer exits when its stdin closes
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
            throw new UncheckedIOException("the simulated device does not take commands any more", e);
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
