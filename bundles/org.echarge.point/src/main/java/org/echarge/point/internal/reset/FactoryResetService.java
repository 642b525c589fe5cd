package org.echarge.point.internal.reset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.echarge.api.reset.FactoryReset;
import org.echarge.api.reset.ResetParticipant;
import org.echarge.api.reset.ResetReport;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Factory reset without a restart: first the participants (password, KNX address, network, ...),
 * then every gateway configuration ({@code org.echarge.*}, singletons and factory instances) is
 * deleted through ConfigAdmin; FileInstall removes the matching {@code etc/*.cfg} files, and the
 * components fall back to their defaults or go away, so the gateway comes up unconfigured.
 * Configurations that describe the installation rather than parameters stay ({@link #INSTALLATION}).
 */
@Component(service = FactoryReset.class)
public final class FactoryResetService implements FactoryReset {

    static final String GATEWAY_CONFIGURATIONS = "(|(service.pid=org.echarge.*)(service.factoryPid=org.echarge.*))";
    /**
     * Kept by a reset: where the host's network files are and whether the gateway may write them
     * (the device, not a parameter; the "network" participant puts the network itself back to DHCP).
     */
    static final Set<String> INSTALLATION = Set.of("org.echarge.system.host");
    private static final Logger LOG = LoggerFactory.getLogger(FactoryResetService.class);

    private final ConfigurationAdmin configurationAdmin;
    private final List<ResetParticipant> participants = new CopyOnWriteArrayList<>();

    @Activate
    public FactoryResetService(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindParticipant(ResetParticipant participant) {
        participants.add(participant);
    }

    void unbindParticipant(ResetParticipant participant) {
        participants.remove(participant);
    }

    @Override
    public synchronized ResetReport reset() {
        LOG.warn("Factory reset: all parameters are discarded");
        List<String> ran = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ResetParticipant participant : participants) {
            try {
                participant.resetToFactory();
                ran.add(participant.name());
            } catch (Exception e) {
                LOG.error("Factory reset of {} failed", participant.name(), e);
                failures.add(participant.name() + ": " + e.getMessage());
            }
        }
        List<String> deleted = new ArrayList<>();
        try {
            Configuration[] configurations = configurationAdmin.listConfigurations(GATEWAY_CONFIGURATIONS);
            for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
                String pid = configuration.getPid();
                if (INSTALLATION.contains(pid)) {
                    continue;
                }
                try {
                    configuration.delete();
                    deleted.add(pid);
                } catch (Exception e) {
                    LOG.error("Factory reset: configuration {} could not be deleted", pid, e);
                    failures.add(pid + ": " + e.getMessage());
                }
            }
        } catch (Exception e) {
            LOG.error("Factory reset: the configurations could not be listed", e);
            failures.add("configurations: " + e.getMessage());
        }
        LOG.warn("Factory reset done: {} configurations deleted, participants {}, failures {}", deleted.size(), ran,
                failures);
        return new ResetReport(deleted, ran, failures);
    }
}
