package org.echarge.config.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One attribute of a configuration, from the metatype.
 *
 * @param type string, integer, long, double, boolean or password
 * @param cardinality 0 for one value, otherwise the most values (Integer.MAX_VALUE: unbounded; negative: a list)
 * @param min as the metatype has it, null without a lower bound (numbers only)
 * @param max as the metatype has it, null without an upper bound (numbers only)
 */
public record SchemaAttribute(String id, String name, String description, String type, int cardinality,
        boolean required, @JsonProperty("default") List<String> defaultValue, List<Option> options, String min,
        String max) {

    /** A value the attribute may take, with its label. */
    public record Option(String value, String label) {
    }

    boolean multiple() {
        return cardinality != 0;
    }
}
