package org.echarge.modbus.internal;

import java.util.List;
import java.util.Optional;

import org.echarge.api.config.ConfigurationProblem;
import org.echarge.api.config.ConfigurationRefusedException;
import org.echarge.api.config.ConfigurationValidator;
import org.echarge.api.config.ProposedConfiguration;
import org.echarge.api.config.ProposedConfiguration.Entry;
import org.osgi.service.component.annotations.Component;

/** The RS485 line's rules for a proposed configuration: {@link SerialLineSettings#of}, what the transport refuses. */
@Component(service = ConfigurationValidator.class)
public final class Rs485LineValidator implements ConfigurationValidator {

    @Override
    public List<ConfigurationProblem> validate(ProposedConfiguration proposed) {
        Optional<Entry> entry = proposed.configuration(ModbusTransportService.RS485_PID);
        if (entry.isEmpty()) {
            return List.of();
        }
        try {
            SerialLineSettings.of(entry.get().as(Rs485LineConfig.class));
            return List.of();
        } catch (ConfigurationRefusedException e) {
            return e.errors().stream().map(entry.get()::problem).toList();
        }
    }
}
