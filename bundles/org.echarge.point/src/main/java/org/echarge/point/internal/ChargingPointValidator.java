package org.echarge.point.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationValidator;
import org.echarge.api.config.PointConfigurationReader;
import org.echarge.api.config.ProposedConfiguration;
import org.echarge.api.config.ProposedConfiguration.Entry;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.point.PointConfiguration;
import org.echarge.point.internal.config.ConfigProblem;
import org.echarge.point.internal.config.PointEntry;
import org.echarge.point.internal.config.PointsCheck;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The charging point rules for a proposed configuration: each point through {@link PointSettings}
 * (what {@link ChargingPointComponent} refuses with {@code Conf Charger}), against its model where
 * a driver offering the model is installed ({@link PointSettings#checkAgainst}, what the runtime
 * refuses when it opens the charger), all points together through {@link PointsCheck} (the
 * general {@code Conf Charger} and {@code Conf EMeter}). No point at all ({@code Conf NoCharger})
 * and a model no installed driver offers are not refused: a gateway not set up yet, a driver to
 * be installed.
 */
@Component(service = {ConfigurationValidator.class, PointConfigurationReader.class}) // the reader: for KNX
public final class ChargingPointValidator implements ConfigurationValidator, PointConfigurationReader {

    private final Map<String, ChargerDriver> drivers = new ConcurrentHashMap<>();

    public ChargingPointValidator() {
    }

    /** For tests: with these drivers installed. */
    ChargingPointValidator(List<ChargerDriver> drivers) {
        drivers.forEach(this::bindDriver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(ChargerDriver driver) {
        drivers.put(driver.id(), driver);
    }

    void unbindDriver(ChargerDriver driver) {
        drivers.remove(driver.id(), driver);
    }

    @Override
    public List<ConfigurationProblem> validate(ProposedConfiguration proposed) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        List<PointEntry> points = new ArrayList<>();
        Map<String, Entry> byId = new HashMap<>();
        for (Entry entry : proposed.factory(ChargingPointComponent.PID)) {
            byId.put(entry.id(), entry);
            ChargingPointConfig config = entry.as(ChargingPointConfig.class);
            try {
                PointSettings settings = PointSettings.of(config);
                points.add(new PointEntry(entry.id(), settings.number(), settings.modelId(), settings.address(),
                        settings.meterAddress(), true));
                model(settings.modelId())
                        .ifPresent(model -> settings.checkAgainst(model).forEach(e -> problems.add(entry.problem(e))));
            } catch (InvalidSettingsException e) {
                e.errors().forEach(error -> problems.add(entry.problem(error)));
            } catch (IllegalArgumentException e) { // a value the conversion does not take
                problems.add(entry.problem(e.getMessage()));
            }
        }
        for (ConfigProblem problem : PointsCheck.check(points)) {
            if (problem.fault() != GeneralFault.CONF_NO_CHARGER) {
                problem.pointIds().stream().sorted()
                        .forEach(id -> problems.add(byId.get(id).problem(problem.message())));
            }
        }
        return problems;
    }

    @Override
    public Set<ChargerCapability> capabilities(String modelId) {
        return model(modelId).map(ChargerModel::capabilities).orElse(Set.of());
    }

    private Optional<ChargerModel> model(String modelId) {
        return ChargingPointComponent.driverFor(drivers.values(), modelId).stream()
                .flatMap(driver -> driver.models().stream()).filter(model -> model.id().equals(modelId)).findFirst();
    }

    @Override
    public Optional<PointConfiguration> read(Entry point) {
        try {
            return Optional.of(PointSettings.of(point.as(ChargingPointConfig.class)).configuration());
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
