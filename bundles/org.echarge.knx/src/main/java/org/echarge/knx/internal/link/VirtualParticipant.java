package org.echarge.knx.internal.link;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.KnxValueException;
import org.echarge.knx.internal.DatapointCodec;
import org.echarge.knx.internal.ParsedGroupAddress;
import org.echarge.knx.virtual.GroupValue;
import org.echarge.knx.virtual.GroupValueListener;
import org.echarge.knx.virtual.KnxParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tuwien.auto.calimero.DataUnitBuilder;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.KNXTimeoutException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXLinkClosedException;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;

/**
 * A participant of a {@link VirtualKnxNetwork} for other bundles: group telegrams by address text and
 * datapoint type, values through {@link DatapointCodec}. Telegrams that do not decode as the type the
 * participant listens with are logged and dropped, as a device refuses them.
 */
public final class VirtualParticipant implements KnxParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualParticipant.class);

    private record Listening(String text, KnxDatapoint datapoint) {
    }

    private final String name;
    private final IndividualAddress address;
    private final KNXNetworkLink link;
    private final GroupValueListener listener;
    private final Map<GroupAddress, Listening> listening = new ConcurrentHashMap<>();

    private VirtualParticipant(String name, IndividualAddress address, KNXNetworkLink link,
            GroupValueListener listener) {
        this.name = name;
        this.address = address;
        this.link = link;
        this.listener = listener;
        link.addLinkListener(new NetworkLinkListener() {
            @Override
            public void indication(FrameEvent e) {
                if (e.getFrame() instanceof CEMILData frame && frame.getDestination() instanceof GroupAddress group) {
                    received(frame, group);
                }
            }
        });
    }

    /**
     * Joins the network.
     *
     * @throws IllegalArgumentException for a malformed individual address
     * @throws IllegalStateException while the network is down
     */
    public static VirtualParticipant join(VirtualKnxNetwork network, String name, String individualAddress,
            GroupValueListener listener) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listener, "listener");
        IndividualAddress address = KnxConnectionSettings.parseIndividualAddress(
                Objects.requireNonNull(individualAddress, "individualAddress"));
        try {
            return new VirtualParticipant(name, address, network.join(name, address), listener);
        } catch (KNXException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String individualAddress() {
        return address.toString();
    }

    @Override
    public void listen(String groupAddress, String datapoint) {
        listening.put(ParsedGroupAddress.parse(groupAddress).address(), new Listening(groupAddress,
                datapoint(datapoint)));
    }

    @Override
    public void write(String groupAddress, String datapoint, Object value) throws KnxValueException {
        send(groupAddress, GroupApdu.WRITE, datapoint, value);
    }

    @Override
    public void respond(String groupAddress, String datapoint, Object value) throws KnxValueException {
        send(groupAddress, GroupApdu.RESPONSE, datapoint, value);
    }

    @Override
    public void read(String groupAddress) {
        transmit(ParsedGroupAddress.parse(groupAddress).address(), GroupApdu.read());
    }

    @Override
    public boolean isOpen() {
        return link.isOpen();
    }

    @Override
    public void close() {
        link.close();
    }

    @Override
    public String toString() {
        return name + " (" + address + ")";
    }

    private void send(String groupAddress, int service, String datapoint, Object value) throws KnxValueException {
        GroupAddress destination = ParsedGroupAddress.parse(groupAddress).address();
        KnxDatapoint type = datapoint(datapoint);
        transmit(destination, GroupApdu.of(service, type, DatapointCodec.encode(type, value)));
    }

    private void transmit(GroupAddress destination, byte[] apdu) {
        try {
            link.sendRequestWait(destination, Priority.LOW, apdu);
        } catch (KNXLinkClosedException e) {
            throw new IllegalStateException(this + " is not on the virtual KNX network any more: " + e.getMessage(),
                    e);
        } catch (KNXTimeoutException e) {
            throw new IllegalStateException(this + ": " + e.getMessage(), e); // the virtual line confirms at once
        }
    }

    private static KnxDatapoint datapoint(String id) {
        return KnxDatapoint.ofId(Objects.requireNonNull(id, "datapoint").strip())
                .orElseThrow(() -> new IllegalArgumentException("datapoint type \"" + id
                        + "\" is not one the gateway knows; e.g. 14.019 or 1.001"));
    }

    private void received(CEMILData frame, GroupAddress group) {
        Listening target = listening.get(group);
        byte[] tpdu = frame.getPayload();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{}: from {} to {}: {}", this, frame.getSource(), group, HexFormat.of().formatHex(tpdu));
        }
        if (target == null || tpdu.length < 2) {
            return;
        }
        GroupValue.Service service = switch (DataUnitBuilder.getAPDUService(tpdu)) {
            case GroupApdu.READ -> GroupValue.Service.READ;
            case GroupApdu.RESPONSE -> GroupValue.Service.RESPONSE;
            case GroupApdu.WRITE -> GroupValue.Service.WRITE;
            default -> null; // not group communication
        };
        if (service == null) {
            return;
        }
        Object value = null;
        if (service != GroupValue.Service.READ) {
            try {
                value = DatapointCodec.decode(target.datapoint(), DataUnitBuilder.extractASDU(tpdu));
            } catch (KnxValueException e) {
                LOG.warn("{}: telegram from {} to {} refused: {}", this, frame.getSource(), target.text(),
                        e.getMessage());
                return;
            }
        }
        try {
            listener.received(new GroupValue(service, frame.getSource().toString(), target.text(),
                    target.datapoint().id(), value));
        } catch (RuntimeException e) {
            LOG.warn("{}: listener failed on a telegram to {}", this, target.text(), e);
        }
    }
}
