package org.echarge.driver.amtron.internal;

import static org.echarge.driver.amtron.internal.AmtronRegisters.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.driver.amtron.internal.AmtronRegisters.Block;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMTRON Compact 2.0s (or 4You 300, Kostal Enector) on the RS485 line. The first poll checks the register
 * layout and the current range before anything is written. Every poll then writes the heartbeat first (the box
 * falls back to its master-lost behaviour after 10 s without one), reads state, limit, measurements, release and
 * diagnosis, and writes limit and release again where the box holds other values ({@link AmtronControl}). Not
 * thread-safe: the runtime calls it from one thread at a time.
 */
final class AmtronCharger implements Charger {

    static final int RELEASED = 1;
    static final int NOT_RELEASED = 0;

    private static final Logger LOG = LoggerFactory.getLogger(AmtronCharger.class);

    private final ChargerModel model;
    private final ModbusClient modbus;
    private final Clock clock;
    private final AmtronTiming timing;
    private final String name;
    private final AmtronControl control;
    private AmtronIdentity identity;
    private boolean vehicle;
    private Instant lastHeartbeat;
    private boolean clampLogged;
    private boolean lockLogged;
    private boolean fallbackLogged;

    AmtronCharger(ChargerModel model, ModbusClient modbus, Clock clock, AmtronTiming timing, String name) {
        this.model = model;
        this.modbus = modbus;
        this.clock = clock;
        this.timing = timing;
        this.name = name;
        this.control = new AmtronControl(name);
    }

    @Override
    public ChargerModel model() {
        return model;
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        AmtronIdentity box = identity();
        heartbeat();
        Instant now = clock.instant();
        Block status = read(EVSE_STATE, DOWNGRADE);
        int cpState = box.has(CP_STATE) ? read(CP_STATE, CP_STATE).code(CP_STATE) : AmtronStates.CP_UNKNOWN;
        Block limit = read(EM_CHARGING_CURRENT, EM_CHARGING_CURRENT);
        Block output = read(CURRENT_L1, POWER_TOTAL);
        Block functions = read(CHARGING_RELEASE, LOCK_EVSE);
        Block diagnostic = read(ACTIVE_ERROR_CODE, box.has(MASTER_LOST_FALLBACK_STATE) ? MASTER_LOST_FALLBACK_STATE
                : ACTIVE_ERROR_CODE);
        int state = status.code(EVSE_STATE);
        double inForce = keepControl(limit.value(EM_CHARGING_CURRENT), functions.code(CHARGING_RELEASE), state);
        int error = diagnostic.code(ACTIVE_ERROR_CODE);
        // in 0, 6 and 7 only the CP state may tell; where it does not either, the car is as last seen
        vehicle = AmtronStates.vehicleConnected(state, cpState).orElse(vehicle);
        ChargerSnapshot.Builder snapshot = ChargerSnapshot
                .builder(now, AmtronStates.map(state, conditions(box, status, functions, diagnostic, cpState)))
                .vehicle(vehicle, AmtronStates.charging(state))
                .setpointAmpere(inForce)
                .currentAmpere(PhaseValues.of(number(output, CURRENT_L1), number(output, CURRENT_L2),
                        number(output, CURRENT_L3)))
                .powerWatt(new PhaseValues(number(output, POWER_L1), number(output, POWER_L2),
                        number(output, POWER_L3), number(output, POWER_TOTAL)))
                .identity(box.serialNumber(), box.firmware())
                .errorCodes(error == 0 ? List.of() : List.of((long) error));
        if (box.has(TEMPERATURE)) {
            snapshot.temperatureCelsius(number(read(TEMPERATURE, TEMPERATURE), TEMPERATURE));
        }
        if (box.has(ENERGY_TOTAL)) {
            // 0x0B02 (session energy) is not reported: evcc leaves it unused; sessions come from this counter
            snapshot.energyWattHour(PhaseValues.totalOnly(number(read(ENERGY_TOTAL, ENERGY_TOTAL), ENERGY_TOTAL)));
        }
        return snapshot.build();
    }

    /** 0x0302, float A by function 16; the box takes 6..x A, so 0 A is not a pause: {@link #setPaused} is. */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        if (!(currentAmpere >= model.minCurrentAmpere() && currentAmpere <= model.maxCurrentAmpere())) {
            throw new IllegalArgumentException("an AMTRON takes " + model.minCurrentAmpere() + ".."
                    + model.maxCurrentAmpere() + " A (pause it by the charging release instead of 0 A), not "
                    + currentAmpere);
        }
        double ampere = withinBox(identity(), currentAmpere);
        write(EM_CHARGING_CURRENT, ampere);
        control.limitWritten(ampere);
    }

    /** 0x0D05, the energy manager's charging release: 0 opens the relays without ending the session. */
    @Override
    public void setPaused(boolean paused) throws DeviceException {
        identity();
        int release = paused ? NOT_RELEASED : RELEASED;
        write(CHARGING_RELEASE, release);
        control.releaseWritten(release);
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an AMTRON starts a session when the car is plugged in; pause it by the charging release instead");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an AMTRON reports its cable lock (0x0D02) but cannot release it by Modbus");
    }

    @Override
    public void close() {
        modbus.close();
    }

    /** Checked once per connection (again after the box was unreachable), before any write. */
    private AmtronIdentity identity() throws DeviceException {
        if (identity != null) {
            return identity;
        }
        int raw = readIdentity(MODBUS_VERSION, MODBUS_VERSION).code(MODBUS_VERSION);
        AmtronLayout layout = new AmtronLayout(raw);
        if (!layout.amtron()) {
            throw new DeviceException(Kind.WRONG_DEVICE, String.format(Locale.ROOT,
                    "%s: register 0x0000 holds 0x%04X, not the register layout of an AMTRON (1.x.y)", name, raw));
        }
        Block limits = readIdentity(MAX_CURRENT_HOUSE, MAX_CURRENT_EVSE);
        double house = limits.value(MAX_CURRENT_HOUSE);
        double evse = limits.value(MAX_CURRENT_EVSE);
        if (!AmtronIdentity.plausible(house, evse)) {
            throw new DeviceException(Kind.WRONG_DEVICE, name + ": registers 0x0304/0x0306 hold " + house + " / "
                    + evse + " A, not the installation and EVSE currents of an AMTRON");
        }
        String firmware = readIdentity(FIRMWARE_VERSION, FIRMWARE_VERSION).text(FIRMWARE_VERSION);
        String serialNumber = layout.atLeast(AmtronLayout.V1_0_2) ? serialNumber() : null;
        int fallback = layout.atLeast(AmtronLayout.V1_0_2)
                ? read(MASTER_LOST_FALLBACK_CURRENT, MASTER_LOST_FALLBACK_CURRENT).code(MASTER_LOST_FALLBACK_CURRENT)
                : AmtronIdentity.FALLBACK_UNKNOWN;
        AmtronIdentity box = new AmtronIdentity(layout, evse, house, fallback, serialNumber, firmware);
        LOG.info("{}: register layout {}, firmware '{}', serial '{}', EVSE {} A, installation (DIP) {} A, {}", name,
                layout, firmware, serialNumber, evse, house, box.fallbackText());
        if (fallback == AmtronIdentity.FALLBACK_CONTINUE) {
            LOG.warn("{}: 0x030E = 0: when the gateway stops, the box charges on at the last limit (set a fallback"
                    + " current or pause with the MENNEKES configuration tool)", name);
        }
        identity = box;
        return identity;
    }

    /** The document (section 9): 0x55AA "at least every 10 s ... to keep the communication valid". */
    private void heartbeat() throws DeviceException {
        Instant now = clock.instant();
        if (lastHeartbeat != null && Duration.between(lastHeartbeat, now).compareTo(timing.heartbeatTimeout()) > 0) {
            LOG.warn("{}: no heartbeat for {} s, longer than the box waits ({} s): its master-lost fallback took over"
                    + " ({})", name, Duration.between(lastHeartbeat, now).toMillis() / 1000.0,
                    timing.heartbeatTimeout().toSeconds(), identity.fallbackText());
        }
        write(HEARTBEAT, HEARTBEAT_TOKEN);
        lastHeartbeat = now;
    }

    /** Writes limit and release again where due; returns the limit in force. */
    private double keepControl(double readBackAmpere, int readBackRelease, int state) throws DeviceException {
        OptionalDouble limit = control.limitDue(readBackAmpere, state);
        if (limit.isPresent()) {
            write(EM_CHARGING_CURRENT, limit.getAsDouble());
        }
        OptionalInt release = control.releaseDue(readBackRelease, state);
        if (release.isPresent()) {
            write(CHARGING_RELEASE, release.getAsInt());
        }
        control.polled(state);
        return control.limit().orElse(readBackAmpere);
    }

    /** Reduced: downgrade input or master-lost fallback. Blocked: locked, or paused by the fallback. */
    private AmtronStates.Conditions conditions(AmtronIdentity box, Block status, Block functions, Block diagnostic,
            int cpState) {
        boolean locked = functions.code(LOCK_EVSE) == 1;
        boolean fallbackActive = box.has(MASTER_LOST_FALLBACK_STATE)
                && diagnostic.code(MASTER_LOST_FALLBACK_STATE) == 1;
        if (locked && !lockLogged) {
            LOG.warn("{}: the box is locked (0x0D06 = 1) and does not charge; the driver leaves the lock alone", name);
        }
        if (fallbackActive && !fallbackLogged) {
            LOG.warn("{}: the box reports its master-lost fallback (0x0E01 = 1): it missed the heartbeat ({})", name,
                    box.fallbackText());
        }
        lockLogged = locked;
        fallbackLogged = fallbackActive;
        boolean reduced = status.code(DOWNGRADE) == 2 || fallbackActive;
        boolean blocked = locked || fallbackActive && box.fallback() == AmtronIdentity.FALLBACK_PAUSE;
        return new AmtronStates.Conditions(cpState, reduced, blocked);
    }

    /** At most what the box allows (0x0306, lowered by the DIP setting 0x0304): the documented range ends there. */
    private double withinBox(AmtronIdentity box, double ampere) {
        if (ampere <= box.maxAmpere()) {
            return ampere;
        }
        if (!clampLogged) {
            LOG.info("{}: the box allows at most {} A; writing that instead of {} A", name, box.maxAmpere(), ampere);
            clampLogged = true;
        }
        return box.maxAmpere();
    }

    /** A serial number the box cannot read out is simply not reported. */
    private String serialNumber() throws DeviceException {
        try {
            return read(SERIAL_NUMBER, SERIAL_NUMBER).text(SERIAL_NUMBER);
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            LOG.info("{}; reporting no serial number", e.getMessage());
            return null;
        }
    }

    /** Floats the box could not measure (NaN, infinity) are "not measured". */
    private static double number(Block block, AmtronRegisters register) {
        double value = block.value(register);
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** An identity register the device does not have (exception 2) means another device answers. */
    private Block readIdentity(AmtronRegisters first, AmtronRegisters last) throws DeviceException {
        try {
            return read(first, last);
        } catch (ModbusException e) {
            if (e.exceptionCode() != 2) {
                throw e;
            }
            throw new DeviceException(Kind.WRONG_DEVICE, e.getMessage()
                    + ": every AMTRON layout has this register, so another device answers", e);
        }
    }

    private Block read(AmtronRegisters first, AmtronRegisters last) throws DeviceException {
        int count = span(first, last);
        try {
            return new Block(first.address(), modbus.readHoldingRegisters(first.address(), count));
        } catch (ModbusException e) {
            String what = first == last ? first.toString()
                    : String.format(Locale.ROOT, "0x%04X..0x%04X", first.address(), first.address() + count - 1);
            throw failed(e, "reading " + what);
        }
    }

    private void write(AmtronRegisters register, double value) throws DeviceException {
        int[] words = register.encode(value);
        try {
            if (words.length == 1) {
                modbus.writeRegister(register.address(), words[0]);
            } else {
                modbus.writeRegisters(register.address(), words);
            }
        } catch (ModbusException e) {
            String shown = register.format() == Format.F32 ? value + " A" : Integer.toString((int) value);
            throw failed(e, "writing " + shown + " to " + register);
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        return new ModbusException(e.kind(), name + " " + what + ": " + e.getMessage(), e.exceptionCode());
    }
}
