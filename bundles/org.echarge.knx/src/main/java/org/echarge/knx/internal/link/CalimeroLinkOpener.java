package org.echarge.knx.internal.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;

import tuwien.auto.calimero.CloseEvent;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.knxnetip.TcpConnection;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.KNXNetworkLinkFT12;
import tuwien.auto.calimero.link.KNXNetworkLinkIP;
import tuwien.auto.calimero.link.KNXNetworkLinkTpuart;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.link.medium.KNXMediumSettings;
import tuwien.auto.calimero.link.medium.KnxIPSettings;
import tuwien.auto.calimero.link.medium.TPSettings;

/**
 * Opens Calimero's links for {@link KnxConnectionSettings}: KNXnet/IP and serial interfaces. A
 * {@link KnxConnectionSettings.Mode#VIRTUAL} network is joined through {@link VirtualKnxNetwork#opener}.
 */
public final class CalimeroLinkOpener implements LinkOpener {

    private final KnxConnectionSettings settings;
    private final KnxSecureSettings secure;

    public CalimeroLinkOpener(KnxConnectionSettings settings) {
        this(settings, KnxSecureSettings.NONE);
    }

    /**
     * With {@code secure} holding what the secure modes need (validated together with the settings):
     * the tunnel's credentials for TUNNELING_SECURE, the backbone key for ROUTING_SECURE.
     */
    public CalimeroLinkOpener(KnxConnectionSettings settings, KnxSecureSettings secure) {
        if (settings.mode() == KnxConnectionSettings.Mode.VIRTUAL) {
            throw new IllegalArgumentException("a virtual KNX network is joined through VirtualKnxNetwork.opener");
        }
        if (settings.mode() == KnxConnectionSettings.Mode.TUNNELING_SECURE && secure.tunnel().isEmpty()
                || settings.mode() == KnxConnectionSettings.Mode.ROUTING_SECURE && secure.backbone().isEmpty()) {
            throw new IllegalArgumentException(settings.mode() + " without its keys");
        }
        this.settings = settings;
        this.secure = secure;
    }

    @Override
    public String target() {
        return settings.target();
    }

    @Override
    public KNXMediumSettings medium() {
        return settings.mode().routing()
                ? new KnxIPSettings(settings.individualAddress())
                : new TPSettings(settings.individualAddress());
    }

    @Override
    public KNXNetworkLink open(KNXMediumSettings medium) throws KNXException, InterruptedException {
        return switch (settings.mode()) {
            case TUNNELING -> KNXNetworkLinkIP.newTunnelingLink(localEndpoint(), server(), false, medium);
            case TUNNELING_TCP -> tcpTunnel(medium, null);
            case TUNNELING_SECURE -> tcpTunnel(medium, secure.tunnel().orElseThrow());
            case ROUTING -> KNXNetworkLinkIP.newRoutingLink(routingInterface(),
                    resolve(settings.multicastGroup()), medium);
            case ROUTING_SECURE -> secureRouting(medium, secure.backbone().orElseThrow());
            case SERIAL_FT12 -> withProviders(() -> new KNXNetworkLinkFT12(settings.serialPath(), medium));
            case SERIAL_TPUART -> withProviders(() -> new KNXNetworkLinkTpuart(settings.serialPath(), medium,
                    List.of()));
            case VIRTUAL -> throw new IllegalStateException("not a Calimero link: " + settings.target());
        };
    }

    /**
     * Over TCP the server assigns the tunnel's address and Calimero writes it into the link's medium.
     * The link gets a copy, so that the gateway's own address (the device's) stays as configured;
     * the tunnel asks the server for that address. With {@code credentials} the tunnel runs in a
     * KNX IP Secure session of that user; a wrong password or authentication code fails the attempt
     * with the server's status ("authorization failed" and the like).
     */
    private KNXNetworkLink tcpTunnel(KNXMediumSettings medium, KnxSecureSettings.TunnelCredentials credentials)
            throws KNXException, InterruptedException {
        TcpConnection tcp = TcpConnection.newTcpConnection(localEndpoint(), server());
        try {
            KNXMediumSettings copy = KNXMediumSettings.create(medium.getMedium(), medium.getDeviceAddress());
            KNXNetworkLink link = credentials == null ? KNXNetworkLinkIP.newTunnelingLink(tcp, copy)
                    : KNXNetworkLinkIP.newSecureTunnelingLink(tcp.newSecureSession(credentials.user(),
                            credentials.userKey(), credentials.deviceAuthenticationKey()), copy);
            // the link does not close the TCP connection it runs on
            link.addLinkListener(new NetworkLinkListener() {
                @Override
                public void linkClosed(CloseEvent e) {
                    tcp.close();
                }
            });
            if (!link.isOpen()) {
                tcp.close();
            }
            return link;
        } catch (KNXException | InterruptedException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    private KNXNetworkLink secureRouting(KNXMediumSettings medium, KnxSecureSettings.BackboneKey backbone)
            throws KNXException, InterruptedException {
        return KNXNetworkLinkIP.newSecureRoutingLink(routingInterface(), resolve(settings.multicastGroup()),
                backbone.key(), backbone.latencyTolerance(), medium);
    }

    private InetSocketAddress server() throws KNXException {
        return new InetSocketAddress(resolve(settings.host()), settings.port());
    }

    private InetSocketAddress localEndpoint() {
        InetAddress local = KnxConnectionSettings.ipLiteral(settings.localAddress());
        return local == null ? new InetSocketAddress(0) : new InetSocketAddress(local, 0);
    }

    private NetworkInterface routingInterface() throws KNXException {
        InetAddress local = KnxConnectionSettings.ipLiteral(settings.localAddress());
        if (local == null) {
            return null; // the system's default multicast interface
        }
        try {
            NetworkInterface netif = NetworkInterface.getByInetAddress(local);
            if (netif == null) {
                throw new KNXException("local address " + settings.localAddress()
                        + " belongs to no network interface of this machine");
            }
            return netif;
        } catch (SocketException e) {
            throw new KNXException("local address " + settings.localAddress() + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress resolve(String host) throws KNXException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new KNXException("cannot resolve host " + host);
        }
    }

    private interface SerialOpen {
        KNXNetworkLink open() throws KNXException, InterruptedException;
    }

    /**
     * Calimero finds serial port providers through ServiceLoader with the thread's context class
     * loader, and remembers the loader it saw first (karaf-stack.md pitfall 11). Pointing it at this
     * bundle makes it find {@link JSerialCommProvider}, also inside OSGi.
     */
    private static KNXNetworkLink withProviders(SerialOpen open) throws KNXException, InterruptedException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JSerialCommProvider.class.getClassLoader());
        try {
            return open.open();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
