package org.echarge.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the {@link Schema} from the MetaTypeService. The metatype API has no minimum and maximum
 * (only {@code validate}), so these come from the bundle's own metatype documents
 * ({@code OSGI-INF/metatype/*.xml}, written by bnd from the {@code @AttributeDefinition}s). So does
 * a default that Felix metatype drops: it discards a default that is not literally one of the
 * options, e.g. bnd's {@code default="6.0"} of a double with options "0" and "6", although DS
 * gives the component that default.
 */
final class MetatypeSchema {

    private static final Logger LOG = LoggerFactory.getLogger(MetatypeSchema.class);

    /** What the metatype document says of one attribute beyond the API: min, max, default; each may be null. */
    record Limits(String min, String max, String defaultValue) {
        static final Limits NONE = new Limits(null, null, null);
    }

    private MetatypeSchema() {
    }

    /** The sections of every bundle of {@code bundles} that has metatype, sorted by PID. */
    static Schema read(List<Bundle> bundles, MetaTypeService metatype) {
        List<SchemaSection> sections = new ArrayList<>();
        for (Bundle bundle : bundles) {
            MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
            if (information == null) {
                continue;
            }
            Map<String, Map<String, Limits>> limits = limits(bundle);
            for (String pid : information.getPids()) {
                sections.add(section(pid, false, information.getObjectClassDefinition(pid, null),
                        limits.getOrDefault(pid, Map.of())));
            }
            for (String pid : information.getFactoryPids()) {
                sections.add(section(pid, true, information.getObjectClassDefinition(pid, null),
                        limits.getOrDefault(pid, Map.of())));
            }
        }
        sections.sort(Comparator.comparing(SchemaSection::pid));
        return new Schema(List.copyOf(sections));
    }

    static SchemaSection section(String pid, boolean factory, ObjectClassDefinition ocd, Map<String, Limits> limits) {
        Set<String> required = ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        List<SchemaAttribute> attributes = new ArrayList<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            Limits range = limits.getOrDefault(ad.getID(), Limits.NONE);
            List<String> defaults = ad.getDefaultValue() != null ? List.of(ad.getDefaultValue())
                    : range.defaultValue() == null ? null : defaults(range.defaultValue(), ad.getCardinality());
            attributes.add(new SchemaAttribute(ad.getID(), ad.getName(), ad.getDescription(), type(ad.getType()),
                    ad.getCardinality(), required.contains(ad.getID()), defaults, options(ad), range.min(),
                    range.max()));
        }
        return new SchemaSection(pid, factory, ocd.getName(), ocd.getDescription(), List.copyOf(attributes));
    }

    /** A metatype document's default: one value, or a list separated by commas ({@code \\,} for a comma). */
    private static List<String> defaults(String text, int cardinality) {
        if (cardinality == 0) {
            return List.of(text);
        }
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(++i));
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (!text.isEmpty()) {
            values.add(value.toString());
        }
        return List.copyOf(values);
    }

    private static Set<String> ids(AttributeDefinition[] definitions) {
        return definitions == null ? Set.of()
                : Arrays.stream(definitions).map(AttributeDefinition::getID).collect(Collectors.toSet());
    }

    private static List<SchemaAttribute.Option> options(AttributeDefinition ad) {
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        if (values == null) {
            return List.of();
        }
        List<SchemaAttribute.Option> options = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            options.add(new SchemaAttribute.Option(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
        }
        return List.copyOf(options);
    }

    /** The metatype types in the document's words; short and byte count as integer, float as double. */
    static String type(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> "integer";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "double";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "string";
        };
    }

    /** min, max and default per PID and attribute, from the bundle's metatype documents. */
    private static Map<String, Map<String, Limits>> limits(Bundle bundle) {
        Map<String, Map<String, Limits>> byPid = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        for (URL url : entries == null ? List.<URL>of() : Collections.list(entries)) {
            try (InputStream in = url.openStream()) {
                byPid.putAll(limits(in));
            } catch (IOException | ParserConfigurationException | SAXException e) {
                LOG.warn("metatype document {} of {} not readable, no min/max from it: {}", url,
                        bundle.getSymbolicName(), e.getMessage());
            }
        }
        return byPid;
    }

    /** min, max and default per designated PID (or factory PID) of one metatype document. */
    static Map<String, Map<String, Limits>> limits(InputStream xml)
            throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(xml);
        Map<String, Map<String, Limits>> byOcd = new HashMap<>();
        for (Element ocd : elements(document.getDocumentElement(), "OCD")) {
            Map<String, Limits> attributes = new HashMap<>();
            for (Element ad : elements(ocd, "AD")) {
                attributes.put(ad.getAttribute("id"), new Limits(value(ad, "min"), value(ad, "max"), value(ad, "default")));
            }
            byOcd.put(ocd.getAttribute("id"), attributes);
        }
        Map<String, Map<String, Limits>> byPid = new HashMap<>();
        for (Element designate : elements(document.getDocumentElement(), "Designate")) {
            String pid = designate.getAttribute("factoryPid").isEmpty() ? designate.getAttribute("pid")
                    : designate.getAttribute("factoryPid");
            for (Element object : elements(designate, "Object")) {
                byPid.put(pid, byOcd.getOrDefault(object.getAttribute("ocdref"), Map.of()));
            }
        }
        return byPid;
    }

    private static String value(Element element, String attribute) {
        return element.hasAttribute(attribute) ? element.getAttribute(attribute) : null;
    }

    private static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
