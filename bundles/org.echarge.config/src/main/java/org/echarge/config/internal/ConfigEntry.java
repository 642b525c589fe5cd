package org.echarge.config.internal;

import java.util.Map;

/**
 * One configuration of the document.
 *
 * @param pid the PID; for a factory configuration not created yet null (it is made from factory PID and name)
 * @param factoryPid the factory PID, null for a singleton configuration
 * @param name the factory configuration's name (PID {@code factoryPid~name}), null otherwise
 * @param properties the values, without the ones ConfigAdmin and FileInstall keep for themselves
 */
public record ConfigEntry(String pid, String factoryPid, String name, Map<String, Object> properties) {

    /** The PID, or factory PID~name for a factory configuration not created yet. */
    String id() {
        return pid != null ? pid : factoryPid + "~" + name;
    }

    /** The PID of the metatype section that describes this configuration. */
    String schemaPid() {
        return factoryPid != null ? factoryPid : pid;
    }
}
