package org.echarge.driver.schneider.internal;

import static org.echarge.driver.schneider.internal.SchneiderRegisters.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Schneider EVlink Pro AC. Every poll reads the control block (4000..4023) and writes the life bit right
 * after it, unless 4000 reads 2, before the other five reads: a poll failing on one of them has still fed the
 * station. The setpoint (4004, whole amperes) is written by function 6 and kept in force by
 * {@link SchneiderKeepAlive}. Not thread-safe: the runtime calls it from one thread at a time.
 */
final class SchneiderCharger implements Charger {

    private static final Logger LOG = LoggerFactory.getLogger(SchneiderCharger.class);

    private final ModbusClient modbus;
    private final Clock clock;
    private final SchneiderKeepAlive keepAlive = new SchneiderKeepAlive();
    private SchneiderIdentity identity;

    SchneiderCharger(ModbusClient modbus, Clock clock) {
        this.modbus = modbus;
        this.clock = clock;
    }

    @Override
    public ChargerModel model() {
        return SchneiderChargerDriver.MODEL;
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        SchneiderIdentity station = identity();
        Instant now = clock.instant();
        SchneiderBlock.Values control = read(SchneiderBlock.CONTROL);
        keepAlive.lifeBitRead(control.integer(LIFE_BIT), name());
        feedLifeBit(now);
        long evState = read(SchneiderBlock.EV_STATE).integer(EV_STATE);
        long ocppStatus = read(SchneiderBlock.OCPP).integer(OCPP_STATUS);
        long presence = read(SchneiderBlock.PRESENCE).integer(EV_PRESENCE);
        SchneiderBlock.Values measurements = read(SchneiderBlock.MEASUREMENTS);
        SchneiderBlock.Values energy = read(SchneiderBlock.ENERGY);
        long readBack = control.integer(SETPOINT);
        boolean charging = SchneiderStates.charging(evState);
        ChargerSnapshot snapshot = ChargerSnapshot
                .builder(now, SchneiderStates.map(evState, ocppStatus, charging && keepAlive.below(readBack)))
                .vehicle(SchneiderStates.vehicleConnected(evState, presence), charging)
                .setpointAmpere(readBack <= SETPOINT_MAX_AMPERE ? readBack : Double.NaN)
                .currentAmpere(currents(measurements))
                .powerWatt(powers(measurements))
                .energyWattHour(PhaseValues.totalOnly(energy.measured(ACTIVE_ENERGY_TOTAL)))
                .identity(null, station.firmware())
                .errorCodes(errorCodes(control))
                .build();
        OptionalInt again = keepAlive.due(readBack, now, name());
        if (again.isPresent()) {
            writeSetpoint(again.getAsInt());
        }
        return snapshot;
    }

    /** 4004 in whole amperes, rounded down (never above the gateway's limit); 0 A pauses. */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        double min = model().minCurrentAmpere();
        double max = model().maxCurrentAmpere();
        if (!(currentAmpere == 0 || currentAmpere >= min && currentAmpere <= max)) {
            throw new IllegalArgumentException(
                    "an EVlink Pro AC takes 0 A (pause) or " + min + ".." + max + " A, not " + currentAmpere);
        }
        writeSetpoint((int) Math.floor(currentAmpere + 1e-9));
    }

    @Override
    public void setPaused(boolean paused) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an EVlink Pro AC pauses at 0 A (register 4004 = 0); set the current limit to 0 instead");
    }

    /** 4001 has stop/suspend/restart commands, but no source says how they act on a session; not used. */
    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an EVlink Pro AC starts a session when the car is plugged in (or the card is shown); pause it at 0 A");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "an EVlink Pro AC cannot release the cable lock over Modbus");
    }

    @Override
    public void close() {
        modbus.close();
    }

    /** Checked once per connection (again after the station was unreachable), before any write. */
    private SchneiderIdentity identity() throws DeviceException {
        if (identity != null) {
            return identity;
        }
        SchneiderBlock.Values state = read(SchneiderBlock.EV_STATE);
        SchneiderBlock.Values control = read(SchneiderBlock.CONTROL);
        SchneiderBlock.Values identification = read(SchneiderBlock.IDENTIFICATION);
        SchneiderBlock.Values firmware = read(SchneiderBlock.FIRMWARE);
        identity = SchneiderIdentity.of(state, control, identification, firmware);
        LOG.info("{}: firmware {}, model register 4040 = {}, degraded setpoint {} A (1-phase) / {} A (3-phase)",
                name(), identity.firmware(), String.format(Locale.ROOT, "0x%04X", identity.model()),
                control.integer(DEGRADED_SETPOINT_1_PHASE), control.integer(DEGRADED_SETPOINT_3_PHASE));
        if (identity.commercialReference() == null) {
            LOG.warn("{}: registers 4060..4069 hold no commercial reference; the identity rests on the state and"
                    + " life bit registers", name());
        }
        return identity;
    }

    /** The life bit, unless deactivated; after a long silence the setpoint goes out again right after it. */
    private void feedLifeBit(Instant now) throws DeviceException {
        if (!keepAlive.supervised()) {
            return;
        }
        write(LIFE_BIT, 1);
        OptionalInt again = keepAlive.beaten(now, name());
        if (again.isPresent()) {
            writeSetpoint(again.getAsInt());
        }
    }

    private static PhaseValues currents(SchneiderBlock.Values measurements) {
        return PhaseValues.of(measurements.measured(CURRENT_L1), measurements.measured(CURRENT_L2),
                measurements.measured(CURRENT_L3));
    }

    /** Per phase and the station's own total (3059), in W. */
    private static PhaseValues powers(SchneiderBlock.Values measurements) {
        return new PhaseValues(measurements.measured(ACTIVE_POWER_L1), measurements.measured(ACTIVE_POWER_L2),
                measurements.measured(ACTIVE_POWER_L3), measurements.measured(ACTIVE_POWER_TOTAL));
    }

    /** Error group (4020) and error code (4022) bitfields when either is set; 0xFFFFFFFF is "not reported". */
    private static List<Long> errorCodes(SchneiderBlock.Values control) {
        if (control.unavailable(ERROR_GROUP) || control.unavailable(ERROR_CODE)) {
            return List.of();
        }
        long group = control.integer(ERROR_GROUP);
        long code = control.integer(ERROR_CODE);
        return group == 0 && code == 0 ? List.of() : List.of(group, code);
    }

    private void writeSetpoint(int ampere) throws DeviceException {
        write(SETPOINT, ampere);
        keepAlive.written(ampere, clock.instant());
    }

    private void write(SchneiderRegisters register, int value) throws DeviceException {
        identity();
        try {
            modbus.writeRegister(register.address(), register.encode(value));
        } catch (ModbusException e) {
            throw failed(e, "writing " + value + " to " + register);
        }
    }

    private SchneiderBlock.Values read(SchneiderBlock block) throws DeviceException {
        try {
            return new SchneiderBlock.Values(block, modbus.readHoldingRegisters(block.address(), block.count()));
        } catch (ModbusException e) {
            throw failed(e, "reading " + block);
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        return new ModbusException(e.kind(), "Schneider " + what + ": " + e.getMessage(), e.exceptionCode());
    }

    private String name() {
        return "EVlink Pro AC" + (identity == null || identity.commercialReference() == null ? ""
                : " " + identity.commercialReference());
    }
}
