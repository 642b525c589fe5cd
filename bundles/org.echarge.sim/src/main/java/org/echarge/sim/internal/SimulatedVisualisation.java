package org.echarge.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.echarge.knx.virtual.GroupValue;
import org.echarge.knx.virtual.KnxParticipant;
import org.echarge.knx.virtual.VirtualKnx;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo site's KNX visualisation (PID {@code org.echarge.sim.visualisation}): a participant of the
 * virtual KNX network that shows the gateway's state objects (point states, currents, faults) by
 * logging every value it receives at INFO, and reads them all when it starts, as a visualisation does.
 */
@Component(configurationPid = SimulatedVisualisation.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = SimulatedVisualisationConfig.class)
public final class SimulatedVisualisation {

    static final String PID = "org.echarge.sim.visualisation";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVisualisation.class);

    private final Map<String, VisualisedObjects.Entry> shown = new ConcurrentHashMap<>();
    private final KnxParticipant participant;

    @Activate
    public SimulatedVisualisation(@Reference VirtualKnx knx, SimulatedVisualisationConfig config) {
        List<String> errors = new ArrayList<>();
        List<VisualisedObjects.Entry> entries = VisualisedObjects.parse(config.objects(), config.currentDatapoint(),
                errors);
        participant = knx.join(config.knxNetwork(), "simulated visualisation", config.individualAddress(),
                this::received);
        for (VisualisedObjects.Entry entry : entries) {
            try {
                participant.listen(entry.address(), entry.datapoint());
                shown.put(entry.address(), entry);
            } catch (IllegalArgumentException e) {
                errors.add(entry.label() + ": " + e.getMessage());
            }
        }
        errors.forEach(error -> LOG.error("Simulated visualisation: object left out: {}", error));
        LOG.info("Simulated visualisation on virtual KNX network {} as {}: shows {} objects", config.knxNetwork(),
                participant.individualAddress(), shown.size());
        shown.keySet().forEach(participant::read);
    }

    private void received(GroupValue value) {
        VisualisedObjects.Entry entry = shown.get(value.groupAddress());
        if (entry != null && value.service() != GroupValue.Service.READ) {
            LOG.info("Visualisation: {}", entry.show(value.value()));
        }
    }

    @Deactivate
    void deactivate() {
        participant.close();
    }
}
