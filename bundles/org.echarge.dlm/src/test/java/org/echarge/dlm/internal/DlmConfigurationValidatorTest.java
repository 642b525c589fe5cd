package org.echarge.dlm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationRefusedException;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.config.internal.ProposedSet;
import org.junit.jupiter.api.Test;

/** DLM's rules for a proposed configuration are the ones the DLM component applies. */
class DlmConfigurationValidatorTest {

    private final DlmConfigurationValidator validator = new DlmConfigurationValidator();

    private static ProposedSet dlm(Map<String, Object> properties) {
        return new ProposedSet(List.of(ProposedSet.entry(LoadManagementComponent.PID, null, null, properties,
                LoadManagementConfig.class)));
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheComponentsOwnErrors() {
        ProposedSet proposed = dlm(Map.of("enabled", true, "fuseAmpere", 5000, "reserveAmpere", -1,
                "phaseVoltage", 50));
        List<ConfigurationProblem> problems = validator.validate(proposed);
        ConfigurationRefusedException component = assertThrows(ConfigurationRefusedException.class,
                () -> DlmSettings.of(proposed.entries().get(0).as(LoadManagementConfig.class)));
        assertEquals(component.errors(), problems.stream().map(ConfigurationProblem::message).toList());
        assertEquals(List.of("fuseAmpere", "reserveAmpere", "phaseVoltage"),
                problems.stream().map(ConfigurationProblem::attribute).toList());
        assertEquals("org.echarge.dlm", problems.get(0).pid());
        assertTrue(validator.read(proposed).isEmpty());
    }

    @Test
    void aValidConfigurationPassesAndGivesTheSmartMeterSettings() {
        ProposedSet proposed = dlm(Map.of("enabled", "true", "fuseAmpere", "35", "meterPhases", "1",
                "meterDatapoint", "14.056"));
        assertEquals(List.of(), validator.validate(proposed));
        MeterSettings meter = validator.read(proposed).orElseThrow();
        assertTrue(meter.dlmOn());
        assertEquals(1, meter.phases());
        assertEquals(MeterSettings.MeterDatapoint.DPT_14_056, meter.datapoint());
    }

    @Test
    void withoutAConfigurationDlmIsOffWithItsDefaults() {
        ProposedSet none = new ProposedSet(List.of());
        assertEquals(List.of(), validator.validate(none));
        assertFalse(validator.read(none).orElseThrow().dlmOn());
    }
}
