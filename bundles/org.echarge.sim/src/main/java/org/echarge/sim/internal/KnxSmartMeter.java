package org.echarge.sim.internal;

import java.util.List;

import org.echarge.api.dlm.MeterSettings;
import org.echarge.knx.KnxValueException;
import org.echarge.knx.virtual.GroupValue;
import org.echarge.knx.virtual.KnxParticipant;
import org.echarge.knx.virtual.VirtualKnx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated smart meter as a device on a virtual KNX network: writes objects 10-12 in DLM's
 * datapoint type, 13 (1.002) and 20 (1.017), and answers reads of 10-12 (the gateway reads them when
 * it connects) with the last values. Used on the simulation thread; reads are answered on the
 * participant's thread.
 */
final class KnxSmartMeter implements SimulatedHouse.SmartMeter {

    private static final Logger LOG = LoggerFactory.getLogger(KnxSmartMeter.class);
    private static final String HIGH_POWER_TYPE = "1.002";
    private static final String IN_OPERATION_TYPE = "1.017";

    private final SimulatedHouseConfig config;
    private final List<String> valueAddresses;
    private volatile KnxParticipant participant;
    private String listeningType;
    private boolean refused;
    /** The last values sent, for answers to reads, and their type. */
    private volatile Reading last;

    private record Reading(double[] values, String datapoint) {
    }

    KnxSmartMeter(SimulatedHouseConfig config) {
        this.config = config;
        this.valueAddresses = List.of(config.meterL1Address().strip(), config.meterL2Address().strip(),
                config.meterL3Address().strip());
    }

    /**
     * Joins the network if not on it (again), and listens in the datapoint type now configured. False
     * when that is not possible: the network is going down, or an address in the configuration is
     * wrong (logged once; the house then reports straight to DLM).
     */
    boolean connect(VirtualKnx bus, MeterSettings settings) {
        if (refused) {
            return false;
        }
        try {
            if (participant == null || !participant.isOpen()) {
                close();
                participant = bus.join(config.knxNetwork(), "simulated smart meter", config.knxIndividualAddress(),
                        this::received);
            }
            String type = settings.datapoint().id();
            if (!type.equals(listeningType)) {
                for (String address : valueAddresses) {
                    participant.listen(address, type);
                }
                participant.listen(config.highPowerAddress().strip(), HIGH_POWER_TYPE);
                participant.listen(config.inOperationAddress().strip(), IN_OPERATION_TYPE);
                listeningType = type;
            }
            return true;
        } catch (IllegalArgumentException e) {
            refused = true;
            LOG.error("Simulated house: the smart meter cannot go on KNX: {}", e.getMessage());
        } catch (IllegalStateException e) {
            LOG.debug("Simulated house: the smart meter cannot join KNX now: {}", e.getMessage());
        }
        close();
        return false;
    }

    @Override
    public String describe() {
        return "on virtual KNX network " + config.knxNetwork() + " as " + config.knxIndividualAddress()
                + ": objects 10-12 to " + String.join(", ", valueAddresses) + " in DPT " + listeningType + ", 13 to "
                + config.highPowerAddress().strip() + ", 20 to " + config.inOperationAddress().strip();
    }

    @Override
    public void values(double[] values, String datapoint) {
        last = new Reading(values.clone(), datapoint);
        for (int p = 0; p < values.length; p++) {
            write(valueAddresses.get(p), datapoint, values[p]);
        }
    }

    @Override
    public void highPowerDevices() {
        write(config.highPowerAddress().strip(), HIGH_POWER_TYPE, true);
    }

    @Override
    public void inOperation() {
        write(config.inOperationAddress().strip(), IN_OPERATION_TYPE, true);
    }

    void close() {
        if (participant != null) {
            participant.close();
            participant = null;
            listeningType = null;
        }
    }

    private void write(String address, String datapoint, Object value) {
        try {
            participant.write(address, datapoint, value);
        } catch (KnxValueException e) {
            LOG.warn("Simulated house: the smart meter cannot send {} to {}: {}", value, address, e.getMessage());
        }
    }

    private void received(GroupValue value) {
        Reading reading = last;
        int phase = valueAddresses.indexOf(value.groupAddress());
        KnxParticipant on = participant;
        if (value.service() != GroupValue.Service.READ || reading == null || phase < 0
                || phase >= reading.values().length || on == null) {
            return;
        }
        try {
            on.respond(value.groupAddress(), reading.datapoint(), reading.values()[phase]);
        } catch (KnxValueException | IllegalStateException e) {
            LOG.debug("Simulated house: no answer to a read of {}: {}", value.groupAddress(), e.getMessage());
        }
    }
}
