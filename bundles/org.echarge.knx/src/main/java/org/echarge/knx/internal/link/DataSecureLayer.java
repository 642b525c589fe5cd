package org.echarge.knx.internal.link;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tuwien.auto.calimero.CloseEvent;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXAddress;
import tuwien.auto.calimero.KNXTimeoutException;
import tuwien.auto.calimero.KnxRuntimeException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.SerialNumber;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.link.KNXLinkClosedException;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.link.medium.KNXMediumSettings;
import tuwien.auto.calimero.secure.SecureApplicationLayer;
import tuwien.auto.calimero.secure.Security;

/**
 * KNX Data Secure for the gateway's group communication: Calimero's secure application layer with
 * the group keys of the keyring, on the connection's link (which stays the same across reconnects).
 *
 * <p>Why not the device's own: Calimero's device secures only group objects of an ETS-loaded
 * address table and security object, and the gateway's group objects live in the binding. So the
 * device keeps the plain telegrams, and this layer takes the secured ones: it decrypts and checks
 * them (MAC, the sender's sequence number, the senders the keyring allows) and hands the plain APDU
 * on, or reports why it refused one. Secured telegrams to group addresses without a key here are
 * other devices' business and are ignored.
 *
 * <p>The gateway's own sequence number starts at ten times the milliseconds since 1970 (below 2^48
 * until the year 10000): receivers accept only rising numbers, and this keeps them rising across
 * restarts without storing them, as long as the clock does not go back and the gateway sends fewer
 * than ten secured telegrams per millisecond on average. The senders' last sequence numbers are kept
 * in memory only: after a restart the first telegram of each sender is taken as it comes.
 */
final class DataSecureLayer extends SecureApplicationLayer {

    /** Where the secured telegrams go; called on Calimero's link thread. */
    interface Receiver {
        /** A secured group telegram that passed every check, with its plain APDU. */
        void secured(IndividualAddress source, GroupAddress destination, byte[] apdu);

        /** A secured telegram to a group address with a key here that failed a check. */
        void refused(String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataSecureLayer.class);

    private final Set<GroupAddress> secured;
    private final Map<GroupAddress, Set<IndividualAddress>> senders;
    private final Receiver receiver;

    private DataSecureLayer(KNXNetworkLink link, Security security, KnxSecureSettings settings, Receiver receiver) {
        super(link, security, SerialNumber.Zero, new SequenceNumbers(firstSequenceNumber(), 1, Map.of(), Map.of()));
        this.secured = Set.copyOf(settings.groupKeys().keySet());
        this.senders = settings.groupSenders();
        this.receiver = receiver;
    }

    /** Attaches to {@code link}; {@link #close()} detaches. */
    static DataSecureLayer attach(KNXNetworkLink link, KnxSecureSettings settings, Receiver receiver) {
        Security security = Security.newSecurity();
        security.groupKeys().putAll(settings.groupKeys());
        return new DataSecureLayer(link, security, settings, receiver);
    }

    /**
     * {@code link} as Calimero's device should see it when this layer takes the secured group
     * telegrams: without them. Otherwise the device's own secure layer, which has no keys, logs
     * "no group key for …" at INFO for every secured telegram on the bus.
     */
    static KNXNetworkLink withoutSecuredGroupTelegrams(KNXNetworkLink link) {
        return new WithoutSecuredGroupTelegrams(link);
    }

    static long firstSequenceNumber() {
        return System.currentTimeMillis() * 10;
    }

    /** Whether telegrams to {@code group} must be secured (the keyring has its key). */
    boolean secured(GroupAddress group) {
        return secured.contains(group);
    }

    /** The APDU secured with authentication and encryption, the way ETS secures group objects. */
    byte[] secure(IndividualAddress source, GroupAddress destination, byte[] apdu) throws InterruptedException {
        return secureGroupObject(source, destination, apdu)
                .orElseThrow(() -> new IllegalStateException("no key for " + destination));
    }

    /**
     * Calimero's link listener calls this for every frame; indications of secured group telegrams
     * with a key here are checked and handed on, nothing is dispatched to Calimero's listeners.
     */
    @Override
    protected Optional<FrameEvent> extract(FrameEvent e) {
        if (receiver == null // a frame while Calimero's constructor attaches the layer
                || !(e.getFrame() instanceof CEMILData ldata) || ldata.getMessageCode() != CEMILData.MC_LDATA_IND
                || !(ldata.getDestination() instanceof GroupAddress group) || !secured(group)
                || !isSecuredService(ldata)) {
            return Optional.empty();
        }
        IndividualAddress source = ldata.getSource();
        Set<IndividualAddress> allowed = senders.getOrDefault(group, Set.of());
        if (!allowed.isEmpty() && !allowed.contains(source)) {
            receiver.refused("secured telegram from " + source + " to " + group
                    + " refused: the keyring does not list " + source + " as a sender on " + group);
            return Optional.empty();
        }
        try {
            byte[] apdu = extract(ldata).apdu();
            if (apdu.length == 0) {
                return Optional.empty(); // a sync request or response, not a group telegram
            }
            receiver.secured(source, group, apdu);
        } catch (KnxRuntimeException ex) { // KnxSecureException: MAC, sequence number, algorithm, access
            receiver.refused("secured telegram from " + source + " to " + group + " refused: " + ex.getMessage());
        } catch (RuntimeException ex) {
            LOG.warn("KNX Data Secure: telegram from {} to {} not readable", source, group, ex);
            receiver.refused("secured telegram from " + source + " to " + group + " refused: " + ex);
        }
        return Optional.empty();
    }

    private static boolean securedGroupTelegram(FrameEvent e) {
        return e.getFrame() instanceof CEMILData ldata && ldata.getDestination() instanceof GroupAddress
                && isSecuredService(ldata);
    }

    /** Delegates everything; listeners hear every frame but secured group telegrams. */
    private static final class WithoutSecuredGroupTelegrams implements KNXNetworkLink {

        private final KNXNetworkLink link;
        private final Map<NetworkLinkListener, NetworkLinkListener> filters = new ConcurrentHashMap<>();

        WithoutSecuredGroupTelegrams(KNXNetworkLink link) {
            this.link = link;
        }

        @Override
        public void addLinkListener(NetworkLinkListener listener) {
            NetworkLinkListener filter = new NetworkLinkListener() {
                @Override
                public void indication(FrameEvent e) {
                    if (!securedGroupTelegram(e)) {
                        listener.indication(e);
                    }
                }

                @Override
                public void confirmation(FrameEvent e) {
                    if (!securedGroupTelegram(e)) {
                        listener.confirmation(e);
                    }
                }

                @Override
                public void linkClosed(CloseEvent e) {
                    listener.linkClosed(e);
                }
            };
            if (filters.putIfAbsent(listener, filter) == null) {
                link.addLinkListener(filter);
            }
        }

        @Override
        public void removeLinkListener(NetworkLinkListener listener) {
            NetworkLinkListener filter = filters.remove(listener);
            if (filter != null) {
                link.removeLinkListener(filter);
            }
        }

        @Override
        public void setKNXMedium(KNXMediumSettings settings) {
            link.setKNXMedium(settings);
        }

        @Override
        public KNXMediumSettings getKNXMedium() {
            return link.getKNXMedium();
        }

        @Override
        public void setHopCount(int count) {
            link.setHopCount(count);
        }

        @Override
        public int getHopCount() {
            return link.getHopCount();
        }

        @Override
        public void sendRequest(KNXAddress dst, Priority p, byte[] nsdu)
                throws KNXTimeoutException, KNXLinkClosedException {
            link.sendRequest(dst, p, nsdu);
        }

        @Override
        public void sendRequestWait(KNXAddress dst, Priority p, byte[] nsdu)
                throws KNXTimeoutException, KNXLinkClosedException {
            link.sendRequestWait(dst, p, nsdu);
        }

        @Override
        public void send(CEMILData msg, boolean waitForCon) throws KNXTimeoutException, KNXLinkClosedException {
            link.send(msg, waitForCon);
        }

        @Override
        public String getName() {
            return link.getName();
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
            return link.toString();
        }
    }
}
