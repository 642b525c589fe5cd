package org.echarge.config.internal;

import java.util.List;
import java.util.Optional;

/** The description of one configuration PID (or factory PID) from its bundle's metatype. */
public record SchemaSection(String pid, boolean factory, String name, String description,
        List<SchemaAttribute> attributes) {

    Optional<SchemaAttribute> attribute(String id) {
        return attributes.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
