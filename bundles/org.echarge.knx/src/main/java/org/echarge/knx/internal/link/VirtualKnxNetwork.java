package org.echarge.knx.internal.link;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tuwien.auto.calimero.CloseEvent;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.KNXFormatException;
import tuwien.auto.calimero.cemi.CEMIFactory;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.cemi.CEMILDataEx;
import tuwien.auto.calimero.link.AbstractLink;
import tuwien.auto.calimero.link.KNXLinkClosedException;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.medium.KNXMediumSettings;
import tuwien.auto.calimero.link.medium.TPSettings;

/**
 * A KNX TP line in memory, for the demo and tests. Every participant is a Calimero
 * {@link KNXNetworkLink}: what one sends is an indication at the others (group and broadcast frames
 * at all, a frame to an individual address at the participant with that address), and the sender
 * gets a positive confirmation. Nothing leaves the JVM.
 *
 * <p>{@link #down} closes every participant as a server shutdown would, and refuses new ones until
 * {@link #up}: that is how tests make a {@link KnxConnection} lose its link and reconnect.
 */
public final class VirtualKnxNetwork {

    private final String name;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private volatile String downReason;

    public VirtualKnxNetwork(String name) {
        this.name = name;
    }

    /** A new participant with its own individual address (TP1 medium). */
    public KNXNetworkLink join(String participant, IndividualAddress address) throws KNXException {
        return join(participant, new TPSettings(address));
    }

    private Participant join(String participant, KNXMediumSettings medium) throws KNXException {
        String reason = downReason;
        if (reason != null) {
            throw new KNXException("virtual KNX network " + name + " is down (" + reason + ")");
        }
        Participant link = new Participant(participant, medium);
        participants.add(link);
        return link;
    }

    /** Opens links for a {@link KnxConnection}: each (re)connect joins the network anew. */
    public LinkOpener opener(String participant, IndividualAddress address) {
        return new LinkOpener() {
            @Override
            public String target() {
                return "virtual KNX network " + name;
            }

            @Override
            public KNXMediumSettings medium() {
                return new TPSettings(address);
            }

            @Override
            public KNXNetworkLink open(KNXMediumSettings medium) throws KNXException {
                return join(participant, medium);
            }
        };
    }

    /** Closes every participant (their listeners see a server-initiated close) and refuses new ones. */
    public void down(String reason) {
        downReason = reason;
        for (Participant p : participants) {
            p.drop(reason);
        }
    }

    /** Accepts participants again. */
    public void up() {
        downReason = null;
    }

    /** The names of the participants now on the network. */
    public List<String> participants() {
        return participants.stream().map(Participant::getName).toList();
    }

    private final class Participant extends AbstractLink<AutoCloseable> {

        Participant(String participant, KNXMediumSettings medium) {
            super(null, participant, medium);
        }

        @Override
        protected void onSend(CEMILData msg, boolean waitForCon) throws KNXLinkClosedException {
            if (!participants.contains(this)) {
                throw new KNXLinkClosedException(getName() + " has left virtual KNX network " + name);
            }
            try {
                CEMILData ind = (CEMILData) CEMIFactory.create(CEMILData.MC_LDATA_IND, msg.getPayload(), msg);
                // on the wire this is a first transmission, not a repetition
                CEMILData wire = CEMIFactory.create(null, null, ind, ind instanceof CEMILDataEx, false);
                for (Participant other : participants) {
                    if (other != this && other.accepts(wire.getDestination())) {
                        other.notifier.frameReceived(new FrameEvent(other, wire));
                    }
                }
                CEMILData con = (CEMILData) CEMIFactory.create(CEMILData.MC_LDATA_CON, msg.getPayload(), msg);
                notifier.frameReceived(new FrameEvent(this, con));
            } catch (KNXFormatException e) {
                throw new IllegalArgumentException("cannot relay " + msg, e);
            }
        }

        @Override
        protected void onSend(KNXAddress dst, byte[] msg, boolean waitForCon) {
            throw new UnsupportedOperationException("the virtual network carries cEMI frames only");
        }

        /** As a TP data link layer: all group and broadcast frames, and frames to its own address. */
        private boolean accepts(KNXAddress destination) {
            return destination instanceof GroupAddress || destination.equals(getKNXMedium().getDeviceAddress());
        }

        private void drop(String reason) {
            participants.remove(this);
            notifier.connectionClosed(new CloseEvent(this, CloseEvent.SERVER_REQUEST, reason));
        }

        @Override
        protected void onClose() {
            participants.remove(this);
        }
    }
}
