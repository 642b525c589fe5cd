package org.echarge.point.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.echarge.api.DeviceException;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of one charging point: opens the charger through whichever driver currently
 * offers the configured model, polls it, writes the setpoint after every (re)connect, and turns
 * failures into point faults. Polls and driver changes are serialised on this object; status
 * reads never block.
 */
final class PointRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PointRuntime.class);

    private final PointSettings settings;
    private final Function<String, Optional<ChargerDriver>> drivers;
    private final Clock clock;
    private Charger charger;
    private String chargerDriverId;
    private boolean setpointWritten;
    private Instant lastPoll = Instant.MIN;
    private volatile PointStatus status;

    PointRuntime(PointSettings settings, Function<String, Optional<ChargerDriver>> drivers, Clock clock) {
        this.settings = settings;
        this.drivers = drivers;
        this.clock = clock;
        this.status = new PointStatus(settings.number(), settings.name(), settings.modelId(),
                settings.address().toString(), false, PointState.START_UP, null, PointFault.NO_ERROR, "", null);
    }

    PointStatus status() {
        return status;
    }

    /**
     * One poll cycle, called every second; polls less often where the model's poll interval is
     * longer. Never throws.
     */
    synchronized void poll() {
        try {
            Charger open = openCharger();
            if (open == null || clock.instant().isBefore(lastPoll.plus(open.model().pollInterval()))) {
                return;
            }
            lastPoll = clock.instant();
            ChargerSnapshot snapshot = open.poll();
            if (!setpointWritten) {
                open.setCurrentLimit(settings.setpointAmpere());
                setpointWritten = true;
                LOG.info("Charging point {}: connected to {} at {}, setpoint {} A", settings.number(),
                        open.model().name(), settings.address(), settings.setpointAmpere());
            }
            answered(snapshot);
        } catch (DeviceException e) {
            failed(e);
        } catch (RuntimeException e) {
            LOG.error("Charging point {}: driver failure", settings.number(), e);
            closeCharger();
            update(PointState.NOT_AVAILABLE, status.snapshot(), PointFault.COMM, "driver failure: " + e);
        }
    }

    /** The driver with this id went away (bundle stopped or being updated): drop its charger. */
    synchronized void driverRemoved(String driverId) {
        if (driverId.equals(chargerDriverId)) {
            closeCharger();
            LOG.info("Charging point {}: driver '{}' went away", settings.number(), driverId);
            status = with(false, status.state(), status.snapshot(), status.fault(), status.faultDetail());
        }
    }

    synchronized void close() {
        closeCharger();
    }

    private Charger openCharger() throws DeviceException {
        if (charger != null) {
            return charger;
        }
        Optional<ChargerDriver> driver = drivers.apply(settings.modelId());
        if (driver.isEmpty()) {
            update(PointState.NOT_AVAILABLE, status.snapshot(), status.fault(),
                    "no installed driver offers model '" + settings.modelId() + "'");
            return null;
        }
        ChargerModel model = driver.get().models().stream()
                .filter(m -> m.id().equals(settings.modelId())).findFirst().orElseThrow();
        List<String> errors = settings.checkAgainst(model);
        if (!errors.isEmpty()) {
            update(PointState.NOT_AVAILABLE, null, PointFault.CONF_CHARGER, String.join("; ", errors));
            return null;
        }
        charger = driver.get().open(settings.modelId(), settings.address());
        chargerDriverId = driver.get().id();
        setpointWritten = false;
        return charger;
    }

    private void answered(ChargerSnapshot snapshot) {
        boolean chargerError = snapshot.state() == PointState.ERROR || !snapshot.errorCodes().isEmpty();
        PointFault fault = chargerError ? PointFault.CHARGER_ERROR : PointFault.NO_ERROR;
        String detail = chargerError ? "charger reports error codes " + hex(snapshot.errorCodes()) : "";
        if (snapshot.state() != status.state()) {
            LOG.info("Charging point {}: {} -> {}", settings.number(), status.state().text(), snapshot.state().text());
        }
        status = new PointStatus(settings.number(), settings.name(), settings.modelId(), settings.address().toString(),
                true, snapshot.state(), snapshot, fault, detail, clock.instant());
    }

    private void failed(DeviceException e) {
        PointFault fault = switch (e.kind()) {
            case NOT_REACHABLE -> PointFault.NOT_REACHABLE;
            case WRONG_DEVICE -> PointFault.WRONG_CHARGER;
            case COMMUNICATION, NOT_SUPPORTED -> PointFault.COMM;
        };
        if (status.fault() != fault) {
            LOG.warn("Charging point {}: {} ({})", settings.number(), fault.code(), e.getMessage());
        }
        if (e.kind() != DeviceException.Kind.COMMUNICATION) {
            // reconnect, and check identity and write the setpoint again, on the next poll
            closeCharger();
        }
        update(PointState.NOT_AVAILABLE, status.snapshot(), fault, e.getMessage());
    }

    private void update(PointState state, ChargerSnapshot snapshot, PointFault fault, String detail) {
        status = with(charger != null || drivers.apply(settings.modelId()).isPresent(), state, snapshot, fault, detail);
    }

    private PointStatus with(boolean driverAvailable, PointState state, ChargerSnapshot snapshot, PointFault fault,
            String detail) {
        return new PointStatus(settings.number(), settings.name(), settings.modelId(), settings.address().toString(),
                driverAvailable, state, snapshot, fault, detail, status == null ? null : status.lastAnswer());
    }

    private void closeCharger() {
        lastPoll = Instant.MIN;
        if (charger != null) {
            charger.close();
            charger = null;
            chargerDriverId = null;
        }
    }

    private static String hex(List<Long> codes) {
        return codes.stream().map(c -> String.format("0x%X", c)).reduce((a, b) -> a + " " + b).orElse("");
    }
}
