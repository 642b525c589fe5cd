package org.echarge.system.internal;

import java.io.IOException;

import org.echarge.api.reset.ResetParticipant;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Factory reset of the logging mode (a console setting like any other, spec section 11): back to
 * SIMPLE. Pax Logging's configuration is not the gateway's, so the reset's deletion of
 * {@code org.echarge.*} configurations does not reach it; this participant does.
 */
@Component(service = ResetParticipant.class)
public final class LoggingModeReset implements ResetParticipant {

    private final PaxLoggingSettings settings;

    @Activate
    public LoggingModeReset(@Reference ConfigurationAdmin configurationAdmin) {
        this.settings = new PaxLoggingSettings(configurationAdmin);
    }

    @Override
    public String name() {
        return "logging mode";
    }

    @Override
    public void resetToFactory() throws IOException {
        try {
            settings.apply(LoggingMode.SIMPLE);
        } catch (ApiProblem noLoggingConfiguration) {
            // without Pax Logging's configuration there is no mode to reset
        }
    }
}
