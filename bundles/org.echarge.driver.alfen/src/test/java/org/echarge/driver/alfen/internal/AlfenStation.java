package org.echarge.driver.alfen.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * A simulated Alfen Eve as Alfen's Modbus document (v2.3) and the fact sheet (sections 2 and 12)
 * describe one, written from the document's register table, not from the driver's enum:
 * <ul>
 * <li>unit 200 answers 100..178 (identification), 1100..1105 (station status) and 1400..1431 (SCN);
 * unit 1, and 2 on an Eve Double, answer 300..425 (measurements) and 1200..1215 (status and control).
 * A read outside those ranges is refused; a register without value reads 0xFFFF;</li>
 * <li>writable are 1210 (float32 A, both registers in one request, not negative, only with "Allow writing
 * maximum currents" and a safe current configured) and 1215 (1 or 3, only with "Allow 1- and 3-phased
 * charging"); everything else is refused;</li>
 * <li>validity: every write of 1210 restarts the validity time; 1208 counts down what is left. When it
 * runs out the socket falls back to the safe current (1212) and 1214 reads 0, until 1210 is written
 * again. A restart loses setpoint and validity: the socket starts on its safe current;</li>
 * <li>mode 3 state (1201): A without car (E as firmware 6.x, if so set), F on a fault; with a car B1
 * while less than 6 A is in force or the socket is inoperative, C1 for the car's reaction time when
 * the PWM is withdrawn while it draws, B2 when the car is full, else C2.</li>
 * </ul>
 * The car draws min(current in force, its maximum) on each of its phases at 230 V; energy integrates
 * over the injected clock. Thread-safe: Modbus handler threads read and write while tests move time.
 */
final class AlfenStation {

    static final int STATION_UNIT = 200;
    static final double VOLT = 230;
    /** IEC 61851: the car stops drawing within a few seconds after the PWM is withdrawn (C1, then B1). */
    static final Duration CAR_REACTION = Duration.ofSeconds(3);
    private static final double MIN_PWM_AMPERE = 6;
    private static final int[][] STATION_RANGES = {{100, 178}, {1100, 1105}, {1400, 1431}};
    private static final int[][] SOCKET_RANGES = {{300, 425}, {1200, 1215}};

    /** What the installer set in ACE, and what the station is. */
    record Settings(String manufacturer, String platform, int sockets, String serialNumber, String firmware,
            double stationMaxAmpere, double safeAmpere, int validitySeconds, boolean allowWriting, boolean allow1p3p,
            String idleState) {

        /** An Eve Single Pro-line, 32 A, safe current 6 A, validity 60 s (Alfen's default), firmware 6.4. */
        static Settings eveSingle() {
            return new Settings("Alfen NV", "NG910", 1, "ACE0123456", "6.4.0-4210", 32, 6, 60, true, false, "A");
        }

        static Settings eveDouble() {
            return new Settings("Alfen NV", "NG920", 2, "ACE0654321", "6.4.0-4210", 32, 6, 60, true, false, "A");
        }

        Settings identity(String maker, String platformType) {
            return new Settings(maker, platformType, sockets, serialNumber, firmware, stationMaxAmpere, safeAmpere,
                    validitySeconds, allowWriting, allow1p3p, idleState);
        }

        Settings validity(int seconds) {
            return new Settings(manufacturer, platform, sockets, serialNumber, firmware, stationMaxAmpere, safeAmpere,
                    seconds, allowWriting, allow1p3p, idleState);
        }

        Settings allowWriting(boolean allowed) {
            return new Settings(manufacturer, platform, sockets, serialNumber, firmware, stationMaxAmpere, safeAmpere,
                    validitySeconds, allowed, allow1p3p, idleState);
        }

        Settings idleState(String state) {
            return new Settings(manufacturer, platform, sockets, serialNumber, firmware, stationMaxAmpere, safeAmpere,
                    validitySeconds, allowWriting, allow1p3p, state);
        }
    }

    private record Car(double maxAmpere, int phases) {
    }

    private final Clock clock;
    private final Settings settings;
    private final List<Socket> sockets = new ArrayList<>();
    private Instant lastTick;
    private Instant startedAt;
    private int lapses;

    AlfenStation(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.lastTick = clock.instant();
        this.startedAt = lastTick;
        for (int number = 1; number <= settings.sockets(); number++) {
            sockets.add(new Socket());
        }
    }

    Settings settings() {
        return settings;
    }

    synchronized void plugIn(int socket, double maxAmpere, int phases) {
        tick();
        Socket s = socket(socket);
        s.car = new Car(maxAmpere, phases);
        s.carFull = false;
        s.update(lastTick);
    }

    synchronized void unplug(int socket) {
        tick();
        socket(socket).car = null;
        socket(socket).update(lastTick);
    }

    /** The car stops asking (full, or its own timer): C2 goes to B2. */
    synchronized void carFull(int socket, boolean full) {
        tick();
        socket(socket).carFull = full;
        socket(socket).update(lastTick);
    }

    synchronized void fault(int socket, boolean fault) {
        tick();
        socket(socket).fault = fault;
        socket(socket).update(lastTick);
    }

    /** 1200: set inoperative (e.g. by the back office) or operative again. */
    synchronized void operative(int socket, boolean operative) {
        tick();
        socket(socket).operative = operative;
        socket(socket).update(lastTick);
    }

    /** A reboot: "the maximum current and its remaining valid time are not saved". */
    synchronized void restart() {
        tick();
        startedAt = lastTick;
        for (Socket s : sockets) {
            s.setpoint = null;
            s.validUntil = null;
            s.update(lastTick);
        }
    }

    /** How often a setpoint ran out and a socket fell back to its safe current. */
    synchronized int lapses() {
        tick();
        return lapses;
    }

    synchronized double inForceAmpere(int socket) {
        tick();
        return socket(socket).inForce(lastTick);
    }

    /** Integrates energy up to the clock's now; a setpoint runs out at its expiry, not at the next tick. */
    synchronized void tick() {
        Instant now = clock.instant();
        if (!now.isAfter(lastTick)) {
            return;
        }
        for (Socket s : sockets) {
            Instant from = lastTick;
            if (s.validUntil != null && s.validUntil.isAfter(from) && !s.validUntil.isAfter(now)) {
                s.advance(from, s.validUntil);
                lapses++;
                s.update(s.validUntil);
                from = s.validUntil;
            }
            s.advance(from, now);
            s.update(now);
        }
        lastTick = now;
    }

    /** The words of a read; refuses ranges the unit does not serve. */
    synchronized int[] read(int unit, int address, int count) {
        tick();
        int[][] ranges = unit == STATION_UNIT ? STATION_RANGES : SOCKET_RANGES;
        boolean served = false;
        for (int[] range : ranges) {
            served |= address >= range[0] && address + count - 1 <= range[1];
        }
        if (!served || unit != STATION_UNIT && (unit < 1 || unit > sockets.size())) {
            throw new IllegalArgumentException("unit " + unit + " has no registers " + address + "+" + count);
        }
        Map<Integer, Integer> image = unit == STATION_UNIT ? stationImage() : socket(unit).image(lastTick);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = image.getOrDefault(address + i, 0xFFFF);
        }
        return words;
    }

    /** One write request as it arrived; false: the station refuses it and nothing changes. */
    synchronized boolean write(int unit, int address, int[] words) {
        tick();
        if (unit == STATION_UNIT || unit < 1 || unit > sockets.size()) {
            return false; // the SCN setpoints need EMS mode "SCN"; this station runs in mode "Socket"
        }
        Socket s = socket(unit);
        if (address == 1210 && words.length == 2) {
            float ampere = (float) RegisterType.F32.decode(words, 0, WordOrder.HIGH_FIRST);
            if (!settings.allowWriting() || Double.isNaN(settings.safeAmpere()) || Float.isNaN(ampere) || ampere < 0) {
                return false;
            }
            s.setpoint = ampere;
            s.validUntil = lastTick.plusSeconds(settings.validitySeconds());
            s.update(lastTick);
            return true;
        }
        if (address == 1215 && words.length == 1) {
            if (!settings.allow1p3p() || words[0] != 1 && words[0] != 3) {
                return false;
            }
            s.phasesMode = words[0];
            return true;
        }
        return false;
    }

    private Socket socket(int number) {
        if (number < 1 || number > sockets.size()) {
            throw new IllegalArgumentException("an Alfen " + settings.platform() + " has no socket " + number);
        }
        return sockets.get(number - 1);
    }

    private Map<Integer, Integer> stationImage() {
        Words words = new Words();
        LocalDateTime local = LocalDateTime.ofInstant(lastTick, ZoneOffset.UTC);
        words.text(100, 17, "ALF_1000")
                .text(117, 5, settings.manufacturer())
                .put(122, RegisterType.S16, 1)
                .text(123, 17, settings.firmware())
                .text(140, 17, settings.platform())
                .text(157, 11, settings.serialNumber())
                .put(168, RegisterType.S16, local.getYear())
                .put(169, RegisterType.S16, local.getMonthValue())
                .put(170, RegisterType.S16, local.getDayOfMonth())
                .put(171, RegisterType.S16, local.getHour())
                .put(172, RegisterType.S16, local.getMinute())
                .put(173, RegisterType.S16, local.getSecond())
                .put(174, RegisterType.U64, Duration.between(startedAt, lastTick).toMillis())
                .put(178, RegisterType.S16, 0)
                .put(1100, RegisterType.F32, settings.stationMaxAmpere())
                .put(1102, RegisterType.F32, 30 + sockets.stream().mapToDouble(s -> s.ampere(lastTick, 0)).sum() / 4)
                .put(1104, RegisterType.U16, 0)
                .put(1105, RegisterType.U16, sockets.size())
                .put(1404, RegisterType.U16, sockets.size())
                .put(1431, RegisterType.U16, 0);
        return words.values;
    }

    /** One socket's state. */
    private final class Socket {
        Float setpoint;
        Instant validUntil;
        int phasesMode = 3;
        Car car;
        boolean carFull;
        boolean fault;
        boolean operative = true;
        boolean drawing;
        Instant pwmWithdrawnAt;
        final double[] energyWattHour = new double[3];

        boolean valid(Instant at) {
            return setpoint != null && validUntil != null && at.isBefore(validUntil);
        }

        double inForce(Instant at) {
            return Math.min(valid(at) ? setpoint : settings.safeAmpere(), settings.stationMaxAmpere());
        }

        String mode3(Instant at) {
            if (fault) {
                return "F";
            }
            if (car == null) {
                return settings.idleState();
            }
            if (!operative || !(inForce(at) >= MIN_PWM_AMPERE)) {
                return pwmWithdrawnAt != null && at.isBefore(pwmWithdrawnAt.plus(CAR_REACTION)) ? "C1" : "B1";
            }
            return carFull ? "B2" : "C2";
        }

        /** After any change at {@code at}: a car that drew and lost the PWM passes C1. */
        void update(Instant at) {
            String state = mode3(at);
            boolean pwmOff = state.equals("B1") || state.equals("C1");
            if (drawing && pwmOff && pwmWithdrawnAt == null) {
                pwmWithdrawnAt = at;
            } else if (!pwmOff) {
                pwmWithdrawnAt = null;
            }
            drawing = state.equals("C2");
        }

        double ampere(Instant at, int phase) {
            boolean onPhase = car != null && phase < (phasesMode == 1 ? 1 : car.phases());
            return mode3(at).equals("C2") && onPhase ? Math.min(inForce(at), car.maxAmpere()) : 0;
        }

        void advance(Instant from, Instant to) {
            double hours = Duration.between(from, to).toNanos() / 3.6e12;
            for (int phase = 0; phase < 3; phase++) {
                energyWattHour[phase] += ampere(from, phase) * VOLT * hours;
            }
        }

        Map<Integer, Integer> image(Instant at) {
            Words words = new Words();
            double sumAmpere = 0;
            double sumWatt = 0;
            for (int phase = 0; phase < 3; phase++) {
                double ampere = ampere(at, phase);
                sumAmpere += ampere;
                sumWatt += ampere * VOLT;
                words.put(306 + 2 * phase, RegisterType.F32, VOLT)
                        .put(312 + 2 * phase, RegisterType.F32, VOLT * Math.sqrt(3))
                        .put(320 + 2 * phase, RegisterType.F32, ampere)
                        .put(328 + 2 * phase, RegisterType.F32, 1.0)
                        .put(338 + 2 * phase, RegisterType.F32, ampere * VOLT)
                        .put(346 + 2 * phase, RegisterType.F32, ampere * VOLT)
                        .put(354 + 2 * phase, RegisterType.F32, 0)
                        .put(362 + 4 * phase, RegisterType.F64, energyWattHour[phase])
                        .put(378 + 4 * phase, RegisterType.F64, 0)
                        .put(394 + 4 * phase, RegisterType.F64, energyWattHour[phase])
                        .put(410 + 4 * phase, RegisterType.F64, 0);
            }
            double energy = energyWattHour[0] + energyWattHour[1] + energyWattHour[2];
            long remaining = valid(at) ? (Duration.between(at, validUntil).toMillis() + 999) / 1000 : 0;
            boolean accounted = valid(at) && setpoint <= settings.stationMaxAmpere();
            words.put(300, RegisterType.U16, 0x03)
                    .put(301, RegisterType.U64, 200)
                    .put(305, RegisterType.U16, 0)
                    .put(318, RegisterType.F32, 0)
                    .put(326, RegisterType.F32, sumAmpere)
                    .put(334, RegisterType.F32, 1.0)
                    .put(336, RegisterType.F32, 50.0)
                    .put(344, RegisterType.F32, sumWatt)
                    .put(352, RegisterType.F32, sumWatt)
                    .put(360, RegisterType.F32, 0)
                    .put(374, RegisterType.F64, energy)
                    .put(390, RegisterType.F64, 0)
                    .put(406, RegisterType.F64, energy)
                    .put(422, RegisterType.F64, 0)
                    .put(1200, RegisterType.U16, operative ? 1 : 0)
                    .text(1201, 5, mode3(at))
                    .put(1206, RegisterType.F32, inForce(at))
                    .put(1208, RegisterType.U32, remaining)
                    .put(1210, RegisterType.F32, setpoint == null ? 0 : setpoint)
                    .put(1212, RegisterType.F32, settings.safeAmpere())
                    .put(1214, RegisterType.U16, accounted ? 1 : 0)
                    .put(1215, RegisterType.U16, phasesMode);
            return words.values;
        }
    }

    /** Register words by address, big-endian as Alfen sends them. */
    private static final class Words {
        final Map<Integer, Integer> values = new HashMap<>();

        Words put(int address, RegisterType type, double value) {
            int[] encoded = type.encode(value, WordOrder.HIGH_FIRST);
            for (int i = 0; i < encoded.length; i++) {
                values.put(address + i, encoded[i]);
            }
            return this;
        }

        Words text(int address, int registers, String text) {
            int[] encoded = RegisterText.encode(text, registers, RegisterText.ByteOrder.HIGH_FIRST);
            for (int i = 0; i < registers; i++) {
                values.put(address + i, encoded[i]);
            }
            return this;
        }
    }
}
