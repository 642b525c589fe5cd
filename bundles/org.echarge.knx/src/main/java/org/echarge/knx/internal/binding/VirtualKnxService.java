package org.echarge.knx.internal.binding;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.echarge.knx.internal.link.VirtualKnxNetwork;
import org.echarge.knx.internal.link.VirtualParticipant;
import org.echarge.knx.virtual.GroupValueListener;
import org.echarge.knx.virtual.KnxParticipant;
import org.echarge.knx.virtual.VirtualKnx;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The virtual KNX networks of this JVM, one per name (created when first used): the KNX binding joins
 * one in mode VIRTUAL, other bundles join as participants through {@link VirtualKnx}. When the
 * component goes (the bundle stops or is updated), every network goes down and every participant
 * sees its link closed.
 */
@Component(service = {VirtualKnx.class, VirtualKnxService.class})
public final class VirtualKnxService implements VirtualKnx {

    private final Map<String, VirtualKnxNetwork> networks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The network of that name, created if it is not there yet. */
    VirtualKnxNetwork network(String name) {
        VirtualKnxNetwork network = networks.computeIfAbsent(name, VirtualKnxNetwork::new);
        if (closed) {
            network.down("the KNX bundle is stopping");
        }
        return network;
    }

    @Override
    public KnxParticipant join(String network, String name, String individualAddress, GroupValueListener listener) {
        if (network == null || network.isBlank()) {
            throw new IllegalArgumentException("a virtual KNX network needs a name");
        }
        if (KnxBinding.DEVICE_NAME.equals(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is the gateway's name on the network");
        }
        return VirtualParticipant.join(network(network), name, individualAddress, listener);
    }

    @Override
    public Optional<String> gatewayNetwork() {
        return networks.entrySet().stream()
                .filter(entry -> entry.getValue().participants().contains(KnxBinding.DEVICE_NAME))
                .map(Map.Entry::getKey).findFirst();
    }

    @Deactivate
    void deactivate() {
        closed = true;
        networks.values().forEach(network -> network.down("the KNX bundle is stopping"));
    }
}
