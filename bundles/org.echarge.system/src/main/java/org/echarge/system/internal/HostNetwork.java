package org.echarge.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletResponse;

import org.echarge.api.reset.ResetParticipant;
import org.echarge.system.internal.NetworkDocument.Change;
import org.echarge.system.internal.NetworkDocument.State;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host adapter for the network and NTP settings (spec section 9) and their factory reset
 * (spec section 11: back to DHCP and the default NTP servers). It writes systemd files under the
 * configured root and reads them back; the host's systemd picks them up (README: a path unit that
 * reloads networkd and restarts timesyncd). Read-only when the installation says so, when its
 * settings are unusable, or when the gateway may not write there; the reason is shown.
 */
@Component(service = {HostNetwork.class, ResetParticipant.class}, configurationPid = HostNetworkConfig.PID)
@Designate(ocd = HostNetworkConfig.class)
public final class HostNetwork implements ResetParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(HostNetwork.class);
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,14}");

    /** The installation's settings, as configured. */
    record Installation(String root, String interfaceName, boolean editable, String readOnlyReason) {
    }

    private final Installation installation;
    private final SystemdNetworkFiles files;

    @Activate
    public HostNetwork(HostNetworkConfig config) {
        this(new Installation(config.root(), config.interface$(), config.editable(), config.readOnlyReason()));
    }

    HostNetwork(Installation installation) {
        this.installation = installation;
        this.files = usable(installation) ? new SystemdNetworkFiles(Path.of(installation.root()),
                installation.interfaceName()) : null;
    }

    private static boolean usable(Installation installation) {
        return INTERFACE.matcher(installation.interfaceName()).matches() && Path.of(installation.root()).isAbsolute();
    }

    synchronized State state() throws IOException {
        NetworkSettings settings = files == null ? NetworkSettings.factory(installation.interfaceName()) : files.read();
        return NetworkDocument.state(settings, readOnlyReason());
    }

    synchronized State apply(Change change) throws ApiProblem, IOException {
        String reason = readOnlyReason();
        if (reason != null) {
            throw new ApiProblem(HttpServletResponse.SC_CONFLICT, "read-only", "the network cannot be changed: " + reason);
        }
        NetworkSettings settings = new NetworkValidator(installation.interfaceName()).validate(change);
        try {
            files.write(settings);
        } catch (IOException e) {
            LOG.error("Network settings could not be written under {}", installation.root(), e);
            throw new ApiProblem(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "write-failed",
                    "the network settings could not be written (" + e + "); the previous ones stay");
        }
        LOG.info("Network of {}: {} written to {} and {}", settings.interfaceName(),
                settings.dhcp() ? "DHCP" : settings.address() + "/" + settings.prefixLength(), files.networkFile(),
                files.timeFile());
        return NetworkDocument.state(files.read(), null);
    }

    /** Why the network cannot be changed, or null when it can. */
    String readOnlyReason() {
        if (!installation.editable()) {
            return installation.readOnlyReason();
        }
        if (!INTERFACE.matcher(installation.interfaceName()).matches()) {
            return "the interface name '" + installation.interfaceName() + "' (PID " + HostNetworkConfig.PID
                    + ") is not valid";
        }
        if (files == null) {
            return "the root directory '" + installation.root() + "' (PID " + HostNetworkConfig.PID
                    + ") is not an absolute path";
        }
        for (Path file : new Path[] {files.networkFile(), files.timeFile()}) {
            Path existing = file.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                return (existing == null ? file.getParent() : existing) + " is not writable by the gateway";
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public synchronized void resetToFactory() throws IOException {
        if (!installation.editable()) {
            LOG.info("Factory reset: the network is not the gateway's to reset ({})", installation.readOnlyReason());
            return;
        }
        String reason = readOnlyReason();
        if (reason != null) {
            throw new IOException(reason);
        }
        files.write(NetworkSettings.factory(installation.interfaceName()));
        LOG.info("Factory reset: network of {} back to DHCP and the default NTP servers", installation.interfaceName());
    }
}
