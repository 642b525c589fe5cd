package org.echarge.driver.keba.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A simulated KeContact P30 as the fact sheet (sections 1 and 12) describes one, written from the
 * register table, not from the driver's enum:
 * <ul>
 * <li>charging state 1000 from car, enable (5014), error, car demand and current in force: no car 1,
 * disabled 5, too little current or car full 2, else charging 3, error 4;</li>
 * <li>cable state 1004: 0 (socket) or 3 (tethered cable) without car, 7 with car, 5 after unlocking;</li>
 * <li>failsafe: unless 5018 is written within the timeout (1602, 0 = off) the current in force
 * (1100) drops to the failsafe current (1600) and stays there until 5004 is written again;</li>
 * <li>5004 takes 6000..63000 mA, 5014 0/1, 5012 unlocks only while not charging; everything else
 * refused.</li>
 * </ul>
 * The car draws min(current in force, its maximum) on each of its phases at 230 V; energy integrates
 * over the injected clock. Thread-safe: Modbus handler threads read and write while tests move time.
 */
final class KebaStation {

    static final Set<Integer> READABLE = Set.of(1000, 1004, 1006, 1008, 1010, 1012, 1014, 1016, 1018, 1020, 1036,
            1040, 1042, 1044, 1046, 1100, 1110, 1500, 1502, 1550, 1552, 1600, 1602);
    static final Set<Integer> WRITABLE = Set.of(5004, 5010, 5012, 5014, 5016, 5018, 5020, 5050, 5052);
    static final int VOLT = 230;
    private static final int MIN_MILLIAMPERE = 6000;
    private static final int MAX_MILLIAMPERE = 63000;

    record Settings(long productCode, long serialNumber, long firmware, int hardwareMilliampere, boolean tetheredCable,
            int failsafeMilliampere, int failsafeTimeoutSeconds) {

        /** A c-series with cable, 32 A, meter and RFID reader, firmware 3.10.57, failsafe 6 A after 60 s. */
        static Settings p30c() {
            return new Settings(314_111, 22_512_345, 0x030A_3900L, 32_000, true, 6000, 60);
        }

        Settings productCode(long code) {
            return new Settings(code, serialNumber, firmware, hardwareMilliampere, tetheredCable, failsafeMilliampere,
                    failsafeTimeoutSeconds);
        }

        Settings failsafe(int milliampere, int timeoutSeconds) {
            return new Settings(productCode, serialNumber, firmware, hardwareMilliampere, tetheredCable, milliampere,
                    timeoutSeconds);
        }
    }

    private record Car(int maxMilliampere, int phases, long rfidTag) {
    }

    private final Clock clock;
    private final Settings settings;
    private Instant lastTick;
    private Instant lastHeartbeat;
    private boolean failsafeLatched;
    private int failsafeMilliampere;
    private int failsafeTimeoutSeconds;
    private int setpointMilliampere;
    private boolean enabled = true;
    private boolean unlocked;
    private int phaseSwitchSource;
    private long errorCode;
    private Car car;
    private boolean carFull;
    private boolean sessionStarted;
    private double energyWattHour;
    private double sessionWattHour;

    KebaStation(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.lastTick = clock.instant();
        this.lastHeartbeat = lastTick;
        this.failsafeMilliampere = settings.failsafeMilliampere();
        this.failsafeTimeoutSeconds = settings.failsafeTimeoutSeconds();
        this.setpointMilliampere = settings.hardwareMilliampere(); // after power-up: what the hardware allows
    }

    synchronized void plugIn(int maxMilliampere, int phases, long rfidTag) {
        tick();
        car = new Car(maxMilliampere, phases, rfidTag);
        carFull = false;
        unlocked = false;
        sessionStarted = false;
    }

    synchronized void unplug() {
        tick();
        car = null;
    }

    /** The car stops drawing (full, or its own timer): charging state 3 goes back to 2. */
    synchronized void carFull(boolean full) {
        tick();
        carFull = full;
    }

    synchronized void fault(long code) {
        tick();
        errorCode = code;
    }

    /** Integrates energy up to the clock's now; the failsafe takes over at its expiry, not at the next tick. */
    synchronized void tick() {
        Instant now = clock.instant();
        if (!now.isAfter(lastTick)) {
            return;
        }
        if (!failsafeLatched && failsafeTimeoutSeconds > 0) {
            Instant expiry = lastHeartbeat.plusSeconds(failsafeTimeoutSeconds);
            if (!expiry.isAfter(now)) {
                if (expiry.isAfter(lastTick)) {
                    advance(expiry);
                }
                failsafeLatched = true;
            }
        }
        advance(now);
        if (charging() && !sessionStarted) { // a KEBA session starts with charging, not with plugging in
            sessionStarted = true;
            sessionWattHour = 0;
        }
    }

    private void advance(Instant to) {
        double wattHour = powerMilliwatt() / 1000.0 * Duration.between(lastTick, to).toNanos() / 1e9 / 3600;
        energyWattHour += wattHour;
        sessionWattHour += wattHour;
        lastTick = to;
    }

    synchronized long read(int address) {
        tick();
        return switch (address) {
            case 1000 -> chargingState();
            case 1004 -> car == null ? (settings.tetheredCable() ? 3 : 0) : (unlocked ? 5 : 7);
            case 1006 -> errorCode;
            case 1008 -> currentMilliampere(0);
            case 1010 -> currentMilliampere(1);
            case 1012 -> currentMilliampere(2);
            case 1014 -> settings.serialNumber();
            case 1016 -> settings.productCode();
            case 1018 -> settings.firmware();
            case 1020 -> powerMilliwatt();
            case 1036 -> (long) (energyWattHour * 10);
            case 1040, 1042, 1044 -> charging() ? VOLT : 0;
            case 1046 -> charging() ? 990 : 0;
            case 1100 -> inForceMilliampere();
            case 1110 -> settings.hardwareMilliampere();
            case 1500 -> car == null || settings.productCode() % 10 != 1 ? 0 : car.rfidTag();
            case 1502 -> (long) (sessionWattHour * 10);
            case 1550 -> phaseSwitchSource;
            case 1552 -> 1;
            case 1600 -> failsafeMilliampere;
            case 1602 -> failsafeTimeoutSeconds;
            default -> throw new IllegalArgumentException("no readable register " + address);
        };
    }

    /** False: the station refuses the value and nothing changes. */
    synchronized boolean write(int address, int value) {
        tick();
        switch (address) {
            case 5004 -> {
                if (value < MIN_MILLIAMPERE || value > MAX_MILLIAMPERE) {
                    return false;
                }
                setpointMilliampere = value;
                failsafeLatched = false;
            }
            case 5010, 5020 -> {
                // energy limit and "persist failsafe settings": accepted, no effect on this simulation
            }
            case 5012 -> {
                if (charging() || car == null) {
                    return false;
                }
                unlocked = true;
            }
            case 5014 -> {
                if (value > 1) {
                    return false;
                }
                if (!enabled && value == 1) {
                    sessionStarted = false; // enabling again starts a new KEBA session
                }
                enabled = value == 1;
            }
            case 5016 -> {
                if (value != 0 && (value < MIN_MILLIAMPERE || value > MAX_MILLIAMPERE)) {
                    return false;
                }
                failsafeMilliampere = value;
            }
            case 5018 -> {
                failsafeTimeoutSeconds = value;
                lastHeartbeat = clock.instant();
            }
            case 5050 -> {
                if (!cSeries() || value > 3) {
                    return false; // the x-series sets the source in its web interface
                }
                phaseSwitchSource = value;
            }
            case 5052 -> {
                return phaseSwitchSource == 3 && value <= 1;
            }
            default -> throw new IllegalArgumentException("no writable register " + address);
        }
        return true;
    }

    synchronized boolean failsafeActive() {
        tick();
        return failsafe();
    }

    synchronized int inForceMilliampere() {
        return Math.min(failsafe() ? failsafeMilliampere : setpointMilliampere, settings.hardwareMilliampere());
    }

    private boolean failsafe() {
        return failsafeLatched || failsafeTimeoutSeconds > 0
                && !lastTick.isBefore(lastHeartbeat.plusSeconds(failsafeTimeoutSeconds));
    }

    private int chargingState() {
        if (errorCode != 0) {
            return 4;
        }
        if (car == null) {
            return 1;
        }
        if (!enabled) {
            return 5;
        }
        return carFull || inForceMilliampere() < MIN_MILLIAMPERE ? 2 : 3;
    }

    private boolean charging() {
        return chargingState() == 3;
    }

    private long currentMilliampere(int phase) {
        return charging() && phase < car.phases() ? Math.min(inForceMilliampere(), car.maxMilliampere()) : 0;
    }

    private long powerMilliwatt() {
        return (currentMilliampere(0) + currentMilliampere(1) + currentMilliampere(2)) * VOLT;
    }

    private boolean cSeries() {
        return settings.productCode() / 100 % 10 == 1;
    }
}
