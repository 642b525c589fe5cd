package org.echarge.config.internal;

import java.util.List;

import org.echarge.config.internal.SchemaAttribute.Option;

/** A small schema like the gateway's: DLM (singleton), points (factory), KNX links (a list). */
final class TestSchema {

    static final String DLM = "org.echarge.dlm";
    static final String POINT = "org.echarge.point";
    static final String KNX = "org.echarge.knx";

    private TestSchema() {
    }

    static Schema schema() {
        return new Schema(List.of(
                new SchemaSection(DLM, false, "DLM", "load management", List.of(
                        attribute("enabled", "boolean", 0, "false", List.of(), null, null),
                        attribute("fuseAmpere", "double", 0, "35", List.of(), "1", "4000"),
                        attribute("strategy", "string", 0, "rotate",
                                List.of(new Option("rotate", "Rotate"), new Option("interrupt-all", "Interrupt")),
                                null, null))),
                new SchemaSection(KNX, false, "KNX", "binding", List.of(
                        attribute("host", "string", 0, "", List.of(), null, null),
                        attribute("links", "string", Integer.MAX_VALUE, null, List.of(), null, null))),
                new SchemaSection(POINT, true, "Point", "a charging point", List.of(
                        attribute("number", "integer", 0, null, List.of(), "1", null),
                        attribute("model", "string", 0, null, List.of(), null, null),
                        attribute("phases", "integer", 0, "3", List.of(new Option("1", "1-phase"),
                                new Option("3", "3-phase")), null, null),
                        attribute("secret", "password", 0, "", List.of(), null, null),
                        attribute("energy", "long", 0, "0", List.of(), null, null)))));
    }

    /** required as bnd writes it: true unless said otherwise, so only a missing default makes it matter. */
    static SchemaAttribute attribute(String id, String type, int cardinality, String defaultValue, List<Option> options,
            String min, String max) {
        return new SchemaAttribute(id, id, "", type, cardinality, true, defaultValue == null ? null
                : List.of(defaultValue), options, min, max);
    }
}
