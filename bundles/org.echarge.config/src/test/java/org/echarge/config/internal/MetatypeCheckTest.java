package org.echarge.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.echarge.api.config.ConfigurationProblem;
import org.junit.jupiter.api.Test;

class MetatypeCheckTest {

    private final Schema schema = TestSchema.schema();

    private MetatypeCheck.Result dlm(Map<String, Object> properties) {
        return MetatypeCheck.check(new ConfigEntry(TestSchema.DLM, null, null, properties),
                schema.section(TestSchema.DLM, false).orElseThrow());
    }

    private MetatypeCheck.Result point(Map<String, Object> properties) {
        return MetatypeCheck.check(new ConfigEntry(null, TestSchema.POINT, "garage", properties),
                schema.section(TestSchema.POINT, true).orElseThrow());
    }

    private static ConfigurationProblem only(MetatypeCheck.Result result) {
        assertEquals(1, result.problems().size(), result.problems().toString());
        return result.problems().get(0);
    }

    @Test
    void valuesComeOutTypedByTheMetatypeWhetherGivenAsJsonOrAsText() {
        MetatypeCheck.Result json = dlm(Map.of("enabled", true, "fuseAmpere", 40, "strategy", "rotate"));
        MetatypeCheck.Result text = dlm(Map.of("enabled", "TRUE", "fuseAmpere", " 40.0", "strategy", "rotate"));
        assertEquals(List.of(), json.problems());
        assertEquals(Map.of("enabled", true, "fuseAmpere", 40.0, "strategy", "rotate"), json.properties());
        assertEquals(json.properties(), text.properties());
        MetatypeCheck.Result point = point(Map.of("number", "2", "model", "m", "energy", 5_000_000_000L,
                "secret", "s3cret"));
        assertEquals(List.of(), point.problems());
        assertEquals(2, point.properties().get("number"));
        assertEquals(5_000_000_000L, point.properties().get("energy"));
        assertEquals("s3cret", point.properties().get("secret"));
    }

    @Test
    void wrongTypesAreRefusedNamingTheAttribute() {
        ConfigurationProblem problem = only(dlm(Map.of("fuseAmpere", "forty")));
        assertEquals(TestSchema.DLM, problem.pid());
        assertEquals("fuseAmpere", problem.attribute());
        assertTrue(problem.message().contains("must be a number"), problem.message());
        assertEquals("enabled", only(dlm(Map.of("enabled", 1))).attribute());
        assertEquals("enabled", only(dlm(Map.of("enabled", "yes"))).attribute());
        assertEquals("strategy", only(dlm(Map.of("strategy", 3))).attribute());
        assertEquals("fuseAmpere", only(dlm(Map.of("fuseAmpere", "NaN"))).attribute());
        assertEquals("number", only(point(Map.of("number", 1.5, "model", "m"))).attribute());
        assertEquals("number", only(point(Map.of("number", BigInteger.TEN.pow(12), "model", "m"))).attribute());
        assertEquals("number", only(point(Map.of("number", Map.of("a", 1), "model", "m"))).attribute());
    }

    @Test
    void cardinalityRequiredOptionsMinAndMaxAreChecked() {
        assertTrue(only(dlm(Map.of("fuseAmpere", List.of(1, 2)))).message().contains("one value"));
        assertTrue(only(dlm(Map.of("fuseAmpere", 0.5))).message().contains("at least 1"));
        assertTrue(only(dlm(Map.of("fuseAmpere", 4001))).message().contains("at most 4000"));
        assertTrue(only(dlm(Map.of("strategy", "random"))).message().contains("one of rotate, interrupt-all"));
        assertEquals("phases", only(point(Map.of("number", 1, "model", "m", "phases", 2))).attribute());
        assertEquals("number", only(point(Map.of("number", 0, "model", "m"))).attribute());
        ConfigurationProblem missing = only(point(Map.of("number", 1)));
        assertEquals("model", missing.attribute());
        assertEquals("garage", missing.name());
        assertTrue(missing.message().contains("required"), missing.message());
    }

    @Test
    void listsBecomeTypedArraysAndASingleValueIsAListOfOne() {
        MetatypeCheck.Result knx = MetatypeCheck.check(new ConfigEntry(TestSchema.KNX, null, null,
                Map.of("links", List.of("1=0/0/1", "2=0/0/2"))), schema.section(TestSchema.KNX, false).orElseThrow());
        assertArrayEquals(new String[] {"1=0/0/1", "2=0/0/2"}, (String[]) knx.properties().get("links"));
        MetatypeCheck.Result single = MetatypeCheck.check(new ConfigEntry(TestSchema.KNX, null, null,
                Map.of("links", "1=0/0/1")), schema.section(TestSchema.KNX, false).orElseThrow());
        assertArrayEquals(new String[] {"1=0/0/1"}, (String[]) single.properties().get("links"));
        MetatypeCheck.Result numbers = MetatypeCheck.check(new ConfigEntry(TestSchema.KNX, null, null,
                Map.of("links", List.of("a", 2))), schema.section(TestSchema.KNX, false).orElseThrow());
        assertEquals("links", only(numbers).attribute());
    }

    @Test
    void anAttributeTheMetatypeDoesNotHaveIsRefused() {
        ConfigurationProblem problem = only(dlm(Map.of("fuseAmpre", 35)));
        assertEquals("fuseAmpre", problem.attribute());
        assertTrue(problem.message().contains("unknown attribute 'fuseAmpre'"), problem.message());
        assertTrue(problem.message().contains("fuseAmpere"), problem.message());
    }
}
