package org.echarge.api.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A complete set of configurations (every {@code org.echarge} PID) as it would be after applying. */
public interface ProposedConfiguration {

    List<Entry> entries();

    /** The singleton configuration {@code pid}, if the set has it. */
    default Optional<Entry> configuration(String pid) {
        return entries().stream().filter(e -> e.factoryPid() == null && pid.equals(e.pid())).findFirst();
    }

    /**
     * The singleton configuration {@code pid} as the component property type {@code type} (see
     * {@link Entry#as}); the type's defaults when the set has no such configuration, as a component
     * with an optional configuration gets them.
     */
    <A> A configuration(String pid, Class<A> type);

    /** The instances of the factory configuration {@code factoryPid}. */
    default List<Entry> factory(String factoryPid) {
        return entries().stream().filter(e -> factoryPid.equals(e.factoryPid())).toList();
    }

    /** One configuration of the set. */
    interface Entry {

        /** The PID; null for a factory configuration that does not exist yet. */
        String pid();

        /** The factory PID, null for a singleton configuration. */
        String factoryPid();

        /** The factory configuration's name (the part after {@code ~} in its PID), or null. */
        String name();

        /** The properties as they would be stored. */
        Map<String, Object> properties();

        /**
         * The properties as the component property type {@code type} (an annotation or interface),
         * converted as Declarative Services converts them for a component: missing values take the
         * type's defaults. A value that cannot be converted throws {@link IllegalArgumentException}
         * when its method is called.
         */
        <A> A as(Class<A> type);

        /**
         * A problem of this configuration from an error text of the owning bundle: an error that
         * starts with an attribute id and a colon ({@code "fuseAmpere: must be ..."}) names that attribute.
         */
        ConfigurationProblem problem(String error);

        /** Stands for the configuration in cross-configuration rules: the PID, or factory PID~name. */
        default String id() {
            return pid() != null ? pid() : factoryPid() + "~" + name();
        }
    }
}
