package org.echarge.driver.phoenix.internal;

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
import org.echarge.modbus.RegisterText.ByteOrder;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * A simulated EV-CC-AC1-M3-...-ETH controller as the fact sheet (sections 7a and 12) and nymea's register
 * list describe one, written from those tables, not from the driver's enum:
 * <ul>
 * <li>input registers 100..121 and 128..133, with Wallbe firmware also 149..154; holding registers
 * 304..314, 528, 606..621, 904..905 (904 alone, u16, with Wallbe firmware), with Wallbe firmware also
 * 2980..2983 and 3376..3379; coils 400 and 419. Any other address is refused (exception 2);</li>
 * <li>32- and 64-bit values LSW-first, the state letter in the low byte of 100, the firmware texts with
 * swapped bytes;</li>
 * <li>528 in whole A (Phoenix firmware) or 0.1 A (Wallbe firmware); a write outside 6 A .. the DIP-switch
 * maximum is refused. Volatile: a restart brings back the DIP-switch maximum (an assumption: no source
 * says what 528 holds after power-up);</li>
 * <li>coil 400 (charging enabled): off, the PWM stays off and a car waits in B;</li>
 * <li>no watchdog and no failsafe current (fact sheet: none known): 528 stays however long no master
 * writes or reads;</li>
 * <li>state: A without car; B with car while the PWM is off or the car does not ask; C with PWM and a car
 * asking; D for a car that asks for ventilation; F on a fault (its code in 107), E on a short of CP.</li>
 * </ul>
 * The car draws min(signalled current, its maximum) on each of its phases at 230 V: the signalled current
 * is 528 capped by the cable (PP, 101). The meter reports whole ampere; energy integrates over the injected
 * clock. Thread-safe: Modbus handler threads read and write while tests move time.
 */
final class PhoenixController {

    static final int UNIT_ID = 255;
    static final double VOLT = 230;
    private static final double MIN_PWM_AMPERE = 6;

    enum Firmware {
        PHOENIX(1), WALLBE(10);

        final int stepsPerAmpere;

        Firmware(int stepsPerAmpere) {
            this.stepsPerAmpere = stepsPerAmpere;
        }
    }

    /** What the controller is and how its DIP switches are set. */
    record Settings(Firmware firmware, int dipMaxAmpere, boolean metered, boolean enabledAtPowerUp, String serialNumber,
            String deviceName, String version, String wallbeVersion) {

        static Settings phoenix() {
            return new Settings(Firmware.PHOENIX, 32, true, true, "PX1234567890", "EV-CC-ETH", "1.12", null);
        }

        static Settings wallbe() {
            return new Settings(Firmware.WALLBE, 32, true, true, "WB0000004711", "wallbe eco", "1.12", "3.1.7-WB");
        }

        Settings meterless() {
            return new Settings(firmware, dipMaxAmpere, false, enabledAtPowerUp, serialNumber, deviceName, version,
                    wallbeVersion);
        }

        Settings enabledAtPowerUp(boolean enabled) {
            return new Settings(firmware, dipMaxAmpere, metered, enabled, serialNumber, deviceName, version,
                    wallbeVersion);
        }
    }

    private record Car(double maxAmpere, int phases, int cableAmpere) {
    }

    private final Clock clock;
    private final Settings settings;
    private final Set<Integer> refusedInput = new HashSet<>();
    private final List<Long> requestNanos = new ArrayList<>();
    private Instant lastTick;
    private int setting;
    private boolean enabled;
    private boolean cardReader = true;
    private Car car;
    private boolean carFull;
    private boolean ventilation;
    private int errorCode;
    private boolean cpShort;
    private String card = "";
    private Instant chargingSince;
    private double sessionWattHour;
    private double totalWattHour = 1_000_000;
    private int settingWrites;
    private boolean off;

    PhoenixController(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.lastTick = clock.instant();
        powerUp();
    }

    Settings settings() {
        return settings;
    }

    synchronized void plugIn(double maxAmpere, int phases, int cableAmpere) {
        tick();
        car = new Car(maxAmpere, phases, cableAmpere);
        carFull = false;
        ventilation = false;
        sessionWattHour = 0;
        card = "";
    }

    synchronized void unplug() {
        tick();
        car = null;
        chargingSince = null;
    }

    synchronized void carFull(boolean full) {
        tick();
        carFull = full;
    }

    synchronized void ventilation(boolean asks) {
        tick();
        ventilation = asks;
    }

    synchronized void presentCard(String uid) {
        tick();
        card = uid;
    }

    /** A fault of the controller (F) with its code in 107; 0 clears it. */
    synchronized void fault(int code) {
        tick();
        errorCode = code;
    }

    synchronized void cpShort(boolean shorted) {
        tick();
        cpShort = shorted;
    }

    /** Power cycle: volatile settings back to their power-up values. */
    synchronized void restart() {
        tick();
        powerUp();
    }

    /** Off: requests get no answer and connections drop, until {@link #powerOn()} (which starts it afresh). */
    synchronized void powerOff() {
        tick();
        off = true;
    }

    synchronized void powerOn() {
        off = false;
        restart();
    }

    /** Reads of input registers touching this address are refused (exception 2) from now on. */
    synchronized void refuseInput(int address) {
        refusedInput.add(address);
    }

    synchronized double inForceAmpere() {
        tick();
        return signalledAmpere();
    }

    synchronized int settingRaw() {
        return setting;
    }

    synchronized int settingWrites() {
        return settingWrites;
    }

    synchronized boolean charging() {
        tick();
        char state = state();
        return state == 'C' || state == 'D';
    }

    /** Arrival times of all requests, {@link System#nanoTime()}. */
    synchronized List<Long> requestNanos() {
        return List.copyOf(requestNanos);
    }

    synchronized void tick() {
        Instant now = clock.instant();
        if (!now.isAfter(lastTick)) {
            return;
        }
        char state = state();
        if ((state == 'C' || state == 'D') && chargingSince == null) {
            chargingSince = lastTick;
        }
        double hours = Duration.between(lastTick, now).toNanos() / 3.6e12;
        double watt = drawAmpere() * VOLT * (car == null ? 0 : car.phases());
        sessionWattHour += watt * hours;
        totalWattHour += watt * hours;
        lastTick = now;
    }

    synchronized int[] readInput(int address, int count) {
        request();
        for (int a = address; a < address + count; a++) {
            if (refusedInput.contains(a)) {
                throw new IllegalArgumentException("input register " + a + " refused");
            }
        }
        return words(inputImage(), address, count, "input");
    }

    synchronized int[] readHolding(int address, int count) {
        request();
        return words(holdingImage(), address, count, "holding");
    }

    /** Function 6 (or one register of 16); false: refused, nothing changes. */
    synchronized boolean writeHolding(int address, int value) {
        request();
        if (address != 528) {
            return false;
        }
        int steps = settings.firmware().stepsPerAmpere;
        if (value < MIN_PWM_AMPERE * steps || value > settings.dipMaxAmpere() * steps) {
            return false;
        }
        setting = value;
        settingWrites++;
        return true;
    }

    synchronized Boolean readCoil(int address) {
        request();
        return switch (address) {
            case 400 -> enabled;
            case 419 -> cardReader;
            default -> null;
        };
    }

    synchronized boolean writeCoil(int address, boolean value) {
        request();
        switch (address) {
            case 400 -> enabled = value;
            case 419 -> cardReader = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    private void powerUp() {
        setting = settings.dipMaxAmpere() * settings.firmware().stepsPerAmpere;
        enabled = settings.enabledAtPowerUp();
    }

    private void request() {
        if (off) {
            throw new IllegalStateException("the controller is off"); // j2mod drops the connection
        }
        requestNanos.add(System.nanoTime());
        tick();
    }

    private double signalledAmpere() {
        double ampere = Math.min((double) setting / settings.firmware().stepsPerAmpere, settings.dipMaxAmpere());
        return car == null ? ampere : Math.min(ampere, car.cableAmpere());
    }

    private boolean pwm() {
        return enabled && errorCode == 0 && !cpShort && signalledAmpere() >= MIN_PWM_AMPERE;
    }

    private char state() {
        if (errorCode != 0) {
            return 'F';
        }
        if (cpShort) {
            return 'E';
        }
        if (car == null) {
            return 'A';
        }
        if (!pwm() || carFull) {
            return 'B';
        }
        return ventilation ? 'D' : 'C';
    }

    private double drawAmpere() {
        char state = state();
        return state == 'C' || state == 'D' ? Math.min(signalledAmpere(), car.maxAmpere()) : 0;
    }

    private Map<Integer, Integer> inputImage() {
        char state = state();
        Map<Integer, Integer> image = new HashMap<>();
        double ampere = drawAmpere();
        put(image, 100, state);
        put(image, 101, car == null ? 0 : car.cableAmpere());
        put(image, 102, RegisterType.U32, chargingSince == null ? 0 : Duration.between(chargingSince, lastTick).toSeconds());
        put(image, 104, 0x0200); // DIP switch 10 on
        put(image, 105, RegisterText.encode(settings.version(), 2, ByteOrder.LOW_FIRST));
        put(image, 107, errorCode);
        boolean metered = settings.metered();
        for (int phase = 0; phase < 3; phase++) {
            boolean onPhase = car != null && phase < car.phases();
            put(image, 108 + 2 * phase, RegisterType.S32, metered ? VOLT : 0);
            put(image, 114 + 2 * phase, RegisterType.S32, metered && onPhase ? Math.round(ampere) : 0);
        }
        put(image, 120, RegisterType.S32, metered ? Math.round(ampere * VOLT * (car == null ? 0 : car.phases())) : 0);
        put(image, 128, RegisterType.U32, metered ? Math.round(totalWattHour) : 0);
        put(image, 130, RegisterType.U32, 0);
        put(image, 132, RegisterType.U32, metered ? Math.round(sessionWattHour) : 0);
        if (settings.firmware() == Firmware.WALLBE) {
            put(image, 149, RegisterText.encode(settings.wallbeVersion(), 6, ByteOrder.LOW_FIRST));
        }
        return image;
    }

    private Map<Integer, Integer> holdingImage() {
        Map<Integer, Integer> image = new HashMap<>();
        put(image, 304, RegisterText.encode(settings.serialNumber(), 6, ByteOrder.HIGH_FIRST));
        put(image, 310, RegisterText.encode(settings.deviceName(), 5, ByteOrder.HIGH_FIRST));
        put(image, 528, setting);
        put(image, 606, RegisterText.encode(car == null || !cardReader ? "" : card, 16, ByteOrder.HIGH_FIRST));
        long total = settings.metered() ? Math.round(totalWattHour) : 0;
        if (settings.firmware() == Firmware.WALLBE) {
            put(image, 904, (int) (total % 1000)); // u16 on Wallbe firmware (evcc: the Wh below the kWh)
            put(image, 2980, RegisterType.U64, total);
            put(image, 3376, RegisterType.U64, settings.metered() ? Math.round(sessionWattHour) : 0);
        } else {
            put(image, 904, RegisterType.U32, total);
        }
        return image;
    }

    private static int[] words(Map<Integer, Integer> image, int address, int count, String table) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            Integer word = image.get(address + i);
            if (word == null) {
                throw new IllegalArgumentException("no " + table + " register " + (address + i));
            }
            words[i] = word;
        }
        return words;
    }

    private static void put(Map<Integer, Integer> image, int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            image.put(address + i, words[i] & 0xFFFF);
        }
    }

    private static void put(Map<Integer, Integer> image, int address, RegisterType type, double value) {
        put(image, address, type.encode(value, WordOrder.LOW_FIRST));
    }
}
