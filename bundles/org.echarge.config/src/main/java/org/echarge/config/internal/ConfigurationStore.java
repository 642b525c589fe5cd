package org.echarge.config.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code org.echarge} configurations in ConfigAdmin: reads them, and applies a set of changes
 * as a whole. If a change fails half-way, the ones made are undone in reverse order (updated
 * configurations get their previous properties, created ones are deleted, deleted ones are
 * created again), so that the gateway runs the previous configuration. Configurations are bound to
 * no bundle (location {@code "?"}), as FileInstall makes them.
 */
final class ConfigurationStore {

    static final String FILTER = "(|(service.pid=org.echarge.*)(service.factoryPid=org.echarge.*))";
    /** Kept by ConfigAdmin or FileInstall, never part of the document. */
    private static final List<String> INTERNAL = List.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");
    private static final String ANY_LOCATION = "?";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationStore.class);

    enum Kind {
        CREATE, UPDATE, DELETE
    }

    /**
     * One change: {@code before} is the stored configuration (null for CREATE), {@code properties}
     * the new values (null for DELETE).
     */
    record Change(Kind kind, ConfigEntry entry, StoredConfiguration before, Map<String, Object> properties) {
    }

    /** A change failed; {@code restored} says whether everything before it was undone. */
    static final class ApplyException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean restored;

        ApplyException(String message, boolean restored, Throwable cause) {
            super(message, cause);
            this.restored = restored;
        }

        boolean restored() {
            return restored;
        }
    }

    private final ConfigurationAdmin admin;

    ConfigurationStore(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** Every {@code org.echarge} configuration, sorted by factory PID and PID. */
    List<StoredConfiguration> read() throws IOException {
        Configuration[] configurations;
        try {
            configurations = admin.listConfigurations(FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<StoredConfiguration> stored = new ArrayList<>();
        for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties != null) { // null: created but never updated, not in effect
                stored.add(stored(configuration.getPid(), configuration.getFactoryPid(), properties));
            }
        }
        stored.sort((a, b) -> (String.valueOf(a.factoryPid()) + " " + a.pid())
                .compareTo(String.valueOf(b.factoryPid()) + " " + b.pid()));
        return stored;
    }

    private static StoredConfiguration stored(String pid, String factoryPid, Dictionary<String, Object> dictionary) {
        Map<String, Object> properties = new TreeMap<>();
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : Collections.list(dictionary.keys())) {
            (INTERNAL.contains(key) ? kept : properties).put(key, dictionary.get(key));
        }
        String name = factoryPid != null && pid.startsWith(factoryPid + "~") ? pid.substring(factoryPid.length() + 1)
                : null;
        return new StoredConfiguration(pid, factoryPid, name, properties, kept);
    }

    /** Makes every change, or none: see the class comment. */
    synchronized void apply(List<Change> changes) throws ApplyException {
        List<Runnable> undo = new ArrayList<>();
        for (Change change : changes) {
            try {
                undo.add(0, make(change));
            } catch (IOException | RuntimeException e) {
                LOG.error("Configuration: {} of {} failed, restoring the previous configuration", change.kind(),
                        change.entry().id(), e);
                boolean restored = true;
                for (Runnable step : undo) {
                    try {
                        step.run();
                    } catch (RuntimeException undoFailed) {
                        restored = false;
                        LOG.error("Configuration: restoring failed", undoFailed);
                    }
                }
                throw new ApplyException(change.kind().name().toLowerCase() + " of " + change.entry().id()
                        + " failed (" + e.getMessage() + "); " + (restored ? "the previous configuration is restored"
                                : "the previous configuration could not be restored completely, see the log"),
                        restored, e);
            }
        }
    }

    /** Makes one change; returns how to undo it. */
    private Runnable make(Change change) throws IOException {
        ConfigEntry entry = change.entry();
        switch (change.kind()) {
            case CREATE -> {
                Configuration created = entry.factoryPid() == null ? admin.getConfiguration(entry.pid(), ANY_LOCATION)
                        : admin.getFactoryConfiguration(entry.factoryPid(), entry.name(), ANY_LOCATION);
                created.update(dictionary(change.properties(), Map.of()));
                return unchecked(created::delete);
            }
            case UPDATE -> {
                Configuration existing = admin.getConfiguration(change.before().pid(), ANY_LOCATION);
                existing.update(dictionary(change.properties(), change.before().kept()));
                return unchecked(() -> existing.update(dictionary(change.before().properties(), change.before().kept())));
            }
            default -> {
                StoredConfiguration before = change.before();
                admin.getConfiguration(before.pid(), ANY_LOCATION).delete();
                return unchecked(() -> recreate(before));
            }
        }
    }

    /** A deleted configuration again; an unnamed factory configuration gets a new PID. */
    private void recreate(StoredConfiguration before) throws IOException {
        Configuration configuration;
        if (before.factoryPid() == null) {
            configuration = admin.getConfiguration(before.pid(), ANY_LOCATION);
        } else if (before.name() != null) {
            configuration = admin.getFactoryConfiguration(before.factoryPid(), before.name(), ANY_LOCATION);
        } else {
            configuration = admin.createFactoryConfiguration(before.factoryPid(), ANY_LOCATION);
        }
        configuration.update(dictionary(before.properties(), before.kept()));
    }

    private static Dictionary<String, Object> dictionary(Map<String, Object> properties, Map<String, Object> kept) {
        Hashtable<String, Object> dictionary = new Hashtable<>(properties);
        kept.forEach((key, value) -> {
            if (key.equals("felix.fileinstall.filename")) {
                dictionary.put(key, value);
            }
        });
        return dictionary;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static Runnable unchecked(IoAction action) {
        return () -> {
            try {
                action.run();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }
}
