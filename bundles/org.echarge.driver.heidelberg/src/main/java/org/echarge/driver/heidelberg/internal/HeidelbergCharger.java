package org.echarge.driver.heidelberg.internal;

import static org.echarge.driver.heidelberg.internal.HeidelbergRegisters.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.driver.heidelberg.internal.HeidelbergRegisters.Block;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Heidelberg Energy Control on the RS485 line. The first poll checks the register layout and the current range
 * before anything is written, then switches standby off, sets the watchdog and releases a remote lock. Every poll is
 * two requests (live registers, current in force), which also feeds the box's watchdog; a current in force that
 * differs from the one written (failsafe current after a watchdog lapse, a restarted box) is written again.
 * Not thread-safe: the runtime calls it from one thread at a time.
 */
final class HeidelbergCharger implements Charger {

    /** evcc issues 2286 and 5060: after F (watchdog lapse, remote lock) the box needs about 10 s to come back. */
    static final Duration RECOVERY = Duration.ofSeconds(10);
    static final int STANDBY_OFF = 4;
    static final int UNLOCKED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(HeidelbergCharger.class);

    /** What the first poll learns about the box; currents in A as the DIP switches set them. */
    private record Identity(HeidelbergLayout layout, int minAmpere, int maxAmpere, String serialNumber,
            String firmware) {
    }

    private final ChargerModel model;
    private final ModbusClient modbus;
    private final Clock clock;
    private final HeidelbergTiming timing;
    private final String name;
    private Identity identity;
    private Integer writtenDeciampere;
    private boolean vehicle;
    private Instant lastAnswer;
    private boolean clampLogged;
    private boolean restoreLogged;

    HeidelbergCharger(ChargerModel model, ModbusClient modbus, Clock clock, HeidelbergTiming timing, String name) {
        this.model = model;
        this.modbus = modbus;
        this.clock = clock;
        this.timing = timing;
        this.name = name;
    }

    @Override
    public ChargerModel model() {
        return model;
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        Duration silence = lastAnswer == null ? Duration.ZERO : Duration.between(lastAnswer, clock.instant());
        Identity box = identity();
        if (silence.compareTo(timing.watchdog()) > 0) {
            LOG.warn("{}: no request for {} s, longer than its watchdog ({} s): it went to F and needs about {} s"
                    + " to come back", name, silence.toMillis() / 1000.0, timing.watchdog().toMillis() / 1000.0,
                    RECOVERY.toSeconds());
        }
        Instant now = clock.instant();
        Block live = readInput(CHARGING_STATE, polledCount(box.layout()));
        int inForce = keepSetpoint((int) readHolding(MAX_CURRENT, 1).raw(MAX_CURRENT));
        long state = live.raw(CHARGING_STATE);
        vehicle = HeidelbergStates.vehicleConnected(state).orElse(vehicle); // E/F/error say nothing about the car
        ChargerSnapshot.Builder snapshot = ChargerSnapshot.builder(now, HeidelbergStates.map(state))
                .vehicle(vehicle, HeidelbergStates.charging(state))
                .setpointAmpere(MAX_CURRENT.scaled(inForce))
                .currentAmpere(PhaseValues.of(live.value(CURRENT_L1), live.value(CURRENT_L2), live.value(CURRENT_L3)))
                .temperatureCelsius(live.value(PCB_TEMPERATURE))
                .identity(box.serialNumber(), box.firmware())
                .errorCodes(HeidelbergStates.errorCodes(state));
        if (POWER.existsIn(box.layout())) {
            snapshot.powerWatt(PhaseValues.totalOnly(live.value(POWER)));
        }
        if (ENERGY_TOTAL.existsIn(box.layout())) {
            // 15..16 (since power-on) restarts with every power cut: no lifetime counter, so not reported
            snapshot.energyWattHour(PhaseValues.totalOnly(live.value(ENERGY_TOTAL)));
        }
        return snapshot.build();
    }

    /** 261 in 0.1 A; 0 stops charging (B1/C1) without ending the session: the model's pause is 0 A. */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        if (!(currentAmpere == 0
                || currentAmpere >= model.minCurrentAmpere() && currentAmpere <= model.maxCurrentAmpere())) {
            throw new IllegalArgumentException("an Energy Control takes 0 (pause) or " + model.minCurrentAmpere() + ".."
                    + model.maxCurrentAmpere() + " A, not " + currentAmpere);
        }
        int deciampere = withinHardware(identity(), MAX_CURRENT.toRaw(currentAmpere));
        write(MAX_CURRENT, deciampere);
        writtenDeciampere = deciampere;
    }

    @Override
    public void setPaused(boolean paused) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an Energy Control has no pause command; it pauses at 0 A (register 261)");
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an Energy Control starts charging when the car is plugged in; pause it at 0 A instead");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "an Energy Control cannot release the cable by Modbus");
    }

    @Override
    public void close() {
        modbus.close();
    }

    /** Checked once per connection (again after the box was unreachable), before any write. */
    private Identity identity() throws DeviceException {
        if (identity != null) {
            return identity;
        }
        long layoutRaw = readInput(LAYOUT_VERSION, 1).raw(LAYOUT_VERSION);
        HeidelbergLayout layout = new HeidelbergLayout((int) layoutRaw);
        if (!layout.energyControl()) {
            throw new DeviceException(Kind.WRONG_DEVICE, String.format(Locale.ROOT,
                    "%s: register 4 holds 0x%04X, not the register layout of an Energy Control (1.x.y)", name,
                    layoutRaw));
        }
        Block range = readInput(HARDWARE_MAX_CURRENT, 2);
        int max = (int) range.raw(HARDWARE_MAX_CURRENT);
        int min = (int) range.raw(HARDWARE_MIN_CURRENT);
        if (!(6 <= min && min <= max && max <= 32)) {
            throw new DeviceException(Kind.WRONG_DEVICE, name + ": registers 100/101 hold " + max + " / " + min
                    + " A, not the current range of an Energy Control");
        }
        prepare(readHolding(WATCHDOG_TIMEOUT, 3));
        String serialNumber = serialNumber();
        String variant = HARDWARE_VARIANT.existsIn(layout)
                ? Long.toString(readInput(HARDWARE_VARIANT, 1).raw(HARDWARE_VARIANT))
                : "-";
        String firmware = SOFTWARE_VERSION.existsIn(layout)
                ? Long.toString(readInput(SOFTWARE_VERSION, 1).raw(SOFTWARE_VERSION))
                : null;
        double failsafeAmpere = readHolding(FAILSAFE_CURRENT, 1).value(FAILSAFE_CURRENT);
        LOG.info("{}: register layout {}{}, software {}, hardware variant {}, {}..{} A, failsafe current {} A,"
                + " logistic string '{}'", name, layout,
                layout.atLeast(HeidelbergLayout.V1_0_7) ? "" : " (no energy counter before 1.0.7)", firmware,
                variant, min, max, failsafeAmpere, serialNumber);
        identity = new Identity(layout, min, max, serialNumber, firmware);
        return identity;
    }

    /**
     * Standby off (with standby on the box switches its Modbus side off when idle; evcc writes 4 at start-up), the
     * watchdog the driver serves (a box with the watchdog off would charge on forever without the gateway, one
     * shorter than a few polls would fall into F between them), remote lock released (a box left locked by an
     * earlier controller stays in F). Written only where the box differs.
     */
    private void prepare(Block control) throws DeviceException {
        long standby = control.raw(STANDBY_CONTROL);
        if (standby != STANDBY_OFF) {
            write(STANDBY_CONTROL, STANDBY_OFF);
            LOG.info("{}: standby switched off (258 was {})", name, standby);
        }
        long watchdog = control.raw(WATCHDOG_TIMEOUT);
        if (watchdog != timing.watchdogMillis()) {
            write(WATCHDOG_TIMEOUT, timing.watchdogMillis());
            LOG.info("{}: watchdog set to {} ms (257 was {}{})", name, timing.watchdogMillis(), watchdog,
                    watchdog == 0 ? ", off" : " ms");
        }
        if (control.raw(REMOTE_LOCK) != UNLOCKED) {
            write(REMOTE_LOCK, UNLOCKED);
            LOG.warn("{}: was remote-locked (259 = 0, state F); released, it needs about {} s to come back", name,
                    RECOVERY.toSeconds());
        }
    }

    /** The logistic string; a box that answers it with an exception simply has no serial number for the gateway. */
    private String serialNumber() throws DeviceException {
        try {
            Block text = readInput(LOGISTIC_STRING, LOGISTIC_STRING.count());
            String value = RegisterText.decode(text.words(), 0, LOGISTIC_STRING.count(),
                    RegisterText.ByteOrder.HIGH_FIRST);
            return value.isEmpty() ? null : value;
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            LOG.info("{}; reporting no serial number", e.getMessage());
            return null;
        }
    }

    /**
     * At most what the DIP switches allow (register 100; the box refuses more); below the box's minimum (101) the
     * driver pauses rather than charge above the limit it was given.
     */
    private int withinHardware(Identity box, int deciampere) {
        if (deciampere > box.maxAmpere() * 10) {
            if (!clampLogged) {
                LOG.info("{}: the DIP switches limit the box to {} A; writing that instead of {} A", name,
                        box.maxAmpere(), deciampere / 10.0);
                clampLogged = true;
            }
            return box.maxAmpere() * 10;
        }
        if (deciampere > 0 && deciampere < box.minAmpere() * 10) {
            LOG.warn("{}: {} A is below the box's minimum of {} A; pausing (0 A) instead", name, deciampere / 10.0,
                    box.minAmpere());
            return 0;
        }
        return deciampere;
    }

    /**
     * After a watchdog lapse the box holds its failsafe current (262) instead of what the gateway wrote, and a box
     * that restarted holds its default: the gateway's value is written again.
     */
    private int keepSetpoint(int inForce) throws DeviceException {
        if (writtenDeciampere == null || inForce == writtenDeciampere) {
            restoreLogged = false;
            return inForce;
        }
        if (!restoreLogged) {
            LOG.warn("{}: register 261 holds {} A instead of the {} A written (failsafe current after a watchdog"
                    + " lapse, or the box restarted); writing it again", name, inForce / 10.0,
                    writtenDeciampere / 10.0);
            restoreLogged = true;
        }
        write(MAX_CURRENT, writtenDeciampere);
        return writtenDeciampere;
    }

    private Block readInput(HeidelbergRegisters first, int count) throws DeviceException {
        try {
            Block block = new Block(first.address(), modbus.readInputRegisters(first.address(), count));
            lastAnswer = clock.instant();
            return block;
        } catch (ModbusException e) {
            throw failed(e, "reading " + describe(first, count));
        }
    }

    private Block readHolding(HeidelbergRegisters first, int count) throws DeviceException {
        try {
            Block block = new Block(first.address(), modbus.readHoldingRegisters(first.address(), count));
            lastAnswer = clock.instant();
            return block;
        } catch (ModbusException e) {
            throw failed(e, "reading " + describe(first, count));
        }
    }

    private void write(HeidelbergRegisters register, int raw) throws DeviceException {
        try {
            modbus.writeRegisters(register.address(), raw);
            lastAnswer = clock.instant();
        } catch (ModbusException e) {
            throw failed(e, "writing " + raw + " to " + register);
        }
    }

    private static String describe(HeidelbergRegisters first, int count) {
        return count == first.count() ? first.toString() : first.address() + ".." + (first.address() + count - 1);
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked and prepared again
        } else {
            lastAnswer = clock.instant(); // an exception response feeds the watchdog too
        }
        return new ModbusException(e.kind(), name + " " + what + ": " + e.getMessage(), e.exceptionCode());
    }
}
