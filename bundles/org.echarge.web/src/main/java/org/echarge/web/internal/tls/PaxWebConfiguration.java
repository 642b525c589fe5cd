package org.echarge.web.internal.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.echarge.web.internal.security.AtomicFile;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@link WebServerSettings} through ConfigurationAdmin. Karaf's FileInstall writes the changed
 * configuration back to {@code etc/org.ops4j.pax.web.cfg}; that file then holds the key store
 * password, so it is made owner-only before the first change (FileInstall rewrites the file in
 * place, which keeps its permissions).
 */
final class PaxWebConfiguration implements WebServerSettings {

    private final ConfigurationAdmin configurationAdmin;
    private final Path file;

    PaxWebConfiguration(ConfigurationAdmin configurationAdmin, Path etc) {
        this.configurationAdmin = configurationAdmin;
        this.file = etc.resolve(PID + ".cfg");
    }

    @Override
    public Map<String, Object> read() throws IOException {
        Dictionary<String, Object> properties = configuration().getProperties();
        Map<String, Object> copy = new HashMap<>();
        if (properties != null) {
            Collections.list(properties.keys()).forEach(key -> copy.put(key, properties.get(key)));
        }
        return copy;
    }

    @Override
    public boolean update(Map<String, String> changes) throws IOException {
        Configuration configuration = configuration();
        Dictionary<String, Object> current = configuration.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (current != null) {
            Collections.list(current.keys()).forEach(key -> next.put(key, current.get(key)));
        }
        next.putAll(changes);
        if (Files.isRegularFile(file)) {
            AtomicFile.restrictToOwner(file);
        }
        return configuration.updateIfDifferent(next);
    }

    private Configuration configuration() throws IOException {
        return configurationAdmin.getConfiguration(PID, null);
    }
}
