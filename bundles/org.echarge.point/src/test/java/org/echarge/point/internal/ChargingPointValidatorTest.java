package org.echarge.point.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.point.PointConfiguration;
import org.echarge.config.internal.ProposedSet;
import org.echarge.testsupport.FakeChargerDriver;
import org.junit.jupiter.api.Test;

/** The point rules for a proposed configuration are the ones the point components apply. */
class ChargingPointValidatorTest {

    private final ChargingPointValidator validator = new ChargingPointValidator();

    private static ProposedSet.ProposedEntry point(String name, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of("number", "1", "model", "simulated-sim1",
                "transport", "MODBUS_TCP", "host", "127.0.0.1", "port", "15021", "unitId", "1"));
        properties.putAll(overrides);
        return ProposedSet.entry(null, ChargingPointComponent.PID, name, properties, ChargingPointConfig.class);
    }

    private List<ConfigurationProblem> validate(ProposedSet.ProposedEntry... points) {
        return validator.validate(new ProposedSet(List.of(points)));
    }

    @Test
    void validPointsPassAndAreReadAsTheComponentRunsThem() {
        ProposedSet.ProposedEntry garage = point("garage", Map.of("name", "Garage", "phases", 1, "phase", "L2"));
        assertEquals(List.of(), validate(garage, point("yard", Map.of("number", 2, "port", 15022))));
        PointConfiguration read = validator.read(garage).orElseThrow();
        assertEquals(1, read.number());
        assertEquals("Garage", read.name());
        assertEquals(1, read.phases());
        assertTrue(validator.read(point("bad", Map.of("maxCurrentAmpere", 100))).isEmpty());
    }

    @Test
    void aPointTheComponentRefusesIsRefusedWithTheComponentsOwnErrors() {
        ProposedSet.ProposedEntry bad = point("garage", Map.of("maxCurrentAmpere", 100, "minCurrentAmpere", -1));
        List<ConfigurationProblem> problems = validate(bad);
        InvalidSettingsException component = assertThrows(InvalidSettingsException.class,
                () -> PointSettings.of(bad.as(ChargingPointConfig.class)));
        assertEquals(component.errors(), problems.stream().map(ConfigurationProblem::message).toList());
        assertEquals(List.of("minCurrentAmpere", "maxCurrentAmpere"),
                problems.stream().map(ConfigurationProblem::attribute).toList());
        assertEquals("org.echarge.point", problems.get(0).pid());
        assertEquals("garage", problems.get(0).name());
    }

    @Test
    void twoPointsWithTheSameNumberAreBothNamed() {
        List<ConfigurationProblem> problems = validate(point("a", Map.of()), point("b", Map.of("port", 15022)));
        assertEquals(List.of("a", "b"), problems.stream().map(ConfigurationProblem::name).toList());
        assertTrue(problems.get(0).message().contains("same point number (1)"), problems.get(0).message());
    }

    @Test
    void duplicateRs485AddressesAndMixedProtocolsOnTheLineAreRefused() {
        Map<String, Object> rtu = Map.of("transport", "MODBUS_RTU", "unitId", 3, "host", "");
        List<ConfigurationProblem> duplicate = validate(point("a", rtu),
                point("b", Map.of("transport", "MODBUS_RTU", "unitId", 3, "number", 2)));
        assertEquals(2, duplicate.size(), duplicate.toString());
        assertTrue(duplicate.get(0).message().contains("same Modbus address (RS485 address 3)"),
                duplicate.get(0).message());
        List<ConfigurationProblem> mixed = validate(point("a", rtu),
                point("b", Map.of("transport", "MODBUS_ASCII", "unitId", 4, "number", 2)));
        assertTrue(mixed.stream().anyMatch(p -> p.message().contains("RTU and ASCII are mixed")), mixed.toString());
    }

    @Test
    void aPointOutsideItsModelsRangeIsRefusedWhenTheDriverIsInstalled() {
        ChargerModel model = new ChargerModel("simulated-sim1", "Sim", "SIM-1", Set.of(ChargerCapability.START_STOP),
                Set.of(Transport.MODBUS_TCP), 502, 6, 16, Duration.ofSeconds(1), Duration.ZERO);
        ChargingPointValidator withDriver = new ChargingPointValidator(List.of(new FakeChargerDriver("sim", model)));
        ProposedSet.ProposedEntry tooMuch = point("garage", Map.of("maxCurrentAmpere", 32));
        List<ConfigurationProblem> problems = withDriver.validate(new ProposedSet(List.of(tooMuch)));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("maxCurrentAmpere", problems.get(0).attribute());
        assertTrue(problems.get(0).message().contains("allows at most 16.0 A"), problems.get(0).message());
        assertEquals(List.of(), validate(tooMuch), "no driver for the model yet: not refused");
        assertEquals(List.of(), withDriver.validate(new ProposedSet(List.of(point("garage", Map.of())))));
        assertEquals(Set.of(ChargerCapability.START_STOP), withDriver.capabilities("simulated-sim1"));
        assertEquals(Set.of(), validator.capabilities("simulated-sim1"), "no driver, no capabilities");
    }

    @Test
    void noPointAtAllIsNotRefused() {
        assertEquals(List.of(), validate());
    }
}
