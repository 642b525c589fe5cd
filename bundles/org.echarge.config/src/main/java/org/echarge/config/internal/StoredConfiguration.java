package org.echarge.config.internal;

import java.util.Map;

/**
 * A configuration as ConfigAdmin holds it.
 *
 * @param name the factory configuration's name for a PID {@code factoryPid~name}, else null
 * @param properties the values of the document
 * @param kept what ConfigAdmin and FileInstall keep for themselves ({@code felix.fileinstall.filename}):
 *        not in the document, carried over on every update
 */
record StoredConfiguration(String pid, String factoryPid, String name, Map<String, Object> properties,
        Map<String, Object> kept) {

    ConfigEntry entry() {
        return new ConfigEntry(pid, factoryPid, name, properties);
    }
}
