package org.echarge.driver.schneider.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * A simulated EVlink Pro AC as the fact sheet (sections 9 and 12) describes one, written from its register
 * table, not from the driver's enum. Where the sources are silent ([?] in the fact sheet) it takes the
 * harder reading, so that a driver that copes with it copes with the station either way:
 * <ul>
 * <li>answers 1, 150, 1150 and 1212..1214, and the reserved blocks 2999..3222 and 4000..4079 (unmapped
 * registers there read 0xFFFF), with function 3 or 4; anything else is exception 2. Values of two or four
 * registers are low word first;</li>
 * <li>takes single-register writes (function 6, or 16 with one register) of 4000 (0, 1, 2), 4001 (only the
 * commands it models: 9 reboot, 40 set available, 41 set unavailable) and 4004 (0..32 A); everything else is
 * refused;</li>
 * <li>supervision of the remote controller, at each refresh (once per second): a 1 in 4000 is taken and
 * reset to 0. Once it took a 1 it follows the remote setpoint (4004); when no 1 arrives for the lifetime it
 * falls back to its degraded setpoint (4006 on this 3-phase station, 4005 on a 1-phase one) and forgets the
 * remote setpoint [?], until a 1 arrives again and 4004 is written again. 2 in 4000 switches the
 * supervision off: the remote setpoint holds without life bit. Before any master it runs on its degraded
 * setpoint (evcc's first test: full power without setpoint and life bit). A reboot forgets all of it;</li>
 * <li>4004 reads 99 while no car is plugged in, else the setpoint in force (the degraded one after a lapse)
 * [?];</li>
 * <li>state 1: 6 without car, 8 charging, 7 when the car is full, 3 while less than 6 A is in force (4 for the
 * car's reaction time when the current is withdrawn while it draws), 1 when set unavailable, 11 on a
 * fault.</li>
 * </ul>
 * The car draws min(current in force, its maximum) on each of its phases at 230 V; energy integrates over the
 * injected clock. Thread-safe: Modbus handler threads read and write while tests move time.
 */
final class SchneiderStation {

    static final double VOLT = 230;
    static final Duration REFRESH = Duration.ofSeconds(1);
    /** IEC 61851: the car stops drawing within a few seconds after the PWM is withdrawn. */
    static final Duration CAR_REACTION = Duration.ofSeconds(3);
    static final int NO_CHARGE = 99;
    private static final int MIN_PWM_AMPERE = 6;
    private static final Set<Integer> SINGLES = Set.of(1, 150, 1150, 1212, 1213, 1214);

    /** What the station is and what the installer set in eSetup. */
    record Settings(String commercialReference, RegisterText.ByteOrder textOrder, int[] firmware, int phases,
            int maxAmpere, int degraded1Phase, int degraded3Phase, int lifetimeSeconds, int lifeBitAtStart) {

        /** A 22 kW EVlink Pro AC, 3-phase, 32 A, degraded setpoints 10 A / 8 A, a lifetime of 2 s. */
        static Settings evlinkProAc() {
            return new Settings("EVB3S22N4", RegisterText.ByteOrder.HIGH_FIRST, new int[] {3, 4, 12}, 3, 32, 10, 8, 2,
                    0);
        }

        Settings commercialReference(String reference) {
            return new Settings(reference, textOrder, firmware, phases, maxAmpere, degraded1Phase, degraded3Phase,
                    lifetimeSeconds, lifeBitAtStart);
        }

        Settings lifetime(int seconds) {
            return new Settings(commercialReference, textOrder, firmware, phases, maxAmpere, degraded1Phase,
                    degraded3Phase, seconds, lifeBitAtStart);
        }

        Settings lifeBitDeactivated() {
            return new Settings(commercialReference, textOrder, firmware, phases, maxAmpere, degraded1Phase,
                    degraded3Phase, lifetimeSeconds, 2);
        }
    }

    private record Car(double maxAmpere, int phases) {
    }

    private final Clock clock;
    private final Settings settings;
    private final Instant startedAt;
    private final Set<Integer> refused = new HashSet<>();
    private final List<String> writes = new ArrayList<>();
    private final double[] energyWattHour = new double[3];
    private Instant lastTick;
    private int lifeBit;
    private boolean remoteActive;
    private Instant lastSeen;
    private Integer remoteSetpoint;
    private int lapses;
    private boolean available = true;
    private boolean fault;
    private Car car;
    private boolean carFull;
    private boolean drawing;
    private Instant pwmWithdrawnAt;
    private Instant pluggedAt;
    private Instant contactorClosedAt;
    private double sessionWattHour;
    private int lastStopCause;

    SchneiderStation(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.startedAt = clock.instant();
        this.lastTick = startedAt;
        boot();
    }

    synchronized void plugIn(double maxAmpere, int phases) {
        tick();
        car = new Car(maxAmpere, phases);
        carFull = false;
        pluggedAt = lastTick;
        sessionWattHour = 0;
        update();
    }

    synchronized void unplug() {
        tick();
        car = null;
        lastStopCause = 2; // EV disconnected
        update();
    }

    /** The car stops asking (full, or its own timer): 8 goes to 7. */
    synchronized void carFull(boolean full) {
        tick();
        carFull = full;
        update();
    }

    synchronized void fault(boolean present) {
        tick();
        fault = present;
        update();
    }

    /** Power cut or command 9: the remote controller, its setpoint and the life bit are forgotten. */
    synchronized void restart() {
        tick();
        boot();
        update();
    }

    /** Fault injection: requests touching this register are answered with exception 2. */
    synchronized void refuse(int address, boolean refuse) {
        if (refuse) {
            refused.add(address);
        } else {
            refused.remove(address);
        }
    }

    synchronized int lapses() {
        tick();
        return lapses;
    }

    synchronized double inForceAmpere() {
        tick();
        return inForce();
    }

    /** Writes the station took, "address=value". */
    synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    /** The words of {@code count} registers from {@code address}; refused reads throw IllegalArgumentException. */
    synchronized int[] read(int address, int count) {
        tick();
        Map<Integer, Integer> image = image();
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int a = address + i;
            if (!mapped(a) || refused.contains(a)) {
                throw new IllegalArgumentException("the station refuses reading " + count + " at " + address);
            }
            words[i] = image.getOrDefault(a, 0xFFFF);
        }
        return words;
    }

    /** One write request; false: refused (exception 2), nothing changes. */
    synchronized boolean write(int address, int[] words) {
        tick();
        if (words.length != 1 || refused.contains(address)) {
            return false;
        }
        int value = words[0];
        boolean taken = switch (address) {
            case 4000 -> value <= 2 && setLifeBit(value);
            case 4001 -> command(value);
            case 4004 -> value <= settings.maxAmpere() && setSetpoint(value);
            default -> false;
        };
        if (taken) {
            writes.add(address + "=" + value);
            update();
        }
        return taken;
    }

    static boolean mapped(int address) {
        return SINGLES.contains(address) || address >= 2999 && address <= 3222 || address >= 4000 && address <= 4079;
    }

    private void boot() {
        lifeBit = settings.lifeBitAtStart();
        remoteActive = lifeBit == 2;
        lastSeen = null;
        remoteSetpoint = null;
    }

    private boolean setLifeBit(int value) {
        lifeBit = value;
        if (value == 2) {
            remoteActive = true; // no supervision: the remote setpoint holds as it is
        }
        return true;
    }

    private boolean setSetpoint(int ampere) {
        remoteSetpoint = ampere;
        return true;
    }

    private boolean command(int value) {
        switch (value) {
            case 9 -> boot();
            case 40 -> available = true;
            case 41 -> available = false;
            default -> {
                return false; // 3 stop, 7 suspend, 8 restart: not modelled
            }
        }
        return true;
    }

    /** Integrates energy up to now, supervising the life bit at every refresh on the way. */
    private void tick() {
        Instant now = clock.instant();
        long seconds = Duration.between(startedAt, lastTick).toSeconds();
        Instant refresh = startedAt.plus(REFRESH.multipliedBy(seconds + 1));
        while (!refresh.isAfter(now)) {
            advance(refresh);
            supervise(refresh);
            refresh = refresh.plus(REFRESH);
        }
        advance(now);
    }

    private void supervise(Instant at) {
        if (lifeBit == 1) {
            lifeBit = 0;
            lastSeen = at;
            remoteActive = true;
        } else if (lifeBit == 0 && remoteActive && lastSeen != null
                && !at.isBefore(lastSeen.plusSeconds(settings.lifetimeSeconds()))) {
            remoteActive = false;
            remoteSetpoint = null;
            lapses++;
        }
        update();
    }

    private void advance(Instant to) {
        if (!to.isAfter(lastTick)) {
            return;
        }
        double hours = Duration.between(lastTick, to).toNanos() / 3.6e12;
        for (int phase = 0; phase < 3; phase++) {
            double wattHour = ampere(phase) * VOLT * hours;
            energyWattHour[phase] += wattHour;
            sessionWattHour += wattHour;
        }
        lastTick = to;
    }

    private double inForce() {
        double setpoint = remoteActive && remoteSetpoint != null ? remoteSetpoint
                : settings.phases() == 1 ? settings.degraded1Phase() : settings.degraded3Phase();
        return Math.min(setpoint, settings.maxAmpere());
    }

    private int evState() {
        if (fault) {
            return 11;
        }
        if (!available) {
            return 1;
        }
        if (car == null) {
            return 6;
        }
        if (inForce() < MIN_PWM_AMPERE) {
            return pwmWithdrawnAt != null && lastTick.isBefore(pwmWithdrawnAt.plus(CAR_REACTION)) ? 4 : 3;
        }
        return carFull ? 7 : 8;
    }

    private int ocppStatus() {
        return switch (evState()) {
            case 11 -> 9;
            case 1 -> 8;
            case 6 -> 1;
            case 8 -> 3;
            case 7 -> 4;
            default -> 5;
        };
    }

    /** After any change: a car that drew and lost the current passes state 4. */
    private void update() {
        int state = evState();
        boolean withdrawn = state == 3 || state == 4;
        if (drawing && withdrawn && pwmWithdrawnAt == null) {
            pwmWithdrawnAt = lastTick;
        } else if (!withdrawn) {
            pwmWithdrawnAt = null;
        }
        boolean nowDrawing = state == 8;
        if (nowDrawing && !drawing) {
            contactorClosedAt = lastTick;
        } else if (!nowDrawing) {
            contactorClosedAt = null;
        }
        drawing = nowDrawing;
    }

    private double ampere(int phase) {
        return evState() == 8 && phase < Math.min(car.phases(), settings.phases()) ? Math.min(inForce(), car.maxAmpere())
                : 0;
    }

    private Map<Integer, Integer> image() {
        Words words = new Words();
        double sumAmpere = 0;
        double sumKilowatt = 0;
        for (int phase = 0; phase < 3; phase++) {
            double ampere = ampere(phase);
            double kilowatt = ampere * VOLT / 1000;
            sumAmpere += ampere;
            sumKilowatt += kilowatt;
            words.put(2999 + 2 * phase, RegisterType.F32, ampere)
                    .put(3027 + 2 * phase, RegisterType.F32, phase < settings.phases() ? VOLT : 0)
                    .put(3053 + 2 * phase, RegisterType.F32, kilowatt);
        }
        double energy = energyWattHour[0] + energyWattHour[1] + energyWattHour[2];
        long since = pluggedAt == null || car == null ? 0 : Duration.between(pluggedAt, lastTick).toSeconds();
        long contactor = contactorClosedAt == null ? 0 : Duration.between(contactorClosedAt, lastTick).toSeconds();
        int[] firmware = settings.firmware();
        words.put(1, RegisterType.U16, evState())
                .put(150, RegisterType.U16, ocppStatus())
                .put(1150, RegisterType.U16, car == null ? 0 : 1)
                .put(1212, RegisterType.U16, firmware[0])
                .put(1213, RegisterType.U16, firmware[1])
                .put(1214, RegisterType.U16, firmware[2])
                .put(3009, RegisterType.F32, sumAmpere / 3)
                .put(3059, RegisterType.F32, sumKilowatt)
                .put(3203, RegisterType.U64, Math.floor(energy))
                .put(4000, RegisterType.U16, lifeBit)
                .put(4001, RegisterType.U16, 0)
                .put(4002, RegisterType.U32, 0)
                .put(4004, RegisterType.U16, car == null ? NO_CHARGE : (int) inForce())
                .put(4005, RegisterType.U16, settings.degraded1Phase())
                .put(4006, RegisterType.U16, settings.degraded3Phase())
                .put(4007, RegisterType.U32, contactor)
                .put(4009, RegisterType.U32, since)
                .put(4011, RegisterType.U16, lastStopCause)
                .put(4012, RegisterType.U32, Math.floor(sessionWattHour))
                .put(4020, RegisterType.U32, fault ? 0x0002 : 0) // which bits mean what is not in the sources
                .put(4022, RegisterType.U32, fault ? 0x0400 : 0)
                .text(4060, 10, settings.commercialReference(), settings.textOrder());
        // 4040 (model) stays unmapped: the sources do not say how it is encoded
        return words.values;
    }

    /** Register words by address, low word first as the station sends them. */
    private static final class Words {
        final Map<Integer, Integer> values = new HashMap<>();

        Words put(int address, RegisterType type, double value) {
            int[] encoded = type.encode(value, WordOrder.LOW_FIRST);
            for (int i = 0; i < encoded.length; i++) {
                values.put(address + i, encoded[i]);
            }
            return this;
        }

        Words text(int address, int registers, String text, RegisterText.ByteOrder order) {
            int[] encoded = RegisterText.encode(text, registers, order);
            for (int i = 0; i < registers; i++) {
                values.put(address + i, encoded[i]);
            }
            return this;
        }
    }
}
