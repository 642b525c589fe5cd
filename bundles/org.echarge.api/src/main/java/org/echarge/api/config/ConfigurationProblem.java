package org.echarge.api.config;

import java.util.Objects;

/**
 * Why a proposed configuration is refused.
 *
 * @param pid the configuration's PID; for a factory configuration not created yet, its factory PID
 * @param name the factory configuration's name, null for a singleton configuration
 * @param attribute the attribute that is wrong, null when the problem concerns the whole configuration
 * @param message for people, naming the values involved
 */
public record ConfigurationProblem(String pid, String name, String attribute, String message) {

    public ConfigurationProblem {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(message, "message");
    }
}
