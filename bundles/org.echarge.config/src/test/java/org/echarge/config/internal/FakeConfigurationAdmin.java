package org.echarge.config.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * ConfigurationAdmin in memory, with PIDs as Felix makes them ({@code factory~name} for named
 * factory configurations, {@code factory.<uuid>} otherwise). {@link #failOnUpdate} makes the n-th
 * following {@code update} throw, as a full disk or a failing persistence manager would.
 */
final class FakeConfigurationAdmin implements ConfigurationAdmin {

    private final Map<String, FakeConfiguration> configurations = new TreeMap<>();
    private int updates;
    private int failingUpdate = -1;

    /** The n-th update from now on (1 = the next) throws IOException; the others work. */
    void failOnUpdate(int n) {
        failingUpdate = updates + n;
    }

    int updates() {
        return updates;
    }

    /** A configuration as FileInstall leaves it: with its file name. */
    void put(String pid, String factoryPid, Map<String, Object> properties) {
        FakeConfiguration configuration = new FakeConfiguration(pid, factoryPid);
        configuration.properties = new Hashtable<>(properties);
        configuration.properties.put("service.pid", pid);
        if (factoryPid != null) {
            configuration.properties.put("service.factoryPid", factoryPid);
        }
        configurations.put(pid, configuration);
    }

    /** The stored properties of {@code pid} (without service.pid and service.factoryPid), null when there are none. */
    Map<String, Object> properties(String pid) {
        FakeConfiguration configuration = configurations.get(pid);
        if (configuration == null || configuration.properties == null) {
            return null;
        }
        Map<String, Object> properties = new TreeMap<>();
        for (String key : Collections.list(configuration.properties.keys())) {
            if (!key.equals("service.pid") && !key.equals("service.factoryPid")) {
                properties.put(key, configuration.properties.get(key));
            }
        }
        return properties;
    }

    Set<String> pids() {
        return configurations.keySet();
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        return createFactoryConfiguration(factoryPid, null);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        String pid = factoryPid + "." + UUID.randomUUID();
        FakeConfiguration configuration = new FakeConfiguration(pid, factoryPid);
        configurations.put(pid, configuration);
        return configuration;
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, p -> new FakeConfiguration(p, null));
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configurations.computeIfAbsent(factoryPid + "~" + name, p -> new FakeConfiguration(p, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, null);
    }

    @Override
    public Configuration[] listConfigurations(String filter) {
        if (!ConfigurationStore.FILTER.equals(filter)) {
            throw new UnsupportedOperationException("the fake knows only the store's filter, not " + filter);
        }
        List<FakeConfiguration> matching = configurations.values().stream().filter(c -> c.properties != null)
                .filter(c -> c.pid.startsWith("org.echarge.")
                        || (c.factoryPid != null && c.factoryPid.startsWith("org.echarge.")))
                .toList();
        return matching.isEmpty() ? null : matching.toArray(new Configuration[0]);
    }

    private final class FakeConfiguration implements Configuration {
        private final String pid;
        private final String factoryPid;
        private Hashtable<String, Object> properties;
        private long changes;

        FakeConfiguration(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties == null ? null : new Hashtable<>(properties);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> next) throws IOException {
            updates++;
            if (updates == failingUpdate) {
                throw new IOException("injected failure of update " + updates);
            }
            Hashtable<String, Object> copy = new Hashtable<>();
            for (String key : Collections.list(next.keys())) {
                copy.put(key, next.get(key));
            }
            copy.put("service.pid", pid);
            if (factoryPid != null) {
                copy.put("service.factoryPid", factoryPid);
            }
            properties = copy;
            changes++;
            configurations.put(pid, this);
        }

        @Override
        public void delete() {
            configurations.remove(pid);
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public void update() {
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> next) throws IOException {
            update(next);
            return true;
        }

        @Override
        public void setBundleLocation(String location) {
        }

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public long getChangeCount() {
            return changes;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
        }
    }
}
