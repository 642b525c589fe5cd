package org.echarge.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

class MetatypeSchemaTest {

    /** As bnd writes it for a factory configuration (from org.echarge.point's ChargingPointConfig). */
    private static final String POINT_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0" localization="x">
              <OCD id="org.echarge.point.internal.ChargingPointConfig" name="e-charge charging point">
                <AD id="number" type="Integer" name="Point number" min="1"/>
                <AD id="name" type="String" name="Name" default=""/>
                <AD id="port" type="Integer" name="TCP port" min="1" max="65535" default="502"/>
              </OCD>
              <Designate factoryPid="org.echarge.point">
                <Object ocdref="org.echarge.point.internal.ChargingPointConfig"/>
              </Designate>
            </metatype:MetaData>
            """;

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void minAndMaxComeFromTheBundlesMetatypeDocument() throws Exception {
        Map<String, Map<String, MetatypeSchema.Limits>> limits = MetatypeSchema.limits(xml(POINT_XML));
        assertEquals(Map.of("number", new MetatypeSchema.Limits("1", null, null), "name",
                new MetatypeSchema.Limits(null, null, ""), "port", new MetatypeSchema.Limits("1", "65535", "502")),
                limits.get("org.echarge.point"));
        String singleton = POINT_XML.replace("factoryPid=", "pid=").replace("org.echarge.point\"", "org.echarge.x\"");
        assertTrue(MetatypeSchema.limits(xml(singleton)).containsKey("org.echarge.x"));
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><m>&e;</m>";
        assertThrows(Exception.class, () -> MetatypeSchema.limits(xml(entity)), "no DTDs, no external entities");
    }

    @Test
    void aSectionHasTheMetatypesAttributesTypesAndOptions() {
        AttributeDefinition phases = ad("phases", AttributeDefinition.INTEGER, 0, new String[] {"3"},
                new String[] {"1", "3"}, new String[] {"1-phase", "3-phase"});
        AttributeDefinition model = ad("model", AttributeDefinition.STRING, 0, null, null, null);
        AttributeDefinition links = ad("links", AttributeDefinition.STRING, Integer.MAX_VALUE, null, null, null);
        AttributeDefinition secret = ad("secret", AttributeDefinition.PASSWORD, 0, null, null, null);
        AttributeDefinition ratio = ad("ratio", AttributeDefinition.FLOAT, 0, null, null, null);
        ObjectClassDefinition ocd = new ObjectClassDefinition() {
            @Override public String getName() { return "Point"; }
            @Override public String getID() { return "ocd"; }
            @Override public String getDescription() { return "a point"; }
            @Override public AttributeDefinition[] getAttributeDefinitions(int filter) {
                return filter == REQUIRED ? new AttributeDefinition[] {phases, model}
                        : filter == OPTIONAL ? new AttributeDefinition[] {links, secret, ratio}
                        : new AttributeDefinition[] {phases, model, links, secret, ratio};
            }
            @Override public InputStream getIcon(int size) { return null; }
        };
        SchemaSection section = MetatypeSchema.section("org.echarge.point", true, ocd,
                Map.of("phases", new MetatypeSchema.Limits("1", "3", null),
                        "ratio", new MetatypeSchema.Limits(null, null, "6.0"),
                        "links", new MetatypeSchema.Limits(null, null, "a\\,b,c")));
        assertEquals("Point", section.name());
        assertTrue(section.factory());
        SchemaAttribute first = section.attributes().get(0);
        assertEquals(new SchemaAttribute("phases", "phases name", "phases description", "integer", 0, true,
                List.of("3"), List.of(new SchemaAttribute.Option("1", "1-phase"), new SchemaAttribute.Option("3",
                        "3-phase")), "1", "3"), first);
        assertNull(section.attribute("model").orElseThrow().defaultValue());
        assertEquals(Integer.MAX_VALUE, section.attribute("links").orElseThrow().cardinality());
        assertFalse(section.attribute("links").orElseThrow().required());
        assertEquals("password", section.attribute("secret").orElseThrow().type());
        assertEquals("double", section.attribute("ratio").orElseThrow().type());
        // Felix drops a default that is not literally an option ("6.0" for options "0", "6"); the document has it
        assertEquals(List.of("6.0"), section.attribute("ratio").orElseThrow().defaultValue());
        assertEquals(List.of("a,b", "c"), section.attribute("links").orElseThrow().defaultValue());
    }

    private static AttributeDefinition ad(String id, int type, int cardinality, String[] defaults, String[] values,
            String[] labels) {
        return new AttributeDefinition() {
            @Override public String getName() { return id + " name"; }
            @Override public String getID() { return id; }
            @Override public String getDescription() { return id + " description"; }
            @Override public int getCardinality() { return cardinality; }
            @Override public int getType() { return type; }
            @Override public String[] getOptionValues() { return values; }
            @Override public String[] getOptionLabels() { return labels; }
            @Override public String validate(String value) { return null; }
            @Override public String[] getDefaultValue() { return defaults == null ? null : Arrays.copyOf(defaults, defaults.length); }
        };
    }
}
