package org.echarge.knx.internal.link;

import java.util.Objects;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tuwien.auto.calimero.DataUnitBuilder;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.IndividualAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.SerialNumber;
import tuwien.auto.calimero.datapoint.Datapoint;
import tuwien.auto.calimero.device.BaseKnxDevice;
import tuwien.auto.calimero.device.KnxDeviceServiceLogic;
import tuwien.auto.calimero.device.ServiceResult;
import tuwien.auto.calimero.device.ios.InterfaceObject;
import tuwien.auto.calimero.dptxlator.DPTXlator;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.mgmt.Destination;
import tuwien.auto.calimero.mgmt.PropertyAccess.PID;
import tuwien.auto.calimero.process.ProcessEvent;

/**
 * The gateway as one KNX device (spec section 7) on a {@link KnxConnection}: Calimero's
 * {@link BaseKnxDevice} answers the management services (device descriptor, properties, memory,
 * restart, individual address in programming mode), and group communication goes through the small
 * API here.
 *
 * <p>Every group telegram on the bus reaches {@link Listener#groupTelegram}, whatever its address: the
 * binding decides which addresses its objects listen on and answers a read with
 * {@link #sendGroupResponse}. The device does not answer reads by itself.
 *
 * <p>Programming mode: an IndividualAddress_Write changes the address only while it is on, and
 * IndividualAddress_Read is answered only then (Calimero's device logic). Serial-number addressing is
 * off: the gateway has no KNX serial number (Calimero's default is 00 00 00 00 00 00).
 */
public final class KnxGatewayDevice implements AutoCloseable {

    public interface Listener {
        /**
         * A GroupValueWrite, GroupValueRead or GroupValueResponse from the bus, on Calimero's link
         * thread: do not block; sending (also {@link #sendGroupResponse}) is allowed.
         */
        void groupTelegram(GroupTelegram telegram);

        /** A commissioning tool gave the device a new individual address: store it. */
        default void individualAddressChanged(IndividualAddress address) {
        }

        /** Programming mode went on or off: by {@link #setProgrammingMode}, or a tool or restart ended it. */
        default void programmingModeChanged(boolean on) {
        }

        /**
         * KNX Data Secure refused a telegram to a secured group address (a plain one, or a secured one
         * that failed a check); on Calimero's link thread.
         */
        default void securityRefused(String reason) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(KnxGatewayDevice.class);

    private final KnxConnection connection;
    private final Listener listener;
    private final Logic logic = new Logic();
    private final BaseKnxDevice device;
    private final DataSecureLayer dataSecure;
    private volatile boolean closed;

    /**
     * Attaches the device to the connection's link (also before it has connected). Its individual
     * address is the one the connection was made with.
     */
    public KnxGatewayDevice(String name, KnxConnection connection, Listener listener) throws KNXException {
        this(name, connection, KnxSecureSettings.NONE, listener);
    }

    /**
     * As above, with KNX Data Secure for the group addresses {@code secure} has keys for: telegrams to
     * them are sent secured, and only secured ones that pass the checks are received.
     */
    public KnxGatewayDevice(String name, KnxConnection connection, KnxSecureSettings secure, Listener listener)
            throws KNXException {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.listener = Objects.requireNonNull(listener, "listener");
        device = new BaseKnxDevice(name, logic, secure.dataSecure()
                ? DataSecureLayer.withoutSecuredGroupTelegrams(connection.link()) : connection.link());
        dataSecure = secure.dataSecure() ? DataSecureLayer.attach(connection.link(), secure, new Secured()) : null;
        // every way into programming mode and out of it ends in this property: the API, a tool's
        // property or memory write, a restart
        device.getInterfaceObjectServer().addServerListener(e -> {
            if (e.getInterfaceObject().getType() == InterfaceObject.DEVICE_OBJECT
                    && e.getPropertyId() == PID.PROGMODE) {
                boolean on = (e.getNewData()[0] & 0x01) != 0;
                LOG.info("KNX programming mode {}", on ? "on" : "off");
                try {
                    listener.programmingModeChanged(on);
                } catch (RuntimeException ex) {
                    LOG.warn("KNX device listener failed on programming mode {}", on, ex);
                }
            }
        });
    }

    public IndividualAddress address() {
        return device.getAddress();
    }

    public boolean programmingMode() {
        return logic.inProgrammingMode();
    }

    /** Switches programming mode (the web console, a button input). */
    public void setProgrammingMode(boolean on) {
        logic.setProgrammingMode(on);
    }

    /** Sends A_GroupValue_Write; {@code asdu} is the value of {@code type} as {@link DatapointCodec} encodes it. */
    public void sendGroupWrite(GroupAddress destination, KnxDatapoint type, byte[] asdu) throws KNXException {
        send(destination, GroupApdu.of(GroupApdu.WRITE, type, asdu));
    }

    /** Sends A_GroupValue_Response, the answer to a read of an object with the R flag. */
    public void sendGroupResponse(GroupAddress destination, KnxDatapoint type, byte[] asdu) throws KNXException {
        send(destination, GroupApdu.of(GroupApdu.RESPONSE, type, asdu));
    }

    /** Sends A_GroupValue_Read; the answer arrives as a RESPONSE telegram at the listener. */
    public void sendGroupRead(GroupAddress destination) throws KNXException {
        send(destination, GroupApdu.read());
    }

    /** Detaches the device from the connection; the connection stays open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (dataSecure != null) {
            dataSecure.close();
        }
        device.close();
        device.transportLayer().detach();
    }

    /**
     * Sends on the connection's link and waits for the confirmation. Throws
     * {@link KnxNotConnectedException} while the connection is down.
     */
    private void send(GroupAddress destination, byte[] apdu) throws KNXException {
        if (closed) {
            throw new IllegalStateException("the KNX device is closed");
        }
        KNXNetworkLink link = connection.link();
        IndividualAddress source = link.getKNXMedium().getDeviceAddress();
        try {
            byte[] secured = dataSecure != null && dataSecure.secured(destination)
                    ? dataSecure.secure(source, destination, apdu)
                    : device.secureApplicationLayer().secureGroupObject(source, destination, apdu).orElse(apdu);
            link.sendRequestWait(destination, Priority.LOW, secured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KNXException("interrupted while sending to " + destination, e);
        }
    }

    private void deliver(GroupTelegram telegram) {
        if (closed) {
            return;
        }
        try {
            listener.groupTelegram(telegram);
        } catch (RuntimeException ex) {
            LOG.warn("KNX device listener failed on {}", telegram, ex);
        }
    }

    private void refuse(String reason) {
        LOG.warn("KNX Data Secure: {}", reason);
        try {
            listener.securityRefused(reason);
        } catch (RuntimeException ex) {
            LOG.warn("KNX device listener failed on a refused telegram", ex);
        }
    }

    /** Secured group telegrams that passed Data Secure's checks, and the refused ones. */
    private final class Secured implements DataSecureLayer.Receiver {

        @Override
        public void secured(IndividualAddress source, GroupAddress destination, byte[] apdu) {
            GroupTelegram.Service service = switch (DataUnitBuilder.getAPDUService(apdu)) {
                case GroupApdu.READ -> GroupTelegram.Service.READ;
                case GroupApdu.RESPONSE -> GroupTelegram.Service.RESPONSE;
                case GroupApdu.WRITE -> GroupTelegram.Service.WRITE;
                default -> null;
            };
            if (service == null) {
                refuse("secured telegram from " + source + " to " + destination
                        + " refused: not a group value service (APCI " + DataUnitBuilder.getAPDUService(apdu) + ")");
                return;
            }
            byte[] asdu = service == GroupTelegram.Service.READ ? new byte[0] : DataUnitBuilder.extractASDU(apdu);
            deliver(new GroupTelegram(service, destination, source, asdu));
        }

        @Override
        public void refused(String reason) {
            if (!closed) {
                refuse(reason);
            }
        }
    }

    /** Calimero's device logic, with group services handed to the listener. */
    private final class Logic extends KnxDeviceServiceLogic {

        @Override
        public void groupWrite(ProcessEvent e) {
            deliver(GroupTelegram.Service.WRITE, e);
        }

        @Override
        public void groupResponse(ProcessEvent e) {
            deliver(GroupTelegram.Service.RESPONSE, e);
        }

        @Override
        public ServiceResult<byte[]> groupReadRequest(ProcessEvent e) {
            deliver(GroupTelegram.Service.READ, e);
            return null; // the binding answers with sendGroupResponse
        }

        private void deliver(GroupTelegram.Service service, ProcessEvent e) {
            if (closed) {
                return;
            }
            if (dataSecure != null && dataSecure.secured(e.getDestination())) {
                refuse("plain " + service + " from " + e.getSourceAddr() + " to " + e.getDestination()
                        + " refused: the group address is secured with KNX Data Secure");
                return;
            }
            byte[] asdu = service == GroupTelegram.Service.READ ? new byte[0] : e.getASDU();
            KnxGatewayDevice.this.deliver(new GroupTelegram(service, e.getDestination(), e.getSourceAddr(), asdu));
        }

        @Override
        public void writeAddress(IndividualAddress newAddress) {
            IndividualAddress old = device.getAddress();
            super.writeAddress(newAddress); // only in programming mode
            reportAddressChange(old, "IndividualAddress_Write");
        }

        @Override
        public ServiceResult<Void> writeProperty(Destination remote, int objectIndex, int propertyId, int startIndex,
                int elements, byte[] data) {
            IndividualAddress old = device.getAddress();
            ServiceResult<Void> result = super.writeProperty(remote, objectIndex, propertyId, startIndex, elements,
                    data); // the address properties are read-only outside programming mode
            reportAddressChange(old, "a property write");
            return result;
        }

        private void reportAddressChange(IndividualAddress old, String how) {
            IndividualAddress now = device.getAddress();
            if (!now.equals(old)) {
                // a property write changes only the device object; frames go out with the medium's address
                connection.link().getKNXMedium().setDeviceAddress(now);
                LOG.info("KNX individual address changed from {} to {} by {}", old, now, how);
                try {
                    listener.individualAddressChanged(now);
                } catch (RuntimeException e) {
                    LOG.warn("KNX device listener failed on the new address {}", now, e);
                }
            }
        }

        @Override
        public ServiceResult<Boolean> readAddressSerial(SerialNumber serialNo) {
            return ServiceResult.of(false);
        }

        @Override
        public void writeAddressSerial(SerialNumber serialNo, IndividualAddress newAddress) {
            LOG.info("KNX IndividualAddress_SerialNumber_Write to {} ignored: the gateway has no KNX serial number",
                    newAddress);
        }

        // The datapoint model stays empty (the binding owns the group objects), so Calimero never
        // asks for or hands over a datapoint value.
        @Override
        public void updateDatapointValue(Datapoint ofDp, DPTXlator update) {
            throw new UnsupportedOperationException("no datapoints on the device: " + ofDp);
        }

        @Override
        public DPTXlator requestDatapointValue(Datapoint ofDp) throws KNXException {
            throw new KNXException("no datapoints on the device: " + ofDp);
        }
    }
}
