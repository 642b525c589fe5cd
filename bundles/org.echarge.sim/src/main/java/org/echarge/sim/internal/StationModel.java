package org.echarge.sim.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One SIM-1 station (README.md): IEC 61851 state, current limit with watchdog and fail-safe
 * current, the plugged vehicle's draw, mains voltage, temperature and energy counters. Time comes
 * only from the injected clock; {@link #tick()} integrates up to its now. Thread-safe: Modbus
 * handler threads write while the simulation thread ticks.
 */
final class StationModel {

    static final int MIN_LIMIT_DECI_AMPERE = 60;
    /** Register 24..26 carry mA in a u16. */
    static final int MAX_LIMIT_DECI_AMPERE = 630;
    /** Vehicles draw slightly less than they are allowed. */
    static final double DRAW_RATIO = 0.95;
    static final double AMBIENT_CELSIUS = 22;
    private static final double HEATING_CELSIUS_PER_AMPERE = 0.12;
    private static final double THERMAL_TIME_CONSTANT_SECONDS = 600;

    private final Clock clock;
    private final int phases;
    private final int maxLimitDeciAmpere;
    private final double[] voltageVolt = new double[3];
    private Instant lastTick;
    private Instant lastLimitWrite;
    /** Until the first write a vehicle waits in B, or gets the fail-safe current once the watchdog expires. */
    private int limitDeciAmpere;
    private int failsafeDeciAmpere = MIN_LIMIT_DECI_AMPERE;
    private int watchdogSeconds;
    private boolean enabled = true;
    private boolean lockReleased;
    private int errorCode;
    private Vehicle vehicle;
    private double energyWattHour;
    private double sessionEnergyWattHour;
    private double temperatureCelsius = AMBIENT_CELSIUS;

    StationModel(Clock clock, int phases, int maxLimitDeciAmpere, int watchdogSeconds) {
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("a station is wired for 1 or 3 phases, not " + phases);
        }
        if (maxLimitDeciAmpere < MIN_LIMIT_DECI_AMPERE || maxLimitDeciAmpere > MAX_LIMIT_DECI_AMPERE) {
            throw new IllegalArgumentException("maximum current " + maxLimitDeciAmpere / 10.0 + " A is not 6..63 A");
        }
        this.clock = clock;
        this.phases = phases;
        this.maxLimitDeciAmpere = maxLimitDeciAmpere;
        this.watchdogSeconds = watchdogSeconds;
        this.lastTick = clock.instant();
        this.lastLimitWrite = lastTick;
        sampleVoltages(lastTick);
    }

    synchronized void plugIn(Vehicle arriving) {
        tick();
        if (vehicle != null) {
            throw new IllegalStateException(vehicle.name() + " is still plugged in");
        }
        vehicle = arriving;
        sessionEnergyWattHour = 0;
        lockReleased = false;
    }

    /** The vehicle leaves; its session energy stays readable until the next one plugs in. */
    synchronized void unplug() {
        tick();
        vehicle = null;
    }

    /** Register 100: 0 or 60 up to the maximum. An accepted write, also of the same value, feeds the watchdog. */
    synchronized boolean writeLimit(int deciAmpere) {
        if (!validLimit(deciAmpere)) {
            return false;
        }
        tick();
        limitDeciAmpere = deciAmpere;
        lastLimitWrite = clock.instant();
        return true;
    }

    /** Register 101: 1 enabled, 0 paused. */
    synchronized boolean writeEnabled(int value) {
        if (value != 0 && value != 1) {
            return false;
        }
        tick();
        enabled = value == 1;
        return true;
    }

    /** Register 102: watchdog timeout in s, 0 = off. */
    synchronized boolean writeWatchdogSeconds(int seconds) {
        if (seconds < 0 || seconds > 0xFFFF) {
            return false;
        }
        tick();
        watchdogSeconds = seconds;
        return true;
    }

    /** Register 103: fail-safe current, same range as the limit. */
    synchronized boolean writeFailsafeDeciAmpere(int deciAmpere) {
        if (!validLimit(deciAmpere)) {
            return false;
        }
        tick();
        failsafeDeciAmpere = deciAmpere;
        return true;
    }

    /** Register 104: releases the cable lock until the next vehicle plugs in; refused while charging. */
    synchronized boolean writeUnlock(int value) {
        tick();
        if (value != 1 || drawing(clock.instant())) {
            return false;
        }
        lockReleased = true;
        return true;
    }

    /** The station fails (state F, status error) until {@link #clearFault()}. */
    synchronized void fault(int code) {
        if (code <= 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("error code " + code);
        }
        tick();
        errorCode = code;
    }

    synchronized void clearFault() {
        tick();
        errorCode = 0;
    }

    /** Integrates energy and temperature from the last tick to the clock's now. */
    synchronized void tick() {
        Instant now = clock.instant();
        if (!now.isAfter(lastTick)) {
            return;
        }
        Instant expiry = lastLimitWrite.plusSeconds(watchdogSeconds);
        if (watchdogSeconds > 0 && expiry.isAfter(lastTick) && expiry.isBefore(now)) {
            advance(expiry); // the current drops to the fail-safe value right there, not at the next tick
        }
        advance(now);
    }

    /** Constant draw from the last tick to {@code to}: the values in force at the last tick held. */
    private void advance(Instant to) {
        double seconds = Duration.between(lastTick, to).toNanos() / 1e9;
        double watt = 0;
        double ampere = 0;
        for (int phase = 0; phase < 3; phase++) {
            watt += voltageVolt[phase] * currentAmpere(phase, lastTick);
            ampere += currentAmpere(phase, lastTick);
        }
        double wattHour = watt * seconds / 3600;
        if (vehicle != null) {
            wattHour = Math.min(wattHour, vehicle.energyWantedWattHour() - sessionEnergyWattHour); // battery full
            sessionEnergyWattHour += wattHour;
        }
        energyWattHour += wattHour;
        double target = AMBIENT_CELSIUS + HEATING_CELSIUS_PER_AMPERE * ampere;
        temperatureCelsius += (target - temperatureCelsius) * (1 - Math.exp(-seconds / THERMAL_TIME_CONSTANT_SECONDS));
        lastTick = to;
        sampleVoltages(to);
    }

    /** Voltages hold from one tick to the next; a phase the station lacks has 0 V. */
    private void sampleVoltages(Instant at) {
        for (MainsPhase phase : MainsPhase.values()) {
            voltageVolt[phase.ordinal()] = phase.ordinal() < phases
                    ? phase.voltageVolt(at, currentAmpere(phase.ordinal(), at))
                    : 0;
        }
    }

    private boolean validLimit(int deciAmpere) {
        return deciAmpere == 0 || (deciAmpere >= MIN_LIMIT_DECI_AMPERE && deciAmpere <= maxLimitDeciAmpere);
    }

    private boolean failsafe(Instant at) {
        return watchdogSeconds > 0 && !at.isBefore(lastLimitWrite.plusSeconds(watchdogSeconds));
    }

    private int limitInForceDeciAmpere(Instant at) {
        return failsafe(at) ? failsafeDeciAmpere : limitDeciAmpere;
    }

    private boolean drawing(Instant at) {
        return vehicle != null && errorCode == 0 && enabled && limitInForceDeciAmpere(at) >= MIN_LIMIT_DECI_AMPERE
                && sessionEnergyWattHour < vehicle.energyWantedWattHour();
    }

    /** A 1-phase station or a 1-phase vehicle loads L1 only. */
    private double currentAmpere(int phase, Instant at) {
        if (!drawing(at) || phase >= Math.min(phases, vehicle.phases())) {
            return 0;
        }
        return DRAW_RATIO * Math.min(limitInForceDeciAmpere(at) / 10.0, vehicle.maxCurrentAmpere());
    }

    synchronized IecState iecState() {
        Instant now = clock.instant();
        if (errorCode != 0) {
            return IecState.F;
        }
        if (vehicle == null) {
            return IecState.A;
        }
        if (!drawing(now)) {
            return IecState.B;
        }
        return vehicle.ventilation() ? IecState.D : IecState.C;
    }

    synchronized StationStatus status() {
        Instant now = clock.instant();
        if (errorCode != 0) {
            return StationStatus.ERROR;
        }
        if (!enabled) {
            return StationStatus.PAUSED;
        }
        if (failsafe(now)) {
            return StationStatus.FAILSAFE;
        }
        return drawing(now) ? StationStatus.CHARGING : StationStatus.READY;
    }

    synchronized int limitInForceDeciAmpere() {
        return limitInForceDeciAmpere(clock.instant());
    }

    synchronized double currentAmpere(int phase) {
        return currentAmpere(phase, clock.instant());
    }

    synchronized double voltageVolt(int phase) {
        return voltageVolt[phase];
    }

    synchronized double powerWatt(int phase) {
        return voltageVolt[phase] * currentAmpere(phase);
    }

    synchronized double powerWatt() {
        return powerWatt(0) + powerWatt(1) + powerWatt(2);
    }

    /** Lifetime energy up to the last tick; fractions of a Wh are kept. */
    synchronized double energyWattHour() {
        return energyWattHour;
    }

    synchronized double sessionEnergyWattHour() {
        return sessionEnergyWattHour;
    }

    synchronized double temperatureCelsius() {
        return temperatureCelsius;
    }

    synchronized int errorCode() {
        return errorCode;
    }

    synchronized boolean plugged() {
        return vehicle != null;
    }

    /** The plugged vehicle's card, 0 when none. */
    synchronized long rfid() {
        return vehicle == null ? 0 : vehicle.rfid();
    }

    synchronized String evccId() {
        return vehicle == null ? "" : vehicle.evccId();
    }

    synchronized int limitDeciAmpere() {
        return limitDeciAmpere;
    }

    synchronized boolean enabled() {
        return enabled;
    }

    synchronized int watchdogSeconds() {
        return watchdogSeconds;
    }

    synchronized int failsafeDeciAmpere() {
        return failsafeDeciAmpere;
    }

    synchronized boolean lockReleased() {
        return lockReleased;
    }
}
