package org.echarge.indicator.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.knx.KnxDevice;
import org.echarge.api.knx.KnxState;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.indicator.IndicatorState;
import org.echarge.api.indicator.StatusIndicators;
import org.echarge.api.point.ChargingPoint;
import org.echarge.api.point.PointStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Computes the indicators from the general faults and the charging points, and, where LED
 * names are configured (PID {@code org.echarge.indicator}), drives them every
 * {@link Blink#STEP_MILLIS} ms. COM and Programming follow the KNX binding's device (off while KNX
 * is not installed or not configured).
 */
@Component(configurationPid = "org.echarge.indicator", service = StatusIndicators.class, immediate = true)
@Designate(ocd = StatusIndicatorConfig.class)
public final class StatusIndicatorService implements StatusIndicators {

    private final List<ChargingPoint> points = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GatewayFaults faults;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KnxDevice knx;
    private final LedDriver leds;
    private final ScheduledExecutorService executor;
    /**
     * Written by the firmware supervisor (bin/echarge-supervisor) when a new firmware failed and
     * the previous one was restored; removed by the next good update or the installer's
     * acknowledgement (see the updater's README). Null when the gateway runs without supervisor.
     */
    private final Path firmwareRestored;

    @Activate
    public StatusIndicatorService(StatusIndicatorConfig config) {
        String firmwareRoot = System.getProperty("echarge.firmware.root");
        this.firmwareRestored = firmwareRoot == null || firmwareRoot.isBlank() ? null
                : Path.of(firmwareRoot, "state", "restored");
        Path root = Path.of(config.ledRoot());
        this.leds = new LedDriver(led(root, config.programmingLed()), led(root, config.appLed()),
                led(root, config.comLed()));
        if (leds.drivesAny()) {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "echarge-leds");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(() -> leds.step(state()), 0, Blink.STEP_MILLIS, TimeUnit.MILLISECONDS);
            this.executor = timer;
        } else {
            this.executor = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPoint(ChargingPoint point) {
        points.add(point);
    }

    void unbindPoint(ChargingPoint point) {
        points.remove(point);
    }

    @Override
    public IndicatorState state() {
        int severity = 0;
        String code = "";
        GatewayFaults general = faults;
        if (general != null) {
            FaultStatus<GeneralFault> status = general.status();
            if (status.present()) {
                severity = status.shown().severity();
                code = status.shown().code();
            }
        }
        for (ChargingPoint point : points) {
            PointStatus status = point.status();
            if (status.faultPresent() && status.fault().severity() > severity) {
                severity = status.fault().severity();
                code = status.fault().code() + " (point " + status.number() + ")";
            }
        }
        KnxDevice device = knx;
        KnxState bus = device == null ? KnxState.OFF : device.state();
        GatewayCondition.KnxLink link = switch (bus.connection()) {
            case CONNECTED -> GatewayCondition.KnxLink.CONNECTED;
            case TRAFFIC -> GatewayCondition.KnxLink.TRAFFIC;
            case OFF, LOST -> GatewayCondition.KnxLink.NONE;
        };
        boolean restored = firmwareRestored != null && Files.exists(firmwareRestored);
        return IndicatorLogic.of(new GatewayCondition(true, false, restored, !points.isEmpty(), severity, code,
                bus.programmingMode(), link));
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static SysfsLed led(Path root, String name) {
        return name == null || name.isBlank() ? null : new SysfsLed(root, name.trim());
    }
}
