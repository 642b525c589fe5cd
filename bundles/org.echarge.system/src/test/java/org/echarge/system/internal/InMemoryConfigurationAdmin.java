package org.echarge.system.internal;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** ConfigurationAdmin in memory: singleton configurations only, with a change count, as far as the tests need. */
final class InMemoryConfigurationAdmin implements ConfigurationAdmin {

    private final Map<String, Stored> configurations = new ConcurrentHashMap<>();

    /** Adds a configuration as FileInstall would from {@code etc/<pid>.cfg}. */
    void put(String pid, Map<String, Object> properties) {
        Stored stored = (Stored) getConfiguration(pid, null);
        stored.update(new Hashtable<>(properties));
    }

    /** The stored properties, or null. */
    Dictionary<String, Object> properties(String pid) {
        Stored stored = configurations.get(pid);
        return stored == null ? null : stored.getProperties();
    }

    long changeCount(String pid) {
        Stored stored = configurations.get(pid);
        return stored == null ? 0 : stored.getChangeCount();
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, Stored::new);
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter parsed = filter == null ? null : FrameworkUtil.createFilter(filter);
        return configurations.values().stream().filter(c -> c.properties != null)
                .filter(c -> parsed == null || parsed.match(c.getProperties())).toArray(Configuration[]::new);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException("factory configurations are not needed here");
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException("factory configurations are not needed here");
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        throw new UnsupportedOperationException("factory configurations are not needed here");
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        throw new UnsupportedOperationException("factory configurations are not needed here");
    }

    private final class Stored implements Configuration {

        private final String pid;
        private volatile Hashtable<String, Object> properties;
        private volatile long changeCount;

        Stored(String pid) {
            this.pid = pid;
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
        public synchronized void update(Dictionary<String, ?> update) {
            properties = stored(update);
            changeCount++;
        }

        @Override
        public synchronized boolean updateIfDifferent(Dictionary<String, ?> update) {
            if (stored(update).equals(properties)) {
                return false;
            }
            update(update);
            return true;
        }

        /** What ConfigAdmin stores: the properties and the PID. */
        private Hashtable<String, Object> stored(Dictionary<String, ?> update) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (Enumeration<String> keys = update.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                copy.put(key, update.get(key));
            }
            copy.put("service.pid", pid);
            return copy;
        }

        @Override
        public void delete() {
            configurations.remove(pid);
        }

        @Override
        public String getFactoryPid() {
            return null;
        }

        @Override
        public void update() {
            changeCount++;
        }

        @Override
        public void setBundleLocation(String location) {
            // locations are not modelled
        }

        @Override
        public String getBundleLocation() {
            return null;
        }

        @Override
        public long getChangeCount() {
            return changeCount;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException("attributes are not needed here");
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException("attributes are not needed here");
        }
    }
}
