package org.echarge.updater.internal.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;

import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
import org.echarge.updater.DriverUpdater;
import org.echarge.updater.internal.DriverUpdaterConfig;
import org.echarge.updater.internal.firmware.FirmwareLayout;
import org.echarge.updater.internal.server.UpdateServerClient;
import org.echarge.updater.internal.verify.UpdateRefusedException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the update API's servlet with the HTTP whiteboard (pattern
 * {@code /echarge/api/updates}, {@code /echarge/api/updates/*}, default context like the web
 * bundle's servlets, so its {@code ApiAccessFilter} applies). Same PID as the updater
 * ({@code org.echarge.updater}); the firmware part needs the system property
 * {@value FirmwareLayout#ROOT_PROPERTY}, which the supervisor sets.
 */
@Component(configurationPid = "org.echarge.updater", immediate = true, service = {})
public final class UpdatesApiComponent {

    private static final Logger LOG = LoggerFactory.getLogger(UpdatesApiComponent.class);
    static final long RESTART_DELAY_MILLIS = 1000;

    private final List<ChargingPoint> points = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<Servlet> registration;

    @Activate
    public UpdatesApiComponent(BundleContext context, DriverUpdaterConfig config, @Reference DriverUpdater updater) {
        String base = Optional.ofNullable(context.getProperty("karaf.base")).orElse(".");
        String etc = Optional.ofNullable(context.getProperty("karaf.etc")).orElse(base + "/etc");
        String data = Optional.ofNullable(context.getProperty("karaf.data")).orElse(base + "/data");
        String version = Optional.ofNullable(context.getProperty("echarge.version")).orElse("0.0.0");
        Optional<FirmwareLayout> firmware = Optional.ofNullable(context.getProperty(FirmwareLayout.ROOT_PROPERTY))
                .filter(root -> !root.isBlank()).map(root -> new FirmwareLayout(Path.of(root)));
        UpdateCenter center = new UpdateCenter(updater, settings(config, Path.of(base)), version, firmware,
                Path.of(etc), Path.of(data, "echarge", "updater", "incoming"), () -> restart(context),
                Clock.systemUTC());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern",
                new String[] {"/echarge/api/updates", "/echarge/api/updates/*"});
        properties.put("osgi.http.whiteboard.servlet.name", "echarge-updates");
        registration = context.registerService(Servlet.class, new UpdatesServlet(center, this::pointsByModel),
                properties);
    }

    static UpdateCenter.Settings settings(DriverUpdaterConfig config, Path base) {
        Optional<URI> server = Optional.empty();
        if (!config.updateServerUrl().isBlank()) {
            try {
                server = Optional.of(UpdateServerClient.indexUri(config.updateServerUrl()));
            } catch (UpdateRefusedException e) {
                throw new IllegalArgumentException("invalid configuration org.echarge.updater: " + e.getMessage(), e);
            }
        }
        if (config.maxFirmwareMebibytes() < 1 || config.serverTimeoutSeconds() < 1 || config.maxPackageMebibytes() < 1) {
            throw new IllegalArgumentException("invalid configuration org.echarge.updater: maxFirmwareMebibytes, "
                    + "serverTimeoutSeconds and maxPackageMebibytes must be at least 1");
        }
        return new UpdateCenter.Settings(base.resolve(config.publicKeyFile()).normalize(),
                config.maxPackageMebibytes() * 1024L * 1024L, config.maxFirmwareMebibytes() * 1024L * 1024L, server,
                Duration.ofSeconds(config.serverTimeoutSeconds()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPoint(ChargingPoint point) {
        points.add(point);
    }

    void unbindPoint(ChargingPoint point) {
        points.remove(point);
    }

    private Map<String, List<Integer>> pointsByModel() {
        Map<String, List<Integer>> byModel = new TreeMap<>();
        for (ChargingPoint point : points) {
            PointStatus status = point.status();
            byModel.computeIfAbsent(status.modelId(), model -> new java.util.ArrayList<>()).add(status.number());
        }
        return byModel;
    }

    /** After the answer has gone out: stop the framework; the supervisor switches to the staged firmware. */
    private static void restart(BundleContext context) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(RESTART_DELAY_MILLIS);
                LOG.info("Firmware staged: stopping the gateway so that the supervisor starts the new firmware");
                context.getBundle(0).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BundleException e) {
                LOG.error("Firmware staged, but the gateway could not stop to switch to it", e);
            }
        }, "echarge-firmware-restart");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
