package org.echarge.driver.vestel.internal;

import static org.echarge.driver.vestel.internal.VestelRegisters.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.RegisterText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Vestel EVC04 (or rebrand) through its single Modbus client: the box accepts one master, so this charger never
 * opens a second one. Reads every value in its own request, writes the setpoint (5004, whole amps, 0 pauses) with
 * function 6, and feeds the box's watchdog from {@link #poll()} ({@link VestelKeepAlive}). Not thread-safe: the
 * runtime calls it from one thread at a time.
 */
final class VestelCharger implements Charger {

    /** What the first poll learns about the box. */
    private record Identity(String serialNumber, VestelFirmware firmware) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(VestelCharger.class);

    private final VestelModel model;
    private final ModbusClient modbus;
    private final Clock clock;
    private final VestelKeepAlive keepAlive = new VestelKeepAlive();
    private Identity identity;
    private boolean rfidUnreadableLogged;

    VestelCharger(VestelModel model, ModbusClient modbus, Clock clock) {
        this.model = model;
        this.modbus = modbus;
        this.clock = clock;
    }

    @Override
    public ChargerModel model() {
        return model.model();
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        Identity box = identity();
        Instant now = clock.instant();
        // cable before state: a car leaving between the two reads cannot look like "charging, no car"
        long cable = read(CABLE_STATE);
        long state = read(CHARGE_POINT_STATE);
        long charging = read(CHARGING_STATE);
        long fault = read(FAULT_CODE);
        long offered = read(SESSION_MAX_CURRENT);
        long readBack = read(CHARGING_CURRENT);
        boolean vehicle = VestelStates.vehicleConnected(cable);
        boolean reduced = (state == VestelStates.CHARGING || charging == 1) && belowRequest(offered);
        PointState mapped = VestelStates.map(state, charging, cable, reduced);
        ChargerSnapshot.Builder snapshot = ChargerSnapshot.builder(now, mapped)
                .vehicle(vehicle, mapped.isCharging())
                .setpointAmpere(setpointInForce(vehicle, offered, readBack))
                .currentAmpere(PhaseValues.of(value(CURRENT_L1), value(CURRENT_L2), value(CURRENT_L3)))
                .powerWatt(new PhaseValues(value(ACTIVE_POWER_L1), value(ACTIVE_POWER_L2), value(ACTIVE_POWER_L3),
                        value(ACTIVE_POWER)))
                .energyWattHour(PhaseValues.totalOnly(value(METER_READING)))
                .sessionEnergyWattHour(value(SESSION_ENERGY))
                .identity(box.serialNumber(), box.firmware().text())
                .errorCodes(fault == 0 ? List.of() : List.of(fault));
        if (!box.firmware().isBefore(VestelFirmware.RFID_SINCE)) {
            snapshot.rfidTag(rfidTag());
        }
        VestelKeepAlive.Due due = keepAlive.due(now, readBack, vehicle && charging == 1, name());
        if (due.heartbeat()) {
            write(ALIVE, 1);
            keepAlive.heartbeat(now);
        }
        if (due.setpointAmpere().isPresent()) {
            writeSetpoint(due.setpointAmpere().getAsInt());
        }
        return snapshot.build();
    }

    /**
     * 5004 in whole amps: a fraction is cut off (never more than the gateway allowed). 0 pauses: the box goes to
     * SuspendedEVSE and reads back its hardware minimum, so the pause is kept in the driver (evcc issue 10527).
     */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        double min = model().minCurrentAmpere();
        double max = model().maxCurrentAmpere();
        if (!(currentAmpere == 0 || currentAmpere >= min && currentAmpere <= max)) {
            throw new IllegalArgumentException(
                    "a Vestel EVC04 takes 0 A (pause) or " + min + ".." + max + " A, not " + currentAmpere);
        }
        writeSetpoint((int) Math.floor(currentAmpere));
    }

    @Override
    public void setPaused(boolean paused) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "a Vestel EVC04 pauses at 0 A (register 5004 = 0); set the current limit to 0 instead");
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "a Vestel EVC04 starts a session when the car is plugged in (or the card is shown); pause it at 0 A"
                        + " instead");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "a Vestel EVC04 cannot release the cable lock over Modbus");
    }

    @Override
    public void close() {
        modbus.close();
    }

    /**
     * Checked once per connection (again after the box was unreachable), before any write: the identification
     * texts must be in Vestel's coding, one character per register, and 230 must hold a firmware version. The
     * sources do not list the texts each brand writes into 190 and 210, so they are logged, not compared.
     */
    private Identity identity() throws DeviceException {
        if (identity != null) {
            return identity;
        }
        String modelText = identification(MODEL);
        String brand = identification(BRAND);
        String serialNumber = identification(SERIAL_NUMBER);
        String firmwareText = identification(FIRMWARE_VERSION);
        VestelFirmware firmware = VestelFirmware.parse(firmwareText).orElseThrow(() -> new DeviceException(
                Kind.WRONG_DEVICE, "'" + firmwareText + "' at register 230 is no Vestel firmware version (v3.187.0-...)"
                        + ", register 210 holds '" + modelText + "'"));
        long phases = read(NUMBER_OF_PHASES);
        long failsafeAmpere = read(FAILSAFE_CURRENT);
        long timeoutSeconds = read(FAILSAFE_TIMEOUT);
        keepAlive.connected(Duration.ofSeconds(timeoutSeconds));
        identity = new Identity(serialNumber.isEmpty() ? null : serialNumber, firmware);
        LOG.info("{}: brand '{}', model '{}', firmware {}, {} installation, failsafe {} A after {} s", name(), brand,
                modelText, firmware, phases == 0 ? "1-phase" : "3-phase", failsafeAmpere,
                timeoutSeconds == 0 ? "(0, taken as " + keepAlive.timeout().toSeconds() + ")" : timeoutSeconds);
        if (firmware.isBefore(VestelFirmware.RFID_SINCE)) {
            LOG.info("{}: firmware {} reports no RFID card over Modbus (from {} on)", name(), firmware,
                    VestelFirmware.RFID_SINCE);
        }
        if (timeoutSeconds > 0 && timeoutSeconds < 2 * VestelChargerDriver.POLL_INTERVAL.toSeconds()) {
            LOG.warn("{}: failsafe timeout {} s is shorter than two polls ({} s); the box may fall back to {} A"
                    + " between polls", name(), timeoutSeconds, 2 * VestelChargerDriver.POLL_INTERVAL.toSeconds(),
                    failsafeAmpere);
        }
        return identity;
    }

    /** A text of the identification; another maker packs two characters into a register. */
    private String identification(VestelRegisters register) throws DeviceException {
        int[] words = words(register);
        if (!VestelText.oneCharacterPerRegister(words)) {
            throw new DeviceException(Kind.WRONG_DEVICE, "register " + register + " holds '"
                    + RegisterText.decode(words, 0, words.length, RegisterText.ByteOrder.HIGH_FIRST)
                    + "', two characters per register: not a Vestel (one character per register)");
        }
        return VestelText.decode(words);
    }

    /** With a vehicle what the box offers it (1100); without, the setpoint held: 0 while paused, else 5004. */
    private double setpointInForce(boolean vehicle, long offered, long readBack) {
        if (vehicle) {
            return SESSION_MAX_CURRENT.scaled(offered);
        }
        return keepAlive.setpointAmpere().orElse(-1) == 0 ? 0 : CHARGING_CURRENT.scaled(readBack);
    }

    /**
     * Less offered (1100) than the gateway asked for and than box (1104) and cable (1106, 0 = no limit) allow:
     * failsafe current or derating. Reads 1104 and 1106 only in that case.
     */
    private boolean belowRequest(long offered) throws DeviceException {
        if (!keepAlive.below(offered) || offered >= read(EVSE_MAX_CURRENT)) {
            return false;
        }
        long cableMax = read(CABLE_MAX_CURRENT);
        return cableMax == 0 || offered < cableMax;
    }

    /**
     * 1516 from firmware 3.156.0; a box that still refuses the read (exception response) reports no card. The
     * snapshot wants the first 4 bytes of the card as hex: a hex text is cut to 8 digits, other text is passed on.
     */
    private String rfidTag() throws DeviceException {
        String text;
        try {
            text = VestelText.decode(modbus.readInputRegisters(SESSION_RFID.address(), SESSION_RFID.count()));
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw failed(e, "reading " + SESSION_RFID);
            }
            if (!rfidUnreadableLogged) {
                LOG.info("{}: {} answers exception {}; reporting no RFID card", name(), SESSION_RFID,
                        e.exceptionCode());
                rfidUnreadableLogged = true;
            }
            return null;
        }
        if (text.isEmpty() || text.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return text.matches("[0-9A-Fa-f]{8,}") ? text.substring(0, 8).toUpperCase(Locale.ROOT) : text;
    }

    private void writeSetpoint(int ampere) throws DeviceException {
        write(CHARGING_CURRENT, CHARGING_CURRENT.toRaw(ampere));
        keepAlive.written(ampere);
    }

    private double value(VestelRegisters register) throws DeviceException {
        return register.scaled(read(register));
    }

    private long read(VestelRegisters register) throws DeviceException {
        return register.raw(words(register));
    }

    private int[] words(VestelRegisters register) throws DeviceException {
        try {
            return register.table() == Table.INPUT
                    ? modbus.readInputRegisters(register.address(), register.count())
                    : modbus.readHoldingRegisters(register.address(), register.count());
        } catch (ModbusException e) {
            throw failed(e, "reading " + register);
        }
    }

    private void write(VestelRegisters register, int raw) throws DeviceException {
        identity();
        try {
            modbus.writeRegister(register.address(), raw);
        } catch (ModbusException e) {
            throw failed(e, "writing " + raw + " to " + register);
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        return new ModbusException(e.kind(), name() + " " + what + ": " + e.getMessage(), e.exceptionCode());
    }

    private String name() {
        return model().manufacturer() + (identity == null || identity.serialNumber() == null ? ""
                : " " + identity.serialNumber());
    }
}
