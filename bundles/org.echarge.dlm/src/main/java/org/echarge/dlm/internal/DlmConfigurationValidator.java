package org.echarge.dlm.internal;

import java.util.List;
import java.util.Optional;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationRefusedException;
import org.echarge.api.config.ConfigurationValidator;
import org.echarge.api.config.MeterSettingsReader;
import org.echarge.api.config.ProposedConfiguration;
import org.echarge.api.config.ProposedConfiguration.Entry;
import org.echarge.api.dlm.MeterSettings;
import org.osgi.service.component.annotations.Component;

/** DLM's rules for a proposed configuration: {@link DlmSettings#of}, what {@link LoadManagementComponent} refuses. */
@Component(service = {ConfigurationValidator.class, MeterSettingsReader.class})
public final class DlmConfigurationValidator implements ConfigurationValidator, MeterSettingsReader {

    @Override
    public List<ConfigurationProblem> validate(ProposedConfiguration proposed) {
        Optional<Entry> entry = proposed.configuration(LoadManagementComponent.PID);
        if (entry.isEmpty()) {
            return List.of(); // DLM off with its defaults
        }
        try {
            DlmSettings.of(entry.get().as(LoadManagementConfig.class));
            return List.of();
        } catch (ConfigurationRefusedException e) {
            return e.errors().stream().map(entry.get()::problem).toList();
        } catch (IllegalArgumentException e) { // a value the conversion does not take
            return List.of(entry.get().problem(e.getMessage()));
        }
    }

    @Override
    public Optional<MeterSettings> read(ProposedConfiguration proposed) {
        try {
            return Optional.of(DlmSettings.of(proposed.configuration(LoadManagementComponent.PID,
                    LoadManagementConfig.class)).meter());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
