package org.echarge.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationValidator;
import org.echarge.api.config.ProposedConfiguration;
import org.echarge.config.internal.ConfigurationService.RefusedException;
import org.echarge.config.internal.ConfigurationStore.ApplyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigurationServiceTest {

    private final FakeConfigurationAdmin admin = new FakeConfigurationAdmin();
    /** A bundle's cross-configuration rule: point numbers are unique. */
    private final ConfigurationValidator uniqueNumbers = proposed -> {
        List<ConfigurationProblem> problems = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        for (ProposedConfiguration.Entry point : proposed.factory(TestSchema.POINT)) {
            int number = (Integer) point.properties().get("number");
            String other = seen.putIfAbsent(number, point.id());
            if (other != null) {
                problems.add(point.problem("number: " + number + " is also the number of " + other));
            }
        }
        return problems;
    };
    private final List<ProposedConfiguration> seenByValidator = new ArrayList<>();
    private ConfigurationService service;

    @BeforeEach
    void setUp() {
        admin.put("org.echarge.dlm", null, Map.of("enabled", "true", "fuseAmpere", "35",
                "felix.fileinstall.filename", "file:/etc/org.echarge.dlm.cfg"));
        admin.put("org.echarge.point~1", "org.echarge.point", Map.of("number", "1", "model", "sim"));
        admin.put("org.echarge.point~2", "org.echarge.point", Map.of("number", 2, "model", "sim"));
        admin.put("org.other.pid", null, Map.of("x", "1"));
        ConfigurationValidator recording = proposed -> {
            seenByValidator.add(proposed);
            return List.of();
        };
        service = new ConfigurationService(admin, TestSchema::schema, "0.1.0", List.of(uniqueNumbers, recording));
    }

    private ConfigDocument document() throws Exception {
        return service.document();
    }

    private static ConfigDocument with(ConfigDocument document, ConfigEntry... entries) {
        List<ConfigEntry> all = new ArrayList<>(document.configurations());
        all.addAll(List.of(entries));
        return new ConfigDocument(document.format(), document.applicationVersion(), all);
    }

    private static ConfigDocument replacing(ConfigDocument document, String pid, Map<String, Object> properties) {
        return new ConfigDocument(document.format(), document.applicationVersion(), document.configurations().stream()
                .map(e -> pid.equals(e.pid()) ? new ConfigEntry(e.pid(), e.factoryPid(), e.name(), properties) : e)
                .toList());
    }

    private static ConfigDocument without(ConfigDocument document, String pid) {
        return new ConfigDocument(document.format(), document.applicationVersion(),
                document.configurations().stream().filter(e -> !pid.equals(e.pid())).toList());
    }

    private Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        for (String pid : admin.pids()) {
            Map<String, Object> properties = admin.properties(pid);
            if (properties != null) {
                Map<String, Object> comparable = new TreeMap<>();
                properties.forEach((k, v) -> comparable.put(k, v instanceof Object[] array ? List.of(array) : v));
                all.put(pid, comparable);
            }
        }
        return all;
    }

    @Test
    void theDocumentHoldsEveryEchargeConfigurationWithoutWhatConfigAdminAndFileInstallKeep() throws Exception {
        ConfigDocument document = document();
        assertEquals("echarge-config", document.format());
        assertEquals("0.1.0", document.applicationVersion());
        assertEquals(List.of(new ConfigEntry("org.echarge.dlm", null, null, Map.of("enabled", "true", "fuseAmpere", "35")),
                new ConfigEntry("org.echarge.point~1", "org.echarge.point", "1", Map.of("number", "1", "model", "sim")),
                new ConfigEntry("org.echarge.point~2", "org.echarge.point", "2", Map.of("number", 2, "model", "sim"))),
                document.configurations());
    }

    @Test
    void theUnchangedDocumentChangesNothingThoughItsValuesAreNowTyped() throws Exception {
        int before = admin.updates();
        assertEquals(0, service.apply(document()));
        assertEquals(before, admin.updates());
        assertEquals(1, seenByValidator.size());
        assertEquals(3, seenByValidator.get(0).entries().size());
    }

    @Test
    void applyUpdatesCreatesAndDeletesAndKeepsTheFileName() throws Exception {
        ConfigDocument next = without(replacing(document(), "org.echarge.dlm", Map.of("enabled", true, "fuseAmpere", 50)),
                "org.echarge.point~2");
        next = with(next, new ConfigEntry(null, "org.echarge.point", "garage", Map.of("number", 3, "model", "sim")),
                new ConfigEntry("org.echarge.knx", null, null, Map.of("links", List.of("1=0/0/1"))));
        assertEquals(4, service.apply(next));
        assertEquals(Map.of("enabled", true, "fuseAmpere", 50.0, "felix.fileinstall.filename",
                "file:/etc/org.echarge.dlm.cfg"), admin.properties("org.echarge.dlm"));
        assertNull(admin.properties("org.echarge.point~2"));
        assertEquals(Map.of("number", 3, "model", "sim"), admin.properties("org.echarge.point~garage"));
        assertArrayEquals(new String[] {"1=0/0/1"}, (String[]) admin.properties("org.echarge.knx").get("links"));
        assertEquals(Map.of("x", "1"), admin.properties("org.other.pid"), "only org.echarge configurations are managed");
        ConfigEntry created = service.document().configurations().stream()
                .filter(e -> "org.echarge.point~garage".equals(e.pid())).findFirst().orElseThrow();
        assertEquals("garage", created.name());
    }

    @Test
    void aRefusedDocumentChangesNothingAndNamesEveryProblem() throws Exception {
        Map<String, Map<String, Object>> before = snapshot();
        ConfigDocument next = without(with(replacing(document(), "org.echarge.dlm", Map.of("fuseAmpere", "lots")),
                new ConfigEntry(null, "org.echarge.point", "3", Map.of("model", "sim"))), "org.echarge.point~1");
        RefusedException refused = assertThrows(RefusedException.class, () -> service.apply(next));
        assertEquals(List.of("org.echarge.dlm fuseAmpere", "org.echarge.point number"), refused.problems().stream()
                .map(p -> p.pid() + " " + p.attribute()).toList());
        assertEquals("3", refused.problems().get(1).name());
        assertEquals(before, snapshot());
    }

    @Test
    void theOwningBundlesRulesSeeTheWholeSet() throws Exception {
        Map<String, Map<String, Object>> before = snapshot();
        ConfigDocument next = with(document(), new ConfigEntry(null, "org.echarge.point", "garage",
                Map.of("number", 2, "model", "sim")));
        RefusedException refused = assertThrows(RefusedException.class, () -> service.apply(next));
        ConfigurationProblem problem = refused.problems().get(0);
        assertEquals(1, refused.problems().size());
        assertEquals("org.echarge.point", problem.pid());
        assertEquals("garage", problem.name());
        assertEquals("number", problem.attribute());
        assertEquals(before, snapshot());
    }

    @Test
    void theStructureOfEntriesIsChecked() throws Exception {
        ConfigDocument next = with(document(),
                new ConfigEntry("other.pid", null, null, Map.of()),
                new ConfigEntry("org.echarge.dlm", null, null, Map.of()),
                new ConfigEntry(null, "org.echarge.point", null, Map.of("number", 4, "model", "m")),
                new ConfigEntry(null, "org.echarge.point", "a/b", Map.of("number", 5, "model", "m")),
                new ConfigEntry("org.echarge.point~x", "org.echarge.point", "y", Map.of("number", 6, "model", "m")),
                new ConfigEntry("org.echarge.unknown", null, null, Map.of()),
                new ConfigEntry("org.echarge.dlm2", null, "n", Map.of()));
        List<String> messages = service.validate(next).problems().stream().map(ConfigurationProblem::message).toList();
        assertEquals(7, messages.size(), messages.toString());
        for (String expected : List.of("needs a pid starting with org.echarge.", "in the document twice",
                "a new factory configuration needs a name", "name: 1 to 64", "does not match factoryPid~name",
                "no installed bundle describes configuration org.echarge.unknown", "only a factory configuration")) {
            assertTrue(messages.stream().anyMatch(m -> m.contains(expected)), expected + " in " + messages);
        }
    }

    @Test
    void aFailureHalfWayRestoresThePreviousConfiguration() throws Exception {
        Map<String, Map<String, Object>> before = snapshot();
        ConfigDocument next = without(replacing(replacing(document(), "org.echarge.dlm", Map.of("fuseAmpere", 60)),
                "org.echarge.point~1", Map.of("number", 7, "model", "sim")), "org.echarge.point~2");
        next = with(next, new ConfigEntry(null, "org.echarge.point", "new", Map.of("number", 8, "model", "sim")));
        // changes in order: delete point~2, update dlm, update point~1 (fails), create point~new
        for (int failing = 1; failing <= 3; failing++) {
            admin.failOnUpdate(failing);
            ConfigDocument attempt = next;
            ApplyException failed = assertThrows(ApplyException.class, () -> service.apply(attempt));
            assertTrue(failed.restored());
            assertTrue(failed.getMessage().contains("the previous configuration is restored"), failed.getMessage());
            assertEquals(before, snapshot(), "after a failure of update " + failing);
        }
        admin.failOnUpdate(Integer.MAX_VALUE / 2);
        assertEquals(4, service.apply(next));
        assertEquals(Set.of("org.echarge.dlm", "org.echarge.point~1", "org.echarge.point~new", "org.other.pid"),
                snapshot().keySet());
    }

    @Test
    void versionsAreCompatibleWhenTheMajorsMatch() {
        assertTrue(service.compatible("0.9.3"));
        assertFalse(service.compatible("1.0.0"));
        assertFalse(service.compatible("0.1"));
        assertEquals("1.2.3", ConfigurationService.applicationVersion(new org.osgi.framework.Version("1.2.3.20261129")));
    }
}
