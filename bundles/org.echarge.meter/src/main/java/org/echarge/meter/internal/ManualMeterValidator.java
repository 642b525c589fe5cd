package org.echarge.meter.internal;

import java.util.ArrayList;
import java.util.List;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationRefusedException;
import org.echarge.api.config.ConfigurationValidator;
import org.echarge.api.config.ProposedConfiguration;
import org.echarge.api.config.ProposedConfiguration.Entry;
import org.osgi.service.component.annotations.Component;

/**
 * The manual meter definitions' rules for a proposed configuration: {@link ManualMeterDefinition#of},
 * what {@link ManualMeterDriver} refuses with {@code Conf EMeter}.
 */
@Component(service = ConfigurationValidator.class)
public final class ManualMeterValidator implements ConfigurationValidator {

    @Override
    public List<ConfigurationProblem> validate(ProposedConfiguration proposed) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (Entry entry : proposed.factory(ManualMeterDriver.PID)) {
            try {
                ManualMeterDefinition.of(entry.as(ManualMeterConfig.class));
            } catch (ConfigurationRefusedException e) {
                e.errors().forEach(error -> problems.add(entry.problem(error)));
            }
        }
        return problems;
    }
}
