package org.echarge.driver.phoenix.internal;

import static org.echarge.driver.phoenix.internal.PhoenixRegisters.*;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.driver.phoenix.internal.PhoenixRegisters.Table;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One EV-ETH controller. A poll reads the status and meter blocks (function 4), the setpoint 528 and the
 * energy counter (function 3), and the card UID while a vehicle is there. The controller has no watchdog:
 * the driver keeps the gateway's setpoint in force from {@link #poll()} ({@link PhoenixSetpoint}) and
 * leaves the minimum current when it is closed. Not thread-safe: the runtime calls it from one thread at a
 * time.
 */
final class PhoenixCharger implements Charger {

    /** IEC 61851: the PWM signal offers at most 80 A; a larger current is no reading in A. */
    static final double MAX_PLAUSIBLE_AMPERE = 80;

    /** The current capacities a cable codes on PP (IEC 61851-1); 101 reads one of them with a cable plugged. */
    private static final Set<Long> CABLE_CAPACITIES = Set.of(13L, 20L, 32L, 63L);
    private static final Pattern HEX_UID = Pattern.compile("[0-9A-Fa-f]{8,}");

    private static final Logger LOG = LoggerFactory.getLogger(PhoenixCharger.class);

    private final PhoenixModel model;
    private final DeviceAddress address;
    private final ModbusClient modbus;
    private final Clock clock;
    private final PhoenixSetpoint setpoint = new PhoenixSetpoint();
    private PhoenixIdentity identity;
    private boolean vehicle;
    private boolean closed;
    private boolean meterLogged;
    private boolean currentsLogged;
    private boolean energyLogged;
    private boolean rfidLogged;
    /** What the gateway last set coil 400 to; null before the first pause or resume. */
    private Boolean enabledWanted;

    PhoenixCharger(PhoenixModel model, DeviceAddress address, ModbusClient modbus, Clock clock) {
        this.model = model;
        this.address = address;
        this.modbus = modbus;
        this.clock = clock;
    }

    @Override
    public ChargerModel model() {
        return model.model();
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        PhoenixIdentity controller = identity();
        PhoenixBlock.Values status = read(PhoenixBlock.STATUS);
        PhoenixBlock.Values meter = read(PhoenixBlock.METER);
        long setting = read(PhoenixBlock.SETTING).raw(MAX_CURRENT);
        char letter = PhoenixStates.letter(status.raw(CP_STATUS));
        vehicle = PhoenixStates.vehicleConnected(letter, vehicle);
        boolean charging = PhoenixStates.charging(letter);
        double inForce = inForceAmpere(setting, status.raw(PROXIMITY_CURRENT));
        boolean reduced = charging && belowRequest(inForce);
        long error = status.raw(ERROR_CODE);
        ChargerSnapshot.Builder snapshot = ChargerSnapshot.builder(clock.instant(), PhoenixStates.map(letter, reduced))
                .vehicle(vehicle, charging)
                .setpointAmpere(inForce)
                .identity(controller.serialNumber(), controller.firmware())
                .errorCodes(error == 0 ? List.of() : List.of(error));
        if (metered(meter)) {
            // evcc: power and currents as read (W, A), the counter in Wh; sessions come from the counter
            snapshot.currentAmpere(currents(meter))
                    .powerWatt(PhaseValues.totalOnly(meter.number(ACTIVE_POWER)))
                    .energyWattHour(PhaseValues.totalOnly(totalEnergy()));
        }
        if (vehicle) {
            snapshot.rfidTag(rfidTag());
        }
        OptionalInt due = setpoint.due(setting, name());
        if (due.isPresent()) {
            writeSetting(due.getAsInt());
        }
        keepEnabledAsWanted();
        return snapshot.build();
    }

    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        ChargerModel limits = model();
        if (!(currentAmpere >= limits.minCurrentAmpere() && currentAmpere <= limits.maxCurrentAmpere())) {
            throw new IllegalArgumentException("an EV-ETH controller (" + limits.id() + ") takes "
                    + limits.minCurrentAmpere() + ".." + limits.maxCurrentAmpere() + " A, not " + currentAmpere);
        }
        int raw = model.setting().toRaw(currentAmpere);
        writeSetting(raw);
        setpoint.written(raw);
    }

    /**
     * Pause and resume through coil 400 "charging enabled" (function 5): off, the PWM goes off and
     * the car waits in B; the session goes on.
     */
    @Override
    public void setPaused(boolean paused) throws DeviceException {
        modbus.writeCoil(ENABLE_CHARGING.address(), !paused);
        enabledWanted = !paused;
    }

    /** evcc #26908: coil 400 can fall back to off on its own (a restart); set it again as the gateway wants it. */
    private void keepEnabledAsWanted() throws DeviceException {
        if (enabledWanted == null) {
            return;
        }
        boolean enabled = modbus.readCoils(ENABLE_CHARGING.address(), 1)[0];
        if (enabled != enabledWanted) {
            LOG.info("{}: coil 400 reads {}, set to {} again", name(), enabled, enabledWanted);
            modbus.writeCoil(ENABLE_CHARGING.address(), enabledWanted);
        }
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "an EV-ETH controller starts a session when the car is plugged in");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "an EV-ETH controller has no unlock command over Modbus");
    }

    /**
     * Leaves the model's minimum current in 528 when the gateway had set a limit and the controller was
     * answering: without a watchdog the controller would keep the last limit for good, whatever the other
     * loads of the site do. Best effort; the connection is released in any case.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (identity != null && setpoint.raw().isPresent()) {
                int minimum = model.setting().toRaw(model().minCurrentAmpere());
                modbus.writeRegister(MAX_CURRENT.address(), MAX_CURRENT.encode(minimum));
                LOG.info("{}: left at its minimum current {} A (528 = {}): the controller has no watchdog", name(),
                        model().minCurrentAmpere(), minimum);
            }
        } catch (ModbusException e) {
            LOG.warn("{}: could not leave the minimum current on close; the controller keeps the last limit: {}", name(),
                    e.getMessage());
        } finally {
            modbus.close();
        }
    }

    /** Checked once per connection (again after the controller was unreachable), before any write. */
    private PhoenixIdentity identity() throws DeviceException {
        if (identity == null) {
            identity = PhoenixIdentity.check(model, this::read, name());
        }
        return identity;
    }

    /** Less current signalled than the gateway wrote: the cable's capacity, or a lower setting the controller keeps. */
    private boolean belowRequest(double inForceAmpere) {
        OptionalInt written = setpoint.raw();
        return written.isPresent() && inForceAmpere < model.setting().ampere(written.getAsInt()) - 1e-6;
    }

    /** 528 in A, capped by the cable's capacity (PP, 101) where one is coded. */
    private double inForceAmpere(long setting, long cableAmpere) {
        double ampere = model.setting().ampere(setting);
        return CABLE_CAPACITIES.contains(cableAmpere) ? Math.min(ampere, cableAmpere) : ampere;
    }

    /** evcc: a controller without meter reads 0 V on L1; the fact sheet: "0 = no meter". */
    private boolean metered(PhoenixBlock.Values meter) {
        boolean metered = meter.number(VOLTAGE_L1) != 0 || meter.number(VOLTAGE_L2) != 0
                || meter.number(VOLTAGE_L3) != 0;
        if (!metered && !meterLogged) {
            LOG.info("{}: voltages read 0 V, no meter at the controller; reporting no measurements", name());
        }
        meterLogged = !metered;
        return metered;
    }

    private PhaseValues currents(PhoenixBlock.Values meter) {
        double l1 = meter.number(CURRENT_L1);
        double l2 = meter.number(CURRENT_L2);
        double l3 = meter.number(CURRENT_L3);
        double highest = Math.max(Math.abs(l1), Math.max(Math.abs(l2), Math.abs(l3)));
        if (highest > MAX_PLAUSIBLE_AMPERE) {
            if (!currentsLogged) {
                LOG.warn("{}: currents read {} / {} / {} (114..119): more than {} A cannot be a reading in A (mA, as"
                        + " Bender's Phoenix emulation documents?); reporting no currents", name(), l1, l2, l3,
                        MAX_PLAUSIBLE_AMPERE);
                currentsLogged = true;
            }
            return PhaseValues.NOT_MEASURED;
        }
        currentsLogged = false;
        return PhaseValues.of(l1, l2, l3);
    }

    /** The firmware's lifetime counter; one the controller refuses (older firmware, evcc) reads as not measured. */
    private double totalEnergy() throws DeviceException {
        PhoenixBlock block = model.energy();
        try {
            return read(block).number(block == PhoenixBlock.ENERGY ? TOTAL_ENERGY : TOTAL_ENERGY_WALLBE);
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            if (!energyLogged) {
                LOG.warn("{}; reporting no energy (evcc: Phoenix firmware up to 1.11 counts at input 128 instead)",
                        e.getMessage());
                energyLogged = true;
            }
            return Double.NaN;
        }
    }

    /** The UID as hex text: its first 4 bytes (8 digits) where it is hex, else as read; none when empty. */
    private String rfidTag() throws DeviceException {
        String uid;
        try {
            uid = read(PhoenixBlock.RFID).text(RFID_UID);
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            if (!rfidLogged) {
                LOG.info("{}; reporting no RFID card", e.getMessage());
                rfidLogged = true;
            }
            return null;
        }
        if (uid.isEmpty()) {
            return null;
        }
        return (HEX_UID.matcher(uid).matches() ? uid.substring(0, 8) : uid).toUpperCase(Locale.ROOT);
    }

    private void writeSetting(int raw) throws DeviceException {
        identity();
        try {
            modbus.writeRegister(MAX_CURRENT.address(), MAX_CURRENT.encode(raw));
        } catch (ModbusException e) {
            throw failed(e, "writing " + raw + " (" + model.setting().unit() + ") to " + MAX_CURRENT
                    + (e.exceptionCode() == 0 ? "" : " (above the controller's DIP-switch maximum? Modbus control needs"
                            + " DIP switch 10 ON)"));
        }
    }

    private PhoenixBlock.Values read(PhoenixBlock block) throws DeviceException {
        try {
            int[] words = block.table() == Table.INPUT ? modbus.readInputRegisters(block.address(), block.count())
                    : modbus.readHoldingRegisters(block.address(), block.count());
            return new PhoenixBlock.Values(block, words);
        } catch (ModbusException e) {
            throw failed(e, "reading " + block);
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        return new ModbusException(e.kind(), name() + " " + what + ": " + e.getMessage(), e.exceptionCode());
    }

    private String name() {
        return "EV-ETH " + model().id() + " at " + address;
    }
}
