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
import java.util.concurrent.TimeUnit;

/**
 * An independent slave in ABL's ASCII dialect: {@code abl_ascii_responder.py} (pyserial only) on the
 * peer end of a {@link SocatPty}. Unit u answers holding register i (0..99) with 100u + i.
 */
final class AblAsciiResponder implements AutoCloseable {

    private final Process process;

    private AblAsciiResponder(Process process) {
        this.process = process;
    }

    /** @param units the unit ids that answer, e.g. "1,2" */
    static AblAsciiResponder start(Path port, String units) throws IOException, InterruptedException {
        Path dir = port.getParent();
        Path script = dir.resolve("abl_ascii_responder.py");
        try (InputStream source = AblAsciiResponder.class.getResourceAsStream("abl_ascii_responder.py")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isExecutable(Path.of(PymodbusPeer.PYTHON))) {
            fail(PymodbusPeer.PYTHON + " is missing (Debian packages python3, python3-serial)");
        }
        Path log = Files.createTempFile(dir, "abl-responder", ".log");
        Process process = new ProcessBuilder(PymodbusPeer.PYTHON, script.toString(), port.toString(), units)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AblAsciiResponder responder = new AblAsciiResponder(process);
        try {
            SocatPty.awaitLine(process, log, "READY", Duration.ofSeconds(10));
        } catch (IOException e) {
            responder.close();
            if (Files.readString(log, StandardCharsets.UTF_8).contains("ModuleNotFoundError")) {
                fail("pyserial is missing (apt-get install -y python3-serial)\n" + e.getMessage());
            }
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            responder.close();
            throw e;
        }
        return responder;
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
