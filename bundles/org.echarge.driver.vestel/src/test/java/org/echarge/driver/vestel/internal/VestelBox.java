package org.echarge.driver.vestel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * A simulated Vestel EVC04 as the fact sheet (sections 6 and 12) describes one, written from its register table,
 * not from the driver's enum:
 * <ul>
 * <li>input registers 100..1516 answer function 4 only, holding registers 405, 2000, 2002, 5004, 6000 function 3
 * (written with 6 or 16); an address the box does not have, a read spanning a gap between registers, or a register
 * of the other table is exception 2; a value it does not take is exception 3. Text is one character per
 * register;</li>
 * <li>one Modbus master at a time ({@link #connect()} refuses a second connection while one is open);</li>
 * <li>watchdog: from the first master on, the box checks the alive register (6000) every failsafe timeout / 2, never
 * more often than every 3 s: a 1 is reset to 0; if it stayed 0 until the failsafe timeout is over, the box enters
 * failsafe: it drops the master's connection and charges with the failsafe current (2000). It leaves failsafe when a
 * master writes the charging current (5004) again (not documented: the gentlest reading of "failsafe current becomes
 * active"; the driver writes alive and setpoint after a lapse, so either reading is served);</li>
 * <li>5004 = 0 pauses (SuspendedEVSE) and reads back the hardware minimum (1102), never 0 (evcc issue 10527);</li>
 * <li>405 (phase switch, firmware 3.187.0 on) goes back to its default (404) when the master's connection ends and
 * cannot be 1 on a 1-phase installation (404 = 0);</li>
 * <li>a car plugged in passes Preparing for {@link #PREPARING}, then Charging (2, 1001 = 1) while at least 6 A are
 * offered, SuspendedEVSE (3) below, SuspendedEV (4) when full. It draws min(offered, its maximum) on its phases at
 * 230 V; energy integrates over the injected clock.</li>
 * </ul>
 * Thread-safe: connection threads read and write while tests move time.
 */
final class VestelBox {

    static final double VOLT = 230;
    static final Duration PREPARING = Duration.ofSeconds(3);
    static final int HARDWARE_MIN_AMPERE = 6;
    private static final Duration SHORTEST_CHECK = Duration.ofSeconds(3);
    private static final VestelFirmware PHASE_SWITCH_SINCE = VestelFirmware.parse("3.187.0").orElseThrow();

    /** Not ready yet: the installation, the box's settings and its identification. */
    record Settings(String brand, String model, String serialNumber, String firmware, boolean packedText,
            boolean threePhase, int evseMaxAmpere, int cableMaxAmpere, int failsafeAmpere, int failsafeSeconds) {

        /** A 3-phase EVC04 with a socket, 32 A, failsafe 6 A after 20 s (Vestel's default), firmware 3.187.0. */
        static Settings evc04() {
            return new Settings("VESTEL", "EVC04", "EVC04A1234567", "v3.187.0-20240301", false, true, 32, 0, 6, 20);
        }

        Settings firmware(String version) {
            return new Settings(brand, model, serialNumber, version, packedText, threePhase, evseMaxAmpere,
                    cableMaxAmpere, failsafeAmpere, failsafeSeconds);
        }

        Settings failsafe(int ampere, int seconds) {
            return new Settings(brand, model, serialNumber, firmware, packedText, threePhase, evseMaxAmpere,
                    cableMaxAmpere, ampere, seconds);
        }

        /** Another device answering at the same addresses, with its texts packed two characters per register. */
        Settings foreign(String maker, String type) {
            return new Settings(maker, type, "0815", "1.2.3", true, threePhase, evseMaxAmpere, cableMaxAmpere,
                    failsafeAmpere, failsafeSeconds);
        }
    }

    /** A request the box answers with an exception. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private record Car(double maxAmpere, int phases, String rfid, Instant pluggedAt) {
    }

    private final Clock clock;
    private final Settings settings;
    private final VestelFirmware firmware;
    private final Map<Integer, Integer> refusals = new HashMap<>();
    private Instant lastTick;
    // holding registers
    private int phaseSwitch;
    private int failsafeAmpere;
    private int failsafeSeconds;
    private int setpointAmpere;
    private int alive;
    // watchdog and connections
    private boolean armed;
    private Instant nextCheck;
    private Instant aliveSeenAt;
    private boolean failsafe;
    private int failsafes;
    private Integer master;
    private int connections;
    private int refusedConnections;
    // the car and the meter
    private Car car;
    private boolean carFull;
    private long faultCode;
    private double energyWattHour;
    private double sessionWattHour;
    private Instant sessionStart;
    private Instant sessionEnd;

    VestelBox(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.firmware = VestelFirmware.parse(settings.firmware()).orElse(new VestelFirmware(0, 0, 0, ""));
        this.lastTick = clock.instant();
        this.energyWattHour = 1_234_500;
        powerOn();
    }

    // ---- the car and the installation ----

    synchronized void plugIn(double maxAmpere, int phases, String rfid) {
        tick();
        car = new Car(maxAmpere, phases, rfid, lastTick);
        carFull = false;
        sessionWattHour = 0;
        sessionStart = lastTick;
        sessionEnd = null;
    }

    synchronized void unplug() {
        tick();
        car = null;
        sessionEnd = lastTick;
    }

    synchronized void carFull(boolean full) {
        tick();
        carFull = full;
    }

    synchronized void fault(long code) {
        tick();
        faultCode = code;
    }

    /** A power cycle: settings from the configuration, the master's connection gone, no watchdog until the next. */
    synchronized void restart() {
        tick();
        dropMaster();
        powerOn();
    }

    /** Exception {@code code} to every request touching the address (0: answer again). */
    synchronized void refuse(int address, int code) {
        if (code == 0) {
            refusals.remove(address);
        } else {
            refusals.put(address, code);
        }
    }

    // ---- what tests observe ----

    synchronized boolean inFailsafe() {
        tick();
        return failsafe;
    }

    /** How often the box fell back to its failsafe current. */
    synchronized int failsafes() {
        tick();
        return failsafes;
    }

    synchronized double offeredAmpere() {
        tick();
        return offered();
    }

    synchronized int connections() {
        return connections;
    }

    synchronized int refusedConnections() {
        return refusedConnections;
    }

    // ---- the Modbus TCP side, for the server ----

    /** A new TCP connection: its id, or empty when a master is connected (the box takes one at a time). */
    synchronized OptionalInt connect() {
        tick();
        if (master != null) {
            refusedConnections++;
            return OptionalInt.empty();
        }
        master = ++connections;
        if (!armed) {
            armed = true;
            nextCheck = lastTick.plus(checkPeriod());
        }
        aliveSeenAt = lastTick;
        return OptionalInt.of(master);
    }

    /** The connection may still be served; false: the box dropped it (failsafe, restart). */
    synchronized boolean serves(int connection) {
        tick();
        return master != null && master == connection;
    }

    synchronized void disconnected(int connection) {
        if (master != null && master == connection) {
            dropMaster();
        }
    }

    synchronized int[] read(int function, int address, int count) throws Refused {
        tick();
        Map<Integer, Integer> table = function == 4 ? inputImage() : function == 3 ? holdingImage() : Map.of();
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            refuseIfAsked(address + i);
            Integer word = table.get(address + i);
            if (word == null) {
                throw new Refused(2, "function " + function + " has no register " + (address + i) + " (reading "
                        + count + " at " + address + ")");
            }
            words[i] = word;
        }
        return words;
    }

    synchronized void write(int address, int[] values) throws Refused {
        tick();
        for (int i = 0; i < values.length; i++) {
            refuseIfAsked(address + i);
            writeOne(address + i, values[i]);
        }
    }

    // ---- the box ----

    private void powerOn() {
        phaseSwitch = settings.threePhase() ? 1 : 0;
        failsafeAmpere = settings.failsafeAmpere();
        failsafeSeconds = settings.failsafeSeconds();
        setpointAmpere = settings.evseMaxAmpere();
        alive = 0;
        armed = false;
        failsafe = false;
    }

    private void writeOne(int address, int value) throws Refused {
        switch (address) {
            case 5004 -> {
                if (value != 0 && (value < HARDWARE_MIN_AMPERE || value > settings.evseMaxAmpere())) {
                    throw new Refused(3, "5004 takes 0 or " + HARDWARE_MIN_AMPERE + ".." + settings.evseMaxAmpere());
                }
                setpointAmpere = value;
                failsafe = false;
            }
            case 6000 -> {
                if (value > 1) {
                    throw new Refused(3, "6000 takes 0 or 1");
                }
                alive = value;
            }
            case 2000 -> {
                if (value != 0 && (value < HARDWARE_MIN_AMPERE || value > settings.evseMaxAmpere())) {
                    throw new Refused(3, "2000 takes 0 or " + HARDWARE_MIN_AMPERE + ".." + settings.evseMaxAmpere());
                }
                failsafeAmpere = value;
            }
            case 2002 -> failsafeSeconds = value;
            case 405 -> {
                if (!hasPhaseSwitch() || value > 1 || value == 1 && !settings.threePhase()) {
                    throw new Refused(hasPhaseSwitch() ? 3 : 2, "405 refuses " + value);
                }
                phaseSwitch = value;
            }
            default -> throw new Refused(2, "no holding register " + address);
        }
    }

    private void refuseIfAsked(int address) throws Refused {
        Integer code = refusals.get(address);
        if (code != null) {
            throw new Refused(code, "told to refuse " + address);
        }
    }

    private boolean hasPhaseSwitch() {
        return !firmware.isBefore(PHASE_SWITCH_SINCE);
    }

    private Duration failsafeTimeout() {
        return Duration.ofSeconds(failsafeSeconds);
    }

    private Duration checkPeriod() {
        Duration half = failsafeTimeout().dividedBy(2);
        return half.compareTo(SHORTEST_CHECK) < 0 ? SHORTEST_CHECK : half;
    }

    /** Runs the watchdog checks and integrates energy up to the clock's now, each check at its own time. */
    private void tick() {
        Instant now = clock.instant();
        while (armed && !nextCheck.isAfter(now)) {
            advance(nextCheck);
            check(nextCheck);
            nextCheck = nextCheck.plus(checkPeriod());
        }
        advance(now);
    }

    private void check(Instant at) {
        if (alive == 1) {
            alive = 0;
            aliveSeenAt = at;
        } else if (!failsafe && !Duration.between(aliveSeenAt, at).minus(failsafeTimeout()).isNegative()) {
            failsafe = true;
            failsafes++;
            dropMaster();
        }
    }

    /** The master's TCP connection ends: the box closes it (or it was closed); 405 goes back to its default. */
    private void dropMaster() {
        master = null;
        phaseSwitch = settings.threePhase() ? 1 : 0;
    }

    private void advance(Instant to) {
        if (!to.isAfter(lastTick)) {
            return;
        }
        double hours = Duration.between(lastTick, to).toNanos() / 3.6e12;
        double watt = 0;
        for (int phase = 0; phase < 3; phase++) {
            watt += ampere(lastTick, phase) * VOLT;
        }
        energyWattHour += watt * hours;
        sessionWattHour += watt * hours;
        lastTick = to;
    }

    private double inForce() {
        return failsafe ? failsafeAmpere : setpointAmpere;
    }

    /** 1100: what the box offers the car, all limits combined; 0 without a car. */
    private int offered() {
        if (car == null) {
            return 0;
        }
        double limit = Math.min(inForce(), settings.evseMaxAmpere());
        if (settings.cableMaxAmpere() > 0) {
            limit = Math.min(limit, settings.cableMaxAmpere());
        }
        return (int) limit;
    }

    private int chargePointState(Instant at) {
        if (faultCode != 0) {
            return VestelStates.FAULTED;
        }
        if (car == null) {
            return VestelStates.AVAILABLE;
        }
        if (at.isBefore(car.pluggedAt().plus(PREPARING))) {
            return VestelStates.PREPARING;
        }
        if (offered() < HARDWARE_MIN_AMPERE) {
            return VestelStates.SUSPENDED_EVSE;
        }
        return carFull ? VestelStates.SUSPENDED_EV : VestelStates.CHARGING;
    }

    private double ampere(Instant at, int phase) {
        int phases = phaseSwitch == 0 ? 1 : car == null ? 0 : car.phases();
        boolean drawing = chargePointState(at) == VestelStates.CHARGING && phase < phases;
        return drawing ? Math.min(offered(), car.maxAmpere()) : 0;
    }

    private Map<Integer, Integer> holdingImage() {
        Words words = new Words();
        words.u16(2000, failsafeAmpere).u16(2002, failsafeSeconds)
                .u16(5004, setpointAmpere == 0 ? HARDWARE_MIN_AMPERE : setpointAmpere).u16(6000, alive);
        if (hasPhaseSwitch()) {
            words.u16(405, phaseSwitch);
        }
        return words.values;
    }

    private Map<Integer, Integer> inputImage() {
        Instant at = lastTick;
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        int state = chargePointState(at);
        Words words = new Words().text(100, 25, settings.serialNumber()).text(130, 50, "CP-" + settings.serialNumber())
                .text(190, 10, settings.brand()).text(210, 5, settings.model()).text(230, 50, settings.firmware())
                .u32(290, (local.getYear() % 100) * 10_000 + local.getMonthValue() * 100 + local.getDayOfMonth())
                .u32(294, hhmmss(at))
                .u32(400, (settings.threePhase() ? 3 : 1) * (long) VOLT * settings.evseMaxAmpere())
                .u16(404, settings.threePhase() ? 1 : 0)
                .u16(1000, state)
                .u16(1001, state == VestelStates.CHARGING ? 1 : 0)
                .u16(1002, 0)
                .u16(1004, cableState(state))
                .u32(1006, faultCode);
        double totalWatt = 0;
        for (int phase = 0; phase < 3; phase++) {
            double ampere = ampere(at, phase);
            totalWatt += ampere * VOLT;
            words.u16(1008 + 2 * phase, Math.round(ampere * 1000)).u16(1014 + 2 * phase, (long) VOLT)
                    .u32(1024 + 4 * phase, Math.round(ampere * VOLT));
        }
        words.u32(1020, Math.round(totalWatt))
                .u32(1036, (long) (energyWattHour / 100))
                .u16(1100, offered())
                .u16(1102, HARDWARE_MIN_AMPERE)
                .u16(1104, settings.evseMaxAmpere())
                .u16(1106, settings.cableMaxAmpere())
                .u32(1502, (long) sessionWattHour)
                .u32(1504, sessionStart == null ? 0 : hhmmss(sessionStart))
                .u32(1508, sessionStart == null ? 0
                        : Duration.between(sessionStart, sessionEnd == null ? at : sessionEnd).toSeconds())
                .u32(1512, sessionEnd == null ? 0 : hhmmss(sessionEnd));
        if (!firmware.isBefore(VestelFirmware.RFID_SINCE)) {
            words.text(1516, 15, car == null || car.rfid() == null ? "" : car.rfid());
        }
        return words.values;
    }

    /** 1004: a tethered cable (cable maximum set) without a car is 1; the cable locks once the session started. */
    private int cableState(int chargePointState) {
        if (car == null) {
            return settings.cableMaxAmpere() > 0 ? 1 : 0;
        }
        return chargePointState == VestelStates.PREPARING ? 2 : 3;
    }

    private static long hhmmss(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return local.getHour() * 10_000L + local.getMinute() * 100L + local.getSecond();
    }

    /** Register words by address, big-endian; text one character per register (or packed, for a foreign device). */
    private final class Words {
        final Map<Integer, Integer> values = new HashMap<>();

        Words u16(int address, long value) {
            return put(address, RegisterType.U16.encode(value, WordOrder.HIGH_FIRST));
        }

        Words u32(int address, long value) {
            return put(address, RegisterType.U32.encode(value, WordOrder.HIGH_FIRST));
        }

        Words text(int address, int registers, String text) {
            if (settings.packedText()) {
                return put(address, RegisterText.encode(text, registers, RegisterText.ByteOrder.HIGH_FIRST));
            }
            int[] words = new int[registers];
            for (int i = 0; i < registers && i < text.length(); i++) {
                words[i] = text.charAt(i);
            }
            return put(address, words);
        }

        private Words put(int address, int[] words) {
            for (int i = 0; i < words.length; i++) {
                values.put(address + i, words[i]);
            }
            return this;
        }
    }
}
