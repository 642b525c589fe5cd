package org.echarge.system.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The logging mode as the level of the {@code org.echarge} logger in Pax Logging's configuration
 * (PID {@code org.ops4j.pax.logging}, log4j2 properties, Karaf's {@code etc/org.ops4j.pax.logging.cfg}):
 * {@code log4j2.logger.<id>.name = org.echarge}, {@code log4j2.logger.<id>.level}. Every other key
 * stays as it is; FileInstall writes the change back to the file, and Pax Logging applies it
 * without a restart. An existing logger entry for {@code org.echarge} is reused under its id.
 */
final class PaxLoggingSettings {

    static final String PID = "org.ops4j.pax.logging";
    static final String LOGGER = "org.echarge";
    private static final String PREFIX = "log4j2.logger.";
    private static final String DEFAULT_ID = "echarge";
    private static final Set<String> MANAGED = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final ConfigurationAdmin configurationAdmin;

    PaxLoggingSettings(ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    LoggingMode mode() throws IOException, ApiProblem {
        Dictionary<String, Object> properties = configuration().getProperties();
        String id = loggerId(properties);
        return LoggingMode.ofLevel(properties.get(PREFIX + id + ".level"));
    }

    synchronized LoggingMode apply(LoggingMode mode) throws IOException, ApiProblem {
        Configuration configuration = configuration();
        Dictionary<String, Object> current = configuration.getProperties();
        Hashtable<String, Object> updated = new Hashtable<>();
        for (String key : Collections.list(current.keys())) {
            if (!MANAGED.contains(key)) {
                updated.put(key, current.get(key));
            }
        }
        String id = loggerId(current);
        updated.put(PREFIX + id + ".name", LOGGER);
        updated.put(PREFIX + id + ".level", mode.level());
        configuration.updateIfDifferent(updated);
        return mode;
    }

    private Configuration configuration() throws IOException, ApiProblem {
        Configuration[] found;
        try {
            found = configurationAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found == null || found.length == 0 || found[0].getProperties() == null) {
            throw ApiProblem.notAvailable("the logging configuration " + PID + " does not exist");
        }
        return found[0];
    }

    private static String loggerId(Dictionary<String, Object> properties) {
        for (String key : Collections.list(properties.keys())) {
            if (key.startsWith(PREFIX) && key.endsWith(".name") && LOGGER.equals(String.valueOf(properties.get(key)).strip())) {
                return key.substring(PREFIX.length(), key.length() - ".name".length());
            }
        }
        return DEFAULT_ID;
    }
}
