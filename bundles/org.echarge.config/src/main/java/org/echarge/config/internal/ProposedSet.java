package org.echarge.config.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ProposedConfiguration;

/** The configurations of a document after the metatype checks, as the bundles' validators see them. */
public record ProposedSet(List<ProposedEntry> all) implements ProposedConfiguration {

    private static final Pattern ATTRIBUTE_FIRST = Pattern.compile("([A-Za-z][A-Za-z0-9_.$-]*): .*", Pattern.DOTALL);

    public ProposedSet {
        all = List.copyOf(all);
    }

    @Override
    public List<Entry> entries() {
        return List.copyOf(all);
    }

    /** One configuration: typed properties and the attribute ids its metatype has. */
    public record ProposedEntry(String pid, String factoryPid, String name, Map<String, Object> properties,
            Set<String> attributes) implements Entry {

        public ProposedEntry {
            properties = Map.copyOf(properties);
            attributes = Set.copyOf(attributes);
        }

        @Override
        public <A> A as(Class<A> type) {
            return ComponentPropertyType.of(type, properties);
        }

        @Override
        public ConfigurationProblem problem(String error) {
            Matcher m = ATTRIBUTE_FIRST.matcher(error);
            String attribute = m.matches() && attributes.contains(m.group(1)) ? m.group(1) : null;
            return new ConfigurationProblem(pid != null ? pid : factoryPid, name, attribute, error);
        }
    }

    /**
     * An entry whose attributes are the property names of a component property type; for the
     * validators' tests in the owning bundles.
     */
    public static ProposedEntry entry(String pid, String factoryPid, String name, Map<String, Object> properties,
            Class<?> type) {
        Set<String> attributes = Arrays.stream(type.getDeclaredMethods())
                .map(m -> ComponentPropertyType.propertyName(m.getName())).collect(Collectors.toSet());
        return new ProposedEntry(pid, factoryPid, name, properties, attributes);
    }

    @Override
    public <A> A configuration(String pid, Class<A> type) {
        return configuration(pid).map(e -> e.as(type)).orElseGet(() -> ComponentPropertyType.of(type, Map.of()));
    }
}
