package org.echarge.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Reads the state of the gateway's own DS components (bundles {@code org.echarge.*}) from SCR.
 * A component without configuration that requires one is not counted: it is simply not
 * configured. Satisfied (lazy, not yet used) counts as up.
 */
final class ComponentHealthCheck {

    private static final String PREFIX = "org.echarge.";

    private ComponentHealthCheck() {
    }

    static StatusDocument.ComponentHealth of(ServiceComponentRuntime scr) {
        int active = 0;
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith(PREFIX)) {
                continue;
            }
            if (!scr.isComponentEnabled(description)) {
                problems.add(description.name + ": disabled");
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED -> active++;
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.add(description.name
                            + ": waiting for " + String.join(", ", unsatisfied(configuration)));
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems.add(description.name
                            + ": waiting for configuration");
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add(description.name
                            + ": activation failed: " + configuration.failure);
                    default -> problems.add(description.name + ": state " + configuration.state);
                }
            }
        }
        return new StatusDocument.ComponentHealth(active, problems);
    }

    private static List<String> unsatisfied(ComponentConfigurationDTO configuration) {
        List<String> names = new ArrayList<>();
        for (var reference : configuration.unsatisfiedReferences) {
            names.add(reference.name);
        }
        return names;
    }
}
