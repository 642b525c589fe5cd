package org.echarge.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.config.internal.ProposedSet;
import org.junit.jupiter.api.Test;

/** The manual meters' rules for a proposed configuration are the ones the manual meter driver applies. */
class ManualMeterValidatorTest {

    private final ManualMeterValidator validator = new ManualMeterValidator();

    private static ProposedSet.ProposedEntry meter(String name, Map<String, Object> properties) {
        return ProposedSet.entry(null, ManualMeterDriver.PID, name, properties, ManualMeterConfig.class);
    }

    @Test
    void aDefinitionTheDriverRefusesIsRefusedWithItsOwnErrors() {
        ProposedSet.ProposedEntry bad = meter("m1", Map.of("name", "Big Meter", "currentL1.register", 70000,
                "functionCode", 5));
        List<ConfigurationProblem> problems = validator.validate(new ProposedSet(List.of(bad)));
        IllegalArgumentException driver = assertThrows(IllegalArgumentException.class,
                () -> ManualMeterDefinition.of(bad.as(ManualMeterConfig.class)));
        assertEquals(driver.getMessage(), String.join("; ", problems.stream().map(ConfigurationProblem::message).toList()));
        assertTrue(problems.stream().anyMatch(p -> "name".equals(p.attribute())), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> "functionCode".equals(p.attribute())), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> "currentL1.register".equals(p.attribute())), problems.toString());
        assertEquals("m1", problems.get(0).name());
    }

    @Test
    void aValidDefinitionPasses() {
        assertEquals(List.of(), validator.validate(new ProposedSet(List.of(meter("m1", Map.of("name", "my-meter",
                "currentL1.register", "10"))))));
    }
}
