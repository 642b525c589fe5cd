package org.echarge.web.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's initial password, in {@code <karaf.etc>/initial-admin-password} (owner-only).
 * On the first start {@code bin/setenv} writes it there before Karaf starts (it is also the
 * password of the Karaf user "admin"); when Karaf was started without {@code bin/setenv} (e.g.
 * under Pax Exam) the console creates the file the same way: 128 random bits as 32 hex digits.
 * The password is never logged: log files can be downloaded from the console.
 */
record InitialPassword(String password, Path file, boolean created) {

    static final String FILE_NAME = "initial-admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(InitialPassword.class);

    @Override
    public String toString() {
        return "InitialPassword[" + file + "]";
    }

    static InitialPassword readOrCreate(Path etc, SecureRandom random) throws IOException {
        Path file = etc.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            String firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (!firstLine.isEmpty()) {
                if (!AtomicFile.isOwnerOnly(file) && AtomicFile.restrictToOwner(file)) {
                    LOG.warn("{} was readable by others; it is now readable by its owner only", file);
                }
                return new InitialPassword(firstLine, file, false);
            }
        }
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String password = HexFormat.of().formatHex(bits);
        AtomicFile.write(file, out -> out.write((password + "\n").getBytes(StandardCharsets.US_ASCII)));
        return new InitialPassword(password, file, true);
    }
}
