package org.echarge.sim.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One simulated SIM-1 station: IEC 61851 states, current limit with watchdog and fail-safe,
 * the electrical values of the plugged vehicle and the energy counters. Time comes from the
 * injected clock; {@link #tick()} integrates energy up to now. Thread-safe.
 */
final class StationModel {

    static final int IEC_A = 1, IEC_B = 2, IEC_C = 3, IEC_D = 4;
    static final int STATUS_READY = 0, STATUS_CHARGING = 1, STATUS_PAUSED = 2, STATUS_FAILSAFE = 3;
    /** Vehicles draw slightly less than they are allowed. */
    static final double DRAW_RATIO = 0.95;
    private static final double[] VOLTAGE = {230.4, 229.7, 231.1};

    private final Clock clock;
    private final int phases;
    private final double maxCurrentAmpere;
    private Instant lastTick;
    private Instant lastLimitWrite;
    private int limitDeciAmpere = 60;
    private int failsafeDeciAmpere = 60;
    private int watchdogSeconds = 15;
    private boolean enabled = true;
    private Vehicle vehicle;
    private double vehicleEnergyWattHour;
    private double energyWattHour;
    private double sessionEnergyWattHour;
    private double temperatureCelsius = 22;

    StationModel(Clock clock, int phases, double maxCurrentAmpere, int watchdogSeconds) {
        this.clock = clock;
        this.phases = phases;
        this.maxCurrentAmpere = maxCurrentAmpere;
        this.watchdogSeconds = watchdogSeconds;
        this.lastTick = clock.instant();
        this.lastLimitWrite = lastTick;
    }

    synchronized void plugIn(Vehicle arriving) {
        tick();
        vehicle = arriving;
        vehicleEnergyWattHour = 0;
        sessionEnergyWattHour = 0;
    }

    synchronized void unplug() {
        tick();
        vehicle = null;
    }

    synchronized boolean plugged() {
        return vehicle != null;
    }

    /** Register 100. Returns false (and changes nothing) for values outside 0 and 60..max. */
    synchronized boolean writeLimit(int deciAmpere) {
        tick();
        boolean valid = deciAmpere == 0 || (deciAmpere >= 60 && deciAmpere <= maxCurrentAmpere * 10);
        if (valid) {
            limitDeciAmpere = deciAmpere;
            lastLimitWrite = clock.instant();
        }
        return valid;
    }

    synchronized void setEnabled(boolean value) {
        tick();
        enabled = value;
    }

    synchronized void setWatchdogSeconds(int seconds) {
        tick();
        watchdogSeconds = seconds;
    }

    synchronized boolean setFailsafeDeciAmpere(int deciAmpere) {
        if (deciAmpere != 0 && (deciAmpere < 60 || deciAmpere > maxCurrentAmpere * 10)) {
            return false;
        }
        failsafeDeciAmpere = deciAmpere;
        return true;
    }

    /** Releases the cable lock; refused while charging. */
    synchronized boolean unlock() {
        return !charging();
    }

    /** Integrates energy and temperature from the last tick to now. */
    synchronized void tick() {
        Instant now = clock.instant();
        double hours = Duration.between(lastTick, now).toNanos() / 3.6e12;
        if (hours <= 0) {
            return;
        }
        double watt = powerWatt(0) + powerWatt(1) + powerWatt(2);
        energyWattHour += watt * hours;
        if (vehicle != null) {
            sessionEnergyWattHour += watt * hours;
            vehicleEnergyWattHour += watt * hours;
        }
        double target = 22 + 0.35 * (currentAmpere(0) + currentAmpere(1) + currentAmpere(2));
        temperatureCelsius += (target - temperatureCelsius) * Math.min(1, hours * 3600 / 600);
        lastTick = now;
    }

    synchronized boolean failsafe() {
        return watchdogSeconds > 0 && Duration.between(lastLimitWrite, clock.instant()).toSeconds() >= watchdogSeconds;
    }

    synchronized double limitInForceAmpere() {
        return (failsafe() ? failsafeDeciAmpere : limitDeciAmpere) / 10.0;
    }

    synchronized boolean charging() {
        return vehicle != null && enabled && limitInForceAmpere() >= 6
                && vehicleEnergyWattHour < vehicle.energyWantedWattHour();
    }

    synchronized int iecState() {
        if (vehicle == null) {
            return IEC_A;
        }
        if (!charging()) {
            return IEC_B;
        }
        return vehicle.ventilation() ? IEC_D : IEC_C;
    }

    synchronized int status() {
        if (vehicle != null && !enabled) {
            return STATUS_PAUSED;
        }
        if (failsafe()) {
            return STATUS_FAILSAFE;
        }
        return charging() ? STATUS_CHARGING : STATUS_READY;
    }

    /** Current on phase 0..2 (L1..L3): a 1-phase station or vehicle loads L1 only. */
    synchronized double currentAmpere(int phase) {
        if (!charging() || phase >= Math.min(phases, vehicle.phases())) {
            return 0;
        }
        return DRAW_RATIO * Math.min(limitInForceAmpere(), vehicle.maxCurrentAmpere());
    }

    synchronized double voltage(int phase) {
        return phase < phases ? VOLTAGE[phase] : 0;
    }

    synchronized double powerWatt(int phase) {
        return voltage(phase) * currentAmpere(phase);
    }

    synchronized double energyWattHour() {
        return energyWattHour;
    }

    synchronized double sessionEnergyWattHour() {
        return sessionEnergyWattHour;
    }

    synchronized double temperatureCelsius() {
        return temperatureCelsius;
    }

    synchronized int limitDeciAmpere() {
        return limitDeciAmpere;
    }

    synchronized int failsafeDeciAmpere() {
        return failsafeDeciAmpere;
    }

    synchronized int watchdogSeconds() {
        return watchdogSeconds;
    }

    synchronized boolean enabled() {
        return enabled;
    }

    synchronized Vehicle vehicle() {
        return vehicle;
    }
}
