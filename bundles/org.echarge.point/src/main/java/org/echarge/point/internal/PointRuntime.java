package org.echarge.point.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.echarge.api.DeviceException;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.fault.PointFault;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterDriver;
import org.echarge.api.meter.MeterReading;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.echarge.point.internal.sessions.ChargingSession;
import org.echarge.point.internal.sessions.SessionState;
import org.echarge.point.internal.sessions.SessionStore;
import org.echarge.point.internal.sessions.SessionTracker;
import org.echarge.point.internal.control.ChargingComplete;
import org.echarge.point.internal.control.ControlDecision;
import org.echarge.point.internal.control.PointControl;
import org.echarge.point.internal.config.ConfigProblem;
import org.echarge.point.internal.fault.FaultLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of one charging point: opens the charger through whichever driver currently
 * offers the configured model, polls it, carries out the commands ({@link PointControl}) by
 * writing the current limit and pause only when they change (and after every reconnect), and
 * keeps the point's faults ({@link FaultLedger}). Polls, commands and driver changes are
 * serialised on this object; status reads never block.
 */
final class PointRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PointRuntime.class);

    /** What was last written to the charger since it was opened. */
    private record Written(boolean paused, double limitAmpere) {
    }

    private final PointSettings settings;
    private final Function<String, Optional<ChargerDriver>> drivers;
    private final Clock clock;
    private final PointControl control;
    private final ChargingComplete chargingComplete;
    private boolean complete;
    private final SessionStore sessions;
    private final SessionTracker tracker;
    private Instant lastSessionSave = Instant.MIN;
    private final FaultLedger<PointFault> faults = new FaultLedger<>(PointFault.class, PointFault.NO_ERROR);
    private String gatewayProblem;
    private String gatewayMeterProblem;
    private String meterModelProblem;
    private String modelProblem;
    private Charger charger;
    private String chargerDriverId;
    private Written written;
    private boolean cannotPauseLogged;
    private Instant lastPoll = Instant.MIN;
    private ChargerSnapshot snapshot;
    private Instant lastAnswer;
    private boolean reachable;
    private volatile PointStatus status;
    private final Consumer<PointStatus> listener;
    private final Function<String, Optional<MeterDriver>> meters;
    private ElectricityMeter meter;
    private String meterDriverId;

    PointRuntime(PointSettings settings, Function<String, Optional<ChargerDriver>> drivers, SessionStore sessions,
            Clock clock) {
        this(settings, drivers, model -> Optional.empty(), sessions, clock, status -> { });
    }

    /**
     * @param meters the meter driver that offers a meter model, if one is installed
     * @param listener told about every new status, on the thread that made it
     */
    PointRuntime(PointSettings settings, Function<String, Optional<ChargerDriver>> drivers,
            Function<String, Optional<MeterDriver>> meters, SessionStore sessions, Clock clock,
            Consumer<PointStatus> listener) {
        this.meters = meters;
        this.listener = listener;
        this.settings = settings;
        this.sessions = sessions;
        this.tracker = new SessionTracker(settings.number(), sessions.load(settings.number()));
        this.drivers = drivers;
        this.clock = clock;
        this.control = new PointControl(new PointControl.Limits(settings.minCurrentAmpere(),
                settings.maxCurrentAmpere(), settings.manualStart()), settings.setpointAmpere(), false);
        this.chargingComplete = new ChargingComplete(settings.chargingCompleteAmpere(), settings.chargingCompleteTime());
        this.status = new PointStatus(settings.number(), settings.name(), settings.modelId(),
                settings.address().toString(), false, PointState.START_UP, null, false, PointFault.NO_ERROR, "",
                false, false, false, settings.setpointAmpere(), SessionInfo.NONE, null);
    }

    PointStatus status() {
        return status;
    }

    /**
     * One poll cycle, called every second; polls less often where the model's poll interval is
     * longer. Never throws.
     */
    synchronized void poll() {
        faults.evaluate();
        try {
            Charger open = openCharger();
            if (open != null && !clock.instant().isBefore(lastPoll.plus(open.model().pollInterval()))) {
                lastPoll = clock.instant();
                answered(withMeter(open.poll()));
                control.vehicle(snapshot.vehicleConnected());
                complete = chargingComplete.update(snapshot.vehicleConnected(), highestPhase(snapshot), clock.instant());
                trackSession();
                write(open);
            }
        } catch (DeviceException e) {
            failed(e);
        } catch (RuntimeException e) {
            driverFailure(e);
        }
        publish();
    }

    synchronized void startStop(boolean start) {
        control.startStop(start).ifPresent(fault -> info(fault, (start ? "start" : "stop") + " is not possible in state "
                + status.state().text()));
        applyNow();
    }

    synchronized void interruption(boolean active) {
        control.interruption(active);
        applyNow();
    }

    synchronized void setpoint(double currentAmpere) {
        control.setpoint(currentAmpere).ifPresent(fault -> info(fault, "setpoint " + currentAmpere + " A is outside ["
                + settings.minCurrentAmpere() + ", " + settings.maxCurrentAmpere() + "] A; "
                + control.setpointAmpere() + " A applies"));
        applyNow();
    }

    synchronized void gridControl(boolean active, double currentAmpere) {
        control.gridControl(active, currentAmpere);
        applyNow();
    }

    synchronized void loadShare(LoadShare share) {
        if (share.invalidCurrent() == null) {
            faults.clear(PointFault.DLM_INVALID_CURRENT);
        } else {
            if (!faults.isPresent(PointFault.DLM_INVALID_CURRENT)) {
                LOG.warn("Charging point {}: DLM InvCurrent ({})", settings.number(), share.invalidCurrent());
            }
            faults.raise(PointFault.DLM_INVALID_CURRENT, share.invalidCurrent(), clock.instant());
        }
        control.loadShare(share);
        applyNow();
    }

    synchronized void unlock() {
        if (charger == null || !charger.model().supports(ChargerCapability.UNLOCK)) {
            info(PointFault.OP_NOT_POSSIBLE, charger == null ? "unlock: charger not connected"
                    : "unlock: " + charger.model().name() + " cannot release the cable lock");
        } else {
            try {
                charger.unlock();
            } catch (DeviceException e) {
                if (e.kind() == DeviceException.Kind.NOT_SUPPORTED) {
                    info(PointFault.OP_NOT_POSSIBLE, "unlock: " + e.getMessage()); // e.g. during a session
                } else {
                    failed(e);
                }
            }
        }
        publish();
    }

    /** What the gateway-wide check found for this point's configuration (empty: nothing). */
    synchronized void gatewayProblems(List<ConfigProblem> problems) {
        gatewayProblem = join(problems.stream().filter(p -> p.fault() != GeneralFault.CONF_EMETER).toList());
        gatewayMeterProblem = join(problems.stream().filter(p -> p.fault() == GeneralFault.CONF_EMETER).toList());
        updateMeterConfigurationFault();
        updateConfigurationFault();
        publish();
    }

    /** Conf EMeter: the gateway-wide rules, or a meter model no driver offers or whose settings it refuses. */
    private void updateMeterConfigurationFault() {
        String detail = gatewayMeterProblem == null ? meterModelProblem
                : meterModelProblem == null ? gatewayMeterProblem : meterModelProblem + "; " + gatewayMeterProblem;
        if (detail == null) {
            faults.clear(PointFault.CONF_EMETER);
        } else {
            if (!faults.isPresent(PointFault.CONF_EMETER)) {
                LOG.error("Charging point {}: Conf EMeter: {}", settings.number(), detail);
            }
            faults.raise(PointFault.CONF_EMETER, detail, clock.instant());
        }
    }

    private static String join(List<ConfigProblem> problems) {
        return problems.isEmpty() ? null
                : problems.stream().map(ConfigProblem::message).collect(java.util.stream.Collectors.joining("; "));
    }

    private void updateConfigurationFault() {
        if (gatewayProblem == null && modelProblem == null) {
            faults.clear(PointFault.CONF_CHARGER);
        } else {
            String detail = gatewayProblem == null ? modelProblem
                    : modelProblem == null ? gatewayProblem : modelProblem + "; " + gatewayProblem;
            if (!faults.isPresent(PointFault.CONF_CHARGER)) {
                LOG.error("Charging point {}: Conf Charger: {}", settings.number(), detail);
            }
            faults.raise(PointFault.CONF_CHARGER, detail, clock.instant());
        }
    }

    /**
     * With an electricity meter at the point (spec section 3), the meter's values are the point's
     * measurements; when the meter fails they are unknown, never the charger's.
     */
    private ChargerSnapshot withMeter(ChargerSnapshot answer) {
        if (!settings.hasMeter()) {
            return answer;
        }
        PhaseValues current = PhaseValues.NOT_MEASURED;
        PhaseValues power = PhaseValues.NOT_MEASURED;
        PhaseValues energy = PhaseValues.NOT_MEASURED;
        try {
            ElectricityMeter opened = openMeter();
            if (opened == null) {
                return measuredBy(answer, current, power, energy); // Conf EMeter says why
            }
            MeterReading reading = opened.read();
            faults.clear(PointFault.EMETER_NOT_REACHABLE);
            faults.clear(PointFault.EMETER_COMM);
            long fault = reading.faultRegister().orElse(0);
            if (fault != 0) {
                faults.raise(PointFault.EMETER_ERROR, String.format("meter fault register 0x%X", fault),
                        clock.instant());
            } else {
                faults.clear(PointFault.EMETER_ERROR);
            }
            current = reading.currentAmpere();
            power = reading.powerWatt();
            energy = reading.energyWattHour();
        } catch (DeviceException e) {
            PointFault fault = e.kind() == DeviceException.Kind.NOT_REACHABLE ? PointFault.EMETER_NOT_REACHABLE
                    : PointFault.EMETER_COMM;
            if (!faults.isPresent(fault)) {
                LOG.warn("Charging point {}: {} ({})", settings.number(), fault.code(), e.getMessage());
            }
            faults.raise(fault, e.getMessage(), clock.instant());
            if (e.kind() != DeviceException.Kind.COMMUNICATION) {
                closeMeter();
            }
        }
        return measuredBy(answer, current, power, energy);
    }

    private static ChargerSnapshot measuredBy(ChargerSnapshot answer, PhaseValues current, PhaseValues power,
            PhaseValues energy) {
        return new ChargerSnapshot(answer.timestamp(), answer.state(), answer.vehicleConnected(), answer.charging(),
                answer.setpointAmpere(), current, power, energy, answer.sessionEnergyWattHour(),
                answer.serialNumber(), answer.firmwareVersion(), answer.temperatureCelsius(), answer.rfidTag(),
                answer.evccId(), answer.errorCodes());
    }

    /** The meter, or null when its model is not offered or its settings are refused (Conf EMeter). */
    private ElectricityMeter openMeter() throws DeviceException {
        if (meter == null) {
            Optional<MeterDriver> driver = meters.apply(settings.meterModelId());
            String problem = null;
            if (driver.isEmpty()) {
                problem = "no installed meter driver offers model '" + settings.meterModelId() + "'";
            } else {
                try {
                    meter = driver.get().open(settings.meterModelId(), settings.meterAddress());
                    meterDriverId = driver.get().id();
                } catch (DeviceException e) {
                    if (e.kind() != DeviceException.Kind.NOT_SUPPORTED) {
                        throw e;
                    }
                    problem = "meter: " + e.getMessage();
                }
            }
            if (!java.util.Objects.equals(problem, meterModelProblem)) {
                meterModelProblem = problem;
                updateMeterConfigurationFault();
            }
        }
        return meter;
    }

    private void closeMeter() {
        if (meter != null) {
            meter.close();
            meter = null;
            meterDriverId = null;
        }
    }

    /** The meter driver with this id went away: drop its meter. */
    synchronized void meterDriverRemoved(String driverId) {
        if (driverId.equals(meterDriverId)) {
            closeMeter();
        }
    }

    /** The driver with this id went away (bundle stopped or being updated): drop its charger. */
    synchronized void driverRemoved(String driverId) {
        if (driverId.equals(chargerDriverId)) {
            closeCharger();
            reachable = false; // Not available until the new driver has polled (within seconds)
            LOG.info("Charging point {}: driver '{}' went away", settings.number(), driverId);
            publish();
        }
    }

    synchronized void close() {
        closeCharger();
        closeMeter();
    }

    private Charger openCharger() throws DeviceException {
        if (charger != null) {
            return charger;
        }
        Optional<ChargerDriver> driver = drivers.apply(settings.modelId());
        if (driver.isEmpty()) {
            reachable = false;
            return null;
        }
        ChargerModel model = driver.get().models().stream()
                .filter(m -> m.id().equals(settings.modelId())).findFirst().orElseThrow();
        List<String> errors = settings.checkAgainst(model);
        modelProblem = errors.isEmpty() ? null : String.join("; ", errors);
        updateConfigurationFault();
        if (modelProblem != null) {
            return null;
        }
        charger = driver.get().open(settings.modelId(), settings.address());
        chargerDriverId = driver.get().id();
        written = null;
        return charger;
    }

    /** Writes what the commands ask for, where it differs from what the charger has. */
    private void write(Charger open) throws DeviceException {
        ControlDecision decision = control.decide();
        boolean pauseByCommand = open.model().supports(ChargerCapability.PAUSE_RESUME);
        double limit = decision.currentLimitAmpere();
        // below the charger's lowest charging current (IEC 61851: 6 A) a vehicle cannot charge
        boolean paused = decision.paused() || limit < open.model().minCurrentAmpere();
        if (paused && pauseByCommand) {
            // paused by command: the limit stays as it was (some models refuse 0 A)
            limit = written != null ? written.limitAmpere()
                    : Math.max(settings.minCurrentAmpere(), open.model().minCurrentAmpere());
        } else if (paused) {
            if (open.model().supports(ChargerCapability.ZERO_AMPERE)) {
                limit = 0;
            } else {
                limit = settings.minCurrentAmpere();
                if (!cannotPauseLogged) {
                    LOG.warn("Charging point {}: {} can neither pause nor take 0 A; holding the minimum current",
                            settings.number(), open.model().name());
                    cannotPauseLogged = true;
                }
            }
        }
        boolean firstWrite = written == null;
        if (firstWrite || written.limitAmpere() != limit) {
            open.setCurrentLimit(limit);
        }
        if (pauseByCommand && (firstWrite || written.paused() != paused)) {
            open.setPaused(paused);
        }
        if (firstWrite) {
            LOG.info("Charging point {}: connected to {} at {}, limit {} A{}", settings.number(), open.model().name(),
                    settings.address(), limit, paused ? ", paused" : "");
        }
        written = new Written(paused, limit);
    }

    private void applyNow() {
        if (charger != null && reachable) {
            try {
                write(charger);
            } catch (DeviceException e) {
                failed(e);
            } catch (RuntimeException e) {
                driverFailure(e);
            }
        }
        publish();
    }

    private void driverFailure(RuntimeException e) {
        LOG.error("Charging point {}: driver failure", settings.number(), e);
        closeCharger();
        faults.raise(PointFault.COMM, "driver failure: " + e, clock.instant());
        reachable = false;
    }

    private void answered(ChargerSnapshot answer) {
        snapshot = answer;
        lastAnswer = clock.instant();
        reachable = true;
        faults.clear(PointFault.NOT_REACHABLE);
        faults.clear(PointFault.WRONG_CHARGER);
        faults.clear(PointFault.COMM);
        if (answer.state() == PointState.ERROR || !answer.errorCodes().isEmpty()) {
            faults.raise(PointFault.CHARGER_ERROR, "charger reports error codes " + hex(answer.errorCodes()),
                    clock.instant());
        } else {
            faults.clear(PointFault.CHARGER_ERROR);
        }
    }

    private void failed(DeviceException e) {
        PointFault fault = switch (e.kind()) {
            case NOT_REACHABLE -> PointFault.NOT_REACHABLE;
            case WRONG_DEVICE -> PointFault.WRONG_CHARGER;
            case COMMUNICATION, NOT_SUPPORTED -> PointFault.COMM;
        };
        if (!faults.isPresent(fault)) {
            LOG.warn("Charging point {}: {} ({})", settings.number(), fault.code(), e.getMessage());
        }
        faults.raise(fault, e.getMessage(), clock.instant());
        if (e.kind() != DeviceException.Kind.COMMUNICATION) {
            // reconnect, and check identity and write limit and pause again, on the next poll
            closeCharger();
            reachable = false;
        }
    }

    private void info(PointFault fault, String detail) {
        LOG.info("Charging point {}: {} ({})", settings.number(), fault.code(), detail);
        faults.raise(fault, detail, clock.instant());
    }

    private void publish() {
        ControlDecision decision = control.decide();
        PointState state;
        if (!reachable || snapshot == null) {
            state = snapshot == null && !faults.present() && charger != null ? PointState.START_UP
                    : PointState.NOT_AVAILABLE;
        } else {
            state = decision.shownState(snapshot.state());
        }
        if (state != status.state()) {
            LOG.info("Charging point {}: {} -> {}", settings.number(), status.state().text(), state.text());
        }
        boolean driverAvailable = charger != null || drivers.apply(settings.modelId()).isPresent();
        String detail = faults.shownDetail();
        if (!driverAvailable && !faults.present()) {
            detail = "no installed driver offers model '" + settings.modelId() + "'";
        }
        PointStatus next = new PointStatus(settings.number(), settings.name(), settings.modelId(),
                settings.address().toString(), driverAvailable, state, snapshot, faults.present(), faults.shown(),
                detail, complete,
                snapshot != null && snapshot.temperatureCelsius() > settings.temperatureWarningCelsius(),
                decision.interrupted(), decision.currentLimitAmpere(), sessionInfo(),
                lastAnswer);
        if (!next.equals(status)) {
            status = next;
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.error("Charging point {}: a status listener failed", settings.number(), e);
            }
        }
    }

    private void closeCharger() {
        lastPoll = Instant.MIN;
        written = null;
        if (charger != null) {
            charger.close();
            charger = null;
            chargerDriverId = null;
        }
    }

    /**
     * Sessions are saved when they start and end, and every minute while they run (the charger's
     * counter or session register covers the energy between checkpoints after a power cut).
     */
    private void trackSession() {
        boolean wasRunning = tracker.state().running() != null;
        Optional<ChargingSession> ended = tracker.update(snapshot, clock.instant());
        boolean running = tracker.state().running() != null;
        try {
            if (ended.isPresent()) {
                sessions.append(ended.get());
                LOG.info("Charging point {}: session ended, {} Wh in {} s", settings.number(),
                        Math.round(ended.get().energyWattHour()), ended.get().duration().toSeconds());
            }
            boolean checkpoint = running && !clock.instant().isBefore(lastSessionSave.plusSeconds(60));
            if (ended.isPresent() || running != wasRunning || checkpoint) {
                sessions.save(settings.number(), tracker.state());
                lastSessionSave = clock.instant();
            }
        } catch (java.io.IOException e) {
            LOG.error("Charging point {}: session data could not be saved", settings.number(), e);
        }
    }

    private SessionInfo sessionInfo() {
        SessionState state = tracker.state();
        ChargingSession last = state.last();
        return new SessionInfo(state.running() == null ? null : state.running().start(),
                state.running() == null ? 0 : state.running().energyWattHour(),
                last == null ? null : last.start(), last == null ? null : last.end(),
                last == null ? 0 : last.energyWattHour(), state.totalWattHour());
    }

    /** The highest phase current, or the total where only that is measured; NaN when not measured. */
    private static double highestPhase(ChargerSnapshot snapshot) {
        PhaseValues current = snapshot.currentAmpere();
        if (current.perPhaseMeasured()) {
            return Math.max(current.l1(), Math.max(current.l2(), current.l3()));
        }
        return current.total();
    }

    private static String hex(List<Long> codes) {
        return codes.stream().map(c -> String.format("0x%X", c)).reduce((a, b) -> a + " " + b).orElse("");
    }
}
