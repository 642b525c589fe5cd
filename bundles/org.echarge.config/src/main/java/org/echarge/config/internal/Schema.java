package org.echarge.config.internal;

import java.util.List;
import java.util.Optional;

/** Every configuration the installed {@code org.echarge} bundles describe. */
public record Schema(List<SchemaSection> sections) {

    Optional<SchemaSection> section(String pid, boolean factory) {
        return sections.stream().filter(s -> s.pid().equals(pid) && s.factory() == factory).findFirst();
    }
}
