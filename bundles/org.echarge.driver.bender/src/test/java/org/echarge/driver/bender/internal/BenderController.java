package org.echarge.driver.bender.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.echarge.modbus.RegisterText;
import org.echarge.modbus.RegisterType;
import org.echarge.modbus.WordOrder;

/**
 * A simulated Bender CC612 / CC613 connector as the fact sheet (sections 4 and 12) describes one, written
 * from its register table, not from the driver's enum:
 * <ul>
 * <li>holding registers only, any unit id; a read or write touching an address the firmware lacks is
 * refused (legacy firmware: no 142, 153..155, 218..221, 716..746; 1001 only on newer firmware, 1002 on
 * the MENNEKES 4You family only); with another register set than "Ebee / Bender / MENNEKES" everything is
 * refused;</li>
 * <li>the MENNEKES 4You family drops the TCP connection when 730 or 740 is read;</li>
 * <li>1000 (A) and, where present, 1001 (0.1 A) take 0 or 6 A up to the rated current, one register per
 * request (function 6 or 16); 0 withdraws the PWM: 104 goes to SuspendedEVSE while 122 stays at B or C;</li>
 * <li>no watchdog on 1000, as documented; as an option (for the keep-alive tests) a supervision like
 * SEMP's: without a write within {@code hemsTimeout} the limit falls back to the safe current (131).
 * A restart loses the limit: the controller starts on its safe current;</li>
 * <li>pilot state 122: A without car, C while the car asks (also at 0 A), B when it is full, E on a pilot
 * fault; OCPP status 104: Available, Charging, SuspendedEVSE, SuspendedEV, Faulted, Unavailable;</li>
 * <li>meter: the car draws min(limit in force, its maximum, rated) on its phases at 230 V, energy
 * integrates over the injected clock; a meterless variant reads 0xFFFF everywhere in 200..227; 220 can be
 * made to read 0xFFFFFFFF for a few reads (evcc discussion 27736);</li>
 * <li>720 holds the car's idTag with "Allow UID disclose", 740 = 1 for an ISO 15118 car and 741 its
 * EVCCID only then.</li>
 * </ul>
 * Thread-safe: Modbus handler threads read and write while tests move time.
 */
final class BenderController {

    static final double VOLT = 230;
    private static final int MIN_PWM_TENTHS = 60;
    private static final int NOT_AVAILABLE = 0xFFFF;

    /** What the controller is and what the installer set. */
    record Settings(String model, boolean legacy, boolean fourYou, boolean metered, boolean tenthAmpere,
            String firmware, String protocol, int safeAmpere, int ratedAmpere, Duration hemsTimeout,
            boolean uidDisclose, boolean benderRegisterSet) {

        /** A CC613 on current firmware, 32 A, safe current 6 A, no HEMS supervision (as documented). */
        static Settings cc613() {
            return new Settings("CC613", false, false, true, false, "5.33", "1.0", 6, 32, Duration.ZERO, true, true);
        }

        /** A MENNEKES AMTRON 4You 500: 1001 and 1002, and the connection drop on 730/740. */
        static Settings amtron4You() {
            return new Settings("AMTRON 4You 500", false, true, true, true, "5.33", "1.0", 6, 16, Duration.ZERO, true,
                    true);
        }

        Settings legacyFirmware() {
            return new Settings(null, true, fourYou, metered, false, "4.40", protocol, safeAmpere, ratedAmpere,
                    hemsTimeout, uidDisclose, benderRegisterSet);
        }

        Settings meterless() {
            return new Settings(model, legacy, fourYou, false, tenthAmpere, firmware, protocol, safeAmpere, ratedAmpere,
                    hemsTimeout, uidDisclose, benderRegisterSet);
        }

        Settings tenthAmpere(boolean present) {
            return new Settings(model, legacy, fourYou, metered, present, firmware, protocol, safeAmpere, ratedAmpere,
                    hemsTimeout, uidDisclose, benderRegisterSet);
        }

        Settings hemsTimeout(Duration timeout) {
            return new Settings(model, legacy, fourYou, metered, tenthAmpere, firmware, protocol, safeAmpere, ratedAmpere,
                    timeout, uidDisclose, benderRegisterSet);
        }

        Settings registerSetPhoenix() {
            return new Settings(model, legacy, fourYou, metered, tenthAmpere, firmware, protocol, safeAmpere, ratedAmpere,
                    hemsTimeout, uidDisclose, false);
        }
    }

    /** A car: its maximum current and phases, its RFID idTag, its EVCCID if it speaks ISO 15118. */
    record Car(double maxAmpere, int phases, String idTag, String evccId) {
    }

    /** A read of 730 or 740 on the 4You family: the controller closes the connection. */
    static final class ConnectionDropped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionDropped(String message) {
            super(message);
        }
    }

    private final Clock clock;
    private final Settings settings;
    private final Set<Integer> served = new TreeSet<>();
    private Instant lastTick;
    private int limitTenths;
    private Instant limitExpires;
    private Car car;
    private boolean carFull;
    private int errorBits111;
    private int errorBits112;
    private boolean faulted;
    private boolean pilotE;
    private boolean unavailable;
    private Instant sessionStart;
    private double sessionWattHour;
    private final double[] energyWattHour = {400_000, 410_000, 420_000};
    private int powerGlitches;
    private int lapses;
    private int drops;

    BenderController(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.lastTick = clock.instant();
        this.limitTenths = settings.safeAmpere() * 10;
        serve(100, 101).serve(104, 104).serve(111, 112).serve(120, 122).serve(131, 131).serve(140, 140)
                .serve(200, 217).serve(222, 227).serve(712, 712).serve(715, 715).serve(720, 729).serve(1000, 1000);
        if (settings.legacy()) {
            serve(705, 706).serve(709, 710);
        } else {
            serve(142, 151).serve(153, 155).serve(218, 221).serve(716, 719).serve(730, 730).serve(740, 746);
        }
        if (settings.tenthAmpere()) {
            serve(1001, 1001);
        }
        if (settings.fourYou()) {
            serve(1002, 1002);
        }
    }

    synchronized void plugIn(Car plugged) {
        tick();
        car = plugged;
        carFull = false;
        sessionStart = lastTick;
        sessionWattHour = 0;
    }

    synchronized void unplug() {
        tick();
        car = null;
    }

    /** The car stops asking (full, or its own timer): C goes to B, 104 to SuspendedEV. */
    synchronized void carFull(boolean full) {
        tick();
        carFull = full;
    }

    /** A fault with its bits in 111 / 112: 104 Faulted, and 122 E for a pilot fault (112 bit 1). */
    synchronized void fault(int bits111, int bits112) {
        tick();
        errorBits111 = bits111;
        errorBits112 = bits112;
        faulted = bits111 != 0 || (bits112 & ~0x0080) != 0; // a disconnected back office is no fault
        pilotE = (bits112 & 0x0002) != 0;
    }

    synchronized void unavailable(boolean set) {
        tick();
        unavailable = set;
    }

    /** A reboot: the HEMS limit is lost, the controller starts on its safe current. */
    synchronized void restart() {
        tick();
        limitTenths = settings.safeAmpere() * 10;
        limitExpires = null;
    }

    /** The next reads of 220 return 0xFFFFFFFF (evcc discussion 27736). */
    synchronized void glitchActivePower(int reads) {
        powerGlitches = reads;
    }

    /** How often the limit ran out and fell back to the safe current (only with a {@code hemsTimeout}). */
    synchronized int lapses() {
        tick();
        return lapses;
    }

    /** How often the controller dropped the connection (4You family reading 730/740). */
    synchronized int drops() {
        return drops;
    }

    synchronized double inForceAmpere() {
        tick();
        return limitTenths / 10.0;
    }

    /** Integrates energy up to the clock's now; the limit falls back at its expiry, not at the next tick. */
    synchronized void tick() {
        Instant now = clock.instant();
        if (!now.isAfter(lastTick)) {
            return;
        }
        Instant from = lastTick;
        if (limitExpires != null && !limitExpires.isAfter(now)) {
            advance(from, limitExpires);
            from = limitExpires;
            limitTenths = settings.safeAmpere() * 10;
            limitExpires = null;
            lapses++;
        }
        advance(from, now);
        lastTick = now;
    }

    /** The words of a read; refuses addresses this firmware lacks. */
    synchronized int[] read(int address, int count) {
        tick();
        if (settings.fourYou() && (touches(address, count, 730, 730) || touches(address, count, 740, 746))) {
            drops++;
            throw new ConnectionDropped("an AMTRON 4You drops the connection on a read of " + address + "+" + count);
        }
        refuseUnserved(address, count);
        Map<Integer, Integer> image = image();
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = image.getOrDefault(address + i, 0);
        }
        if (touches(address, count, 220, 221) && powerGlitches > 0) {
            powerGlitches--;
            for (int a = 220; a <= 221; a++) {
                if (a >= address && a < address + count) {
                    words[a - address] = 0xFFFF;
                }
            }
        }
        return words;
    }

    /** One write request as it arrived; false: refused, nothing changes. */
    synchronized boolean write(int address, int[] words) {
        tick();
        if (!settings.benderRegisterSet() || words.length != 1 || !served.contains(address)) {
            return false;
        }
        int value = words[0];
        switch (address) {
            case 1000 -> {
                return setLimit(value * 10);
            }
            case 1001 -> {
                return setLimit(value);
            }
            case 1002 -> {
                return settings.fourYou(); // power limit: taken, not modelled
            }
            default -> {
                return false;
            }
        }
    }

    private boolean setLimit(int tenths) {
        if (tenths != 0 && (tenths < MIN_PWM_TENTHS || tenths > settings.ratedAmpere() * 10)) {
            return false;
        }
        limitTenths = tenths;
        limitExpires = settings.hemsTimeout().isZero() ? null : lastTick.plus(settings.hemsTimeout());
        return true;
    }

    private void refuseUnserved(int address, int count) {
        for (int a = address; a < address + count; a++) {
            if (!settings.benderRegisterSet() || !served.contains(a)) {
                throw new IllegalArgumentException("no register " + a + " (read " + address + "+" + count + ")");
            }
        }
    }

    private static boolean touches(int address, int count, int first, int last) {
        return address <= last && address + count - 1 >= first;
    }

    private BenderController serve(int first, int last) {
        for (int a = first; a <= last; a++) {
            served.add(a);
        }
        return this;
    }

    private int vehicleState() {
        if (pilotE) {
            return 5;
        }
        if (car == null) {
            return 1;
        }
        return carFull ? 2 : 3; // the car asks also while the controller holds it at 0 A
    }

    private int ocppStatus() {
        if (unavailable) {
            return 3;
        }
        if (faulted) {
            return 4;
        }
        if (car == null) {
            return 0;
        }
        if (limitTenths < MIN_PWM_TENTHS) {
            return 7;
        }
        return carFull ? 8 : 6;
    }

    private boolean drawing() {
        return ocppStatus() == 6 && vehicleState() == 3;
    }

    private double ampere(int phase) {
        if (!drawing() || phase >= car.phases()) {
            return 0;
        }
        return Math.min(Math.min(limitTenths / 10.0, car.maxAmpere()), settings.ratedAmpere());
    }

    private void advance(Instant from, Instant to) {
        double hours = Duration.between(from, to).toNanos() / 3.6e12;
        for (int phase = 0; phase < 3; phase++) {
            double wattHour = ampere(phase) * VOLT * hours;
            energyWattHour[phase] += wattHour;
            sessionWattHour += wattHour;
        }
    }

    private Map<Integer, Integer> image() {
        Words words = new Words();
        words.text(100, 2, settings.firmware())
                .u16(104, ocppStatus())
                .u16(111, errorBits111)
                .u16(112, errorBits112)
                .text(120, 2, settings.protocol())
                .u16(122, vehicleState())
                .u16(131, settings.safeAmpere())
                .u16(140, drawing() ? car.phases() == 1 ? 5 : 1 : 0)
                .text(142, 10, settings.model() == null ? "" : settings.model())
                .u16(153, 5).u16(154, 33).u16(155, 2)
                .u16(712, 6)
                .u16(715, car == null ? 0 : (int) car.maxAmpere())
                .text(720, 10, car != null && settings.uidDisclose() && car.idTag() != null ? car.idTag() : "")
                .u16(730, car != null && car.evccId() != null ? 80 : 0)
                .u16(740, car != null && car.evccId() != null ? 1 : 0)
                .text(741, 6, car != null && car.evccId() != null ? car.evccId() : "")
                .u16(1000, limitTenths / 10)
                .u16(1001, limitTenths)
                .u16(1002, 0xFFFF);
        long sessionSeconds = sessionStart == null ? 0 : Duration.between(sessionStart, lastTick).toSeconds();
        words.u32(705, (long) sessionWattHour).u32(709, sessionSeconds)
                .u32(716, (long) sessionWattHour).u32(718, sessionSeconds);
        double totalWatt = 0;
        for (int phase = 0; phase < 3; phase++) {
            double ampere = ampere(phase);
            totalWatt += ampere * VOLT;
            words.u32(200 + 2 * phase, (long) energyWattHour[phase])
                    .u32(206 + 2 * phase, Math.round(ampere * VOLT))
                    .u32(212 + 2 * phase, Math.round(ampere * 1000))
                    .u32(222 + 2 * phase, (long) VOLT);
        }
        words.u32(218, (long) (energyWattHour[0] + energyWattHour[1] + energyWattHour[2]))
                .u32(220, Math.round(totalWatt));
        if (!settings.metered()) {
            for (int address = 200; address <= 227; address++) {
                words.values.put(address, NOT_AVAILABLE);
            }
        }
        return words.values;
    }

    /** Register values as the controller lays them out: big-endian, text two characters per register. */
    private static final class Words {
        final Map<Integer, Integer> values = new HashMap<>();

        Words u16(int address, long value) {
            return put(address, RegisterType.U16.encode(value, WordOrder.HIGH_FIRST));
        }

        Words u32(int address, long value) {
            return put(address, RegisterType.U32.encode(value, WordOrder.HIGH_FIRST));
        }

        Words text(int address, int registers, String text) {
            return put(address, RegisterText.encode(text, registers, RegisterText.ByteOrder.HIGH_FIRST));
        }

        Words put(int address, int[] words) {
            for (int i = 0; i < words.length; i++) {
                values.put(address + i, words[i]);
            }
            return this;
        }
    }
}
