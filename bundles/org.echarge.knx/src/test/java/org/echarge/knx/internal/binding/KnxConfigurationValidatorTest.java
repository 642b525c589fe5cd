package org.echarge.knx.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.echarge.api.Phase;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.MeterSettingsReader;
import org.echarge.api.config.PointConfigurationReader;
import org.echarge.api.config.ProposedConfiguration;
import org.echarge.api.dlm.MeterSettings;
import org.echarge.api.point.PointConfiguration;
import org.echarge.config.internal.ProposedSet;
import org.junit.jupiter.api.Test;

/**
 * The KNX rules for a proposed configuration: the binding's connection check and the links
 * against the objects of the proposed points, their models and DLM (read by their bundles, here
 * stand-ins).
 */
class KnxConfigurationValidatorTest {

    /** The point bundle's reading, reduced to number and model; its models can do nothing. */
    private final PointConfigurationReader points = reader(Set.of());
    private final MeterSettingsReader dlmOn = proposed -> Optional.of(new MeterSettings(true, 3,
            MeterSettings.MeterDatapoint.DPT_14_019, false, Duration.ofSeconds(60)));
    private final MeterSettingsReader dlmOff = proposed -> Optional.empty();

    /** The point bundle's reading, reduced to number and model, with what the installed drivers say of the models. */
    private static PointConfigurationReader reader(Set<ChargerCapability> modelCapabilities) {
        return new PointConfigurationReader() {
            @Override
            public Optional<PointConfiguration> read(ProposedConfiguration.Entry entry) {
                return Optional.of(new PointConfiguration(Integer.parseInt(entry.properties().get("number").toString()),
                        "P", entry.properties().get("model").toString(), 6, 16, 3, Phase.L1,
                        PointConfiguration.TemperatureSending.ON_CHANGE, Duration.ofMinutes(10),
                        PointConfiguration.CurrentDatapoint.DPT_7_012, PointConfiguration.PowerDatapoint.DPT_14_056,
                        PointConfiguration.EnergyDatapoint.DPT_13_010));
            }

            @Override
            public Set<ChargerCapability> capabilities(String modelId) {
                return modelId.equals("wallbox") ? modelCapabilities : Set.of();
            }
        };
    }

    private static ProposedSet proposed(Map<String, Object> knx, int... pointNumbers) {
        List<ProposedSet.ProposedEntry> entries = new ArrayList<>();
        entries.add(ProposedSet.entry(KnxBindingComponent.PID, null, null, knx, KnxBindingConfig.class));
        for (int number : pointNumbers) {
            entries.add(ProposedSet.entry(null, "org.echarge.point", "p" + number,
                    Map.of("number", number, "model", "wallbox"), KnxBindingConfig.class));
        }
        return new ProposedSet(entries);
    }

    private static Map<String, Object> knx(String... links) {
        return Map.of("mode", "VIRTUAL", "host", "demo", "individualAddress", "1.1.1", "links", links);
    }

    @Test
    void linksToTheProposedPointsAndDlmObjectsPass() {
        KnxConfigurationValidator validator = new KnxConfigurationValidator(points, dlmOn);
        assertEquals(List.of(), validator.validate(proposed(knx("10=0/1/10", "point1.50=1/1/50", "point2.61=1/2/61"),
                1, 2)));
    }

    @Test
    void anInvalidGroupAddressIsRefusedNamingTheObject() {
        KnxConfigurationValidator validator = new KnxConfigurationValidator(points, dlmOff);
        List<ConfigurationProblem> problems = validator.validate(proposed(knx("point1.50=1/9/50"), 1));
        assertEquals(1, problems.size(), problems.toString());
        ConfigurationProblem problem = problems.get(0);
        assertEquals("org.echarge.knx", problem.pid());
        assertEquals("links", problem.attribute());
        assertTrue(problem.message().startsWith("\"point1.50=1/9/50\": object 50 \"CP1"), problem.message());
    }

    @Test
    void objectsOfPointsAndDlmThatTheProposalDoesNotHaveAreRefused() {
        KnxConfigurationValidator validator = new KnxConfigurationValidator(points, dlmOff);
        List<String> messages = validator.validate(proposed(knx("point2.50=1/2/50", "10=0/1/10"), 1)).stream()
                .map(ConfigurationProblem::message).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("charging point 2 is not configured"), messages.get(0));
        assertTrue(messages.get(1).contains("it exists only while DLM is on"), messages.get(1));
    }

    @Test
    void modelObjectsNeedAModelWithTheCapability() {
        ProposedSet startStop = proposed(knx("point1.54=1/1/54"), 1);
        KnxConfigurationValidator without = new KnxConfigurationValidator(reader(Set.of()), dlmOff);
        assertTrue(without.validate(startStop).get(0).message().contains("does not support START_STOP"));
        KnxConfigurationValidator with = new KnxConfigurationValidator(reader(Set.of(ChargerCapability.START_STOP)),
                dlmOff);
        assertEquals(List.of(), with.validate(startStop));
    }

    @Test
    void theConnectionIsCheckedAsTheBindingChecksIt() {
        KnxConfigurationValidator validator = new KnxConfigurationValidator(points, dlmOff);
        List<ConfigurationProblem> problems = validator.validate(proposed(Map.of("mode", "CARRIER_PIGEON",
                "host", "x")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("CARRIER_PIGEON"), problems.get(0).message());
        assertTrue(validator.validate(proposed(Map.of("mode", "VIRTUAL", "gridControlAmpere", 3))).get(0).message()
                .startsWith("gridControlAmpere: 0 or 6 A"));
        assertEquals("gridControlAmpere", validator.validate(proposed(Map.of("mode", "VIRTUAL",
                "gridControlAmpere", 3))).get(0).attribute());
        assertEquals(List.of(), validator.validate(proposed(Map.of())), "no server: KNX idle, nothing to refuse");
    }

    @Test
    void knxSecureSettingsAreCheckedAsTheBindingChecksThem() {
        KnxConfigurationValidator validator = new KnxConfigurationValidator(points, dlmOff);
        List<ConfigurationProblem> problems = validator.validate(proposed(Map.of("mode", "TUNNELING_SECURE",
                "host", "127.0.0.1", "keyringFile", "/nonexistent/site.knxkeys", "keyringPassword", "secret")));
        assertEquals(List.of("keyring file /nonexistent/site.knxkeys does not exist"),
                problems.stream().map(ConfigurationProblem::message).toList());
    }
}
