package org.echarge.web.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code <karaf.data>/echarge/console/credentials.json}: owner-only, replaced atomically. */
final class CredentialStore {

    static final String FILE_NAME = "credentials.json";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialStore.class);

    private final Path file;
    private final ObjectMapper mapper = StrictJson.mapper();

    CredentialStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /** Empty when there is no file yet; an {@link IOException} when it cannot be read or is damaged. */
    Optional<ConsoleCredentials> load() throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!AtomicFile.isOwnerOnly(file) && AtomicFile.restrictToOwner(file)) {
            LOG.warn("{} was readable by others; it is now readable by its owner only", file);
        }
        try {
            ConsoleCredentials credentials = mapper.readValue(content, ConsoleCredentials.class);
            if (credentials != null) {
                return Optional.of(credentials);
            }
            throw new IOException(damaged("no content"));
        } catch (JsonProcessingException e) {
            throw new IOException(damaged(e.getOriginalMessage()), e);
        }
    }

    private String damaged(String detail) {
        return file + " is damaged (" + detail + "); delete it to go back to the initial password";
    }

    void save(ConsoleCredentials credentials) throws IOException {
        AtomicFile.write(file, out -> mapper.writerWithDefaultPrettyPrinter().writeValue(out, credentials));
    }
}
