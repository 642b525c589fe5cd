package org.echarge.driver.alfen.internal;

import static org.echarge.driver.alfen.internal.AlfenRegisters.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;

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
 * One socket of an Alfen Eve: its own unit id (1 or 2) for status, meter and setpoint, unit id 200 for
 * the station. Reads three blocks per poll, writes the setpoint (1210, float32 A) as one function-16
 * request, and keeps it valid from {@link #poll()} ({@link AlfenKeepAlive}). Not thread-safe: the
 * runtime calls it from one thread at a time.
 */
final class AlfenCharger implements Charger {

    /** Meter state (300): 0x01 initialised, 0x08 error. */
    private static final long METER_INITIALISED = 0x01;
    private static final long METER_ERROR = 0x08;

    /** What the first poll learns about the station. */
    private record Identity(String serialNumber, String firmware) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlfenCharger.class);

    private final AlfenModel model;
    private final int socket;
    private final ModbusClient station;
    private final ModbusClient socketUnit;
    private final Clock clock;
    private final AlfenKeepAlive keepAlive = new AlfenKeepAlive();
    private Identity identity;
    private boolean socketLogged;
    private boolean meterLogged;

    /**
     * @param station the client of unit id 200
     * @param socketUnit the client of the socket's unit id, {@code socket}
     */
    AlfenCharger(AlfenModel model, int socket, ModbusClient station, ModbusClient socketUnit, Clock clock) {
        this.model = model;
        this.socket = socket;
        this.station = station;
        this.socketUnit = socketUnit;
        this.clock = clock;
    }

    @Override
    public ChargerModel model() {
        return model.model();
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        Identity stationIdentity = identity();
        Instant now = clock.instant();
        AlfenBlock.Values status = read(AlfenBlock.SOCKET_STATUS);
        AlfenBlock.Values meter = read(AlfenBlock.METER);
        AlfenBlock.Values stationStatus = read(AlfenBlock.STATION_STATUS);
        logSocketOnce(status);
        String mode3 = status.text(MODE_3_STATE);
        double appliedAmpere = status.number(APPLIED_MAX_CURRENT);
        boolean reduced = AlfenStates.charging(mode3) && keepAlive.below(appliedAmpere);
        ChargerSnapshot.Builder snapshot = ChargerSnapshot
                .builder(now, AlfenStates.map(mode3, status.raw(AVAILABILITY), reduced))
                .vehicle(AlfenStates.vehicleConnected(mode3), AlfenStates.charging(mode3))
                .setpointAmpere(appliedAmpere)
                .identity(stationIdentity.serialNumber(), stationIdentity.firmware())
                .temperatureCelsius(stationStatus.number(TEMPERATURE));
        if (meterUsable(meter)) {
            // Alfen's own sums: on a 1-phase installation or with a Reallin meter single phases read NaN
            snapshot.currentAmpere(phases(meter, CURRENT_L1, CURRENT_L2, CURRENT_L3, CURRENT_SUM))
                    .powerWatt(phases(meter, REAL_POWER_L1, REAL_POWER_L2, REAL_POWER_L3, REAL_POWER_SUM))
                    .energyWattHour(phases(meter, ENERGY_DELIVERED_L1, ENERGY_DELIVERED_L2, ENERGY_DELIVERED_L3,
                            ENERGY_DELIVERED_SUM));
        }
        OptionalDouble again = keepAlive.due(status, now, name());
        if (again.isPresent()) {
            writeSetpoint(again.getAsDouble());
        }
        return snapshot.build();
    }

    /** 1210 as float32 amperes in one function-16 request; 0 A pauses (the socket goes to B1/C1). */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        double min = model().minCurrentAmpere();
        double max = model().maxCurrentAmpere();
        if (!(currentAmpere == 0 || currentAmpere >= min && currentAmpere <= max)) {
            throw new IllegalArgumentException(
                    "an Alfen socket takes 0 A (pause) or " + min + ".." + max + " A, not " + currentAmpere);
        }
        writeSetpoint(currentAmpere);
    }

    @Override
    public void setPaused(boolean paused) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an Alfen socket pauses at 0 A (register 1210 = 0.0); set the current limit to 0 instead");
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an Alfen starts a session when the car is plugged in (or the card is shown); pause it at 0 A instead");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "an Alfen cannot release the cable lock over Modbus");
    }

    @Override
    public void close() {
        socketUnit.close();
        station.close();
    }

    /**
     * Checked once per connection (again after the station was unreachable), before any write:
     * manufacturer and platform at unit 200, and the number of sockets the model has.
     */
    private Identity identity() throws DeviceException {
        if (identity != null) {
            return identity;
        }
        AlfenBlock.Values id = read(AlfenBlock.IDENTITY);
        String manufacturer = id.text(MANUFACTURER);
        if (!manufacturer.toLowerCase(Locale.ROOT).startsWith("alfen")) {
            throw new DeviceException(Kind.WRONG_DEVICE,
                    "unit 200 names manufacturer '" + manufacturer + "' (register 117), not Alfen");
        }
        String platform = id.text(PLATFORM_TYPE);
        if (!platform.startsWith("NG9")) {
            throw new DeviceException(Kind.WRONG_DEVICE,
                    "Alfen platform '" + platform + "' (register 140) is not the NG9xx platform of the Eve stations");
        }
        AlfenBlock.Values status = read(AlfenBlock.STATION_STATUS);
        if (status.unavailable(NUMBER_OF_SOCKETS)) {
            throw new DeviceException(Kind.COMMUNICATION,
                    "Alfen " + platform + ": the number of sockets (register 1105) is not available");
        }
        long sockets = status.raw(NUMBER_OF_SOCKETS);
        if (sockets != model.sockets()) {
            throw new DeviceException(Kind.WRONG_DEVICE, "the Alfen " + platform + " has " + sockets
                    + " socket(s) (register 1105), the configured " + model().name() + " has " + model.sockets());
        }
        identity = new Identity(id.text(SERIAL_NUMBER), id.text(FIRMWARE_VERSION));
        LOG.info("Alfen {} serial {}, firmware {}, Modbus table version {}, {} socket(s)", platform,
                identity.serialNumber(), identity.firmware(), (int) id.number(MODBUS_TABLE_VERSION), sockets);
        socketLogged = false;
        return identity;
    }

    /** What the installer set in ACE and the gateway cannot change. */
    private void logSocketOnce(AlfenBlock.Values status) {
        if (socketLogged) {
            return;
        }
        socketLogged = true;
        if (status.unavailable(SAFE_CURRENT)) {
            LOG.warn("{}: no safe current (1212); Alfen takes no Modbus setpoint before one is set in ACE", name());
        } else {
            LOG.info("{}: safe current {} A, {} phase(s) (1215), setpoint valid for {} s more", name(),
                    status.number(SAFE_CURRENT), status.raw(CHARGE_PHASES), status.raw(SETPOINT_VALIDITY));
        }
    }

    /** Meter state (300) not initialised or in error: no measurements. Unavailable (0xFFFF): take them as read. */
    private boolean meterUsable(AlfenBlock.Values meter) {
        if (meter.unavailable(METER_STATE)) {
            return true;
        }
        long state = meter.raw(METER_STATE);
        boolean usable = (state & METER_INITIALISED) != 0 && (state & METER_ERROR) == 0;
        if (!usable && !meterLogged) {
            LOG.warn("{}: meter state {} (register 300); reporting no measurements", name(),
                    String.format(Locale.ROOT, "0x%02X", state));
        }
        meterLogged = !usable;
        return usable;
    }

    private static PhaseValues phases(AlfenBlock.Values meter, AlfenRegisters l1, AlfenRegisters l2,
            AlfenRegisters l3, AlfenRegisters sum) {
        return new PhaseValues(meter.number(l1), meter.number(l2), meter.number(l3), meter.number(sum));
    }

    private void writeSetpoint(double ampere) throws DeviceException {
        identity();
        try {
            socketUnit.writeRegisters(MODBUS_MAX_CURRENT.address(), MODBUS_MAX_CURRENT.encode(ampere));
        } catch (ModbusException e) {
            throw failed(e, "writing " + ampere + " A to " + MODBUS_MAX_CURRENT + " of unit " + socket
                    + (e.exceptionCode() == 0 ? "" : " (is \"Allow writing maximum currents\" on in ACE?)"));
        }
        keepAlive.written(ampere, clock.instant());
    }

    private AlfenBlock.Values read(AlfenBlock block) throws DeviceException {
        boolean atStation = block.slave() == AlfenRegisters.Slave.STATION;
        try {
            ModbusClient client = atStation ? station : socketUnit;
            return new AlfenBlock.Values(block, client.readHoldingRegisters(block.address(), block.count()));
        } catch (ModbusException e) {
            throw failed(e, "reading " + block + " of unit " + (atStation ? STATION_UNIT_ID : socket)
                    + (e.exceptionCode() == 0 ? "" : " (is \"Allow reading\" on in ACE?)"));
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        return new ModbusException(e.kind(), "Alfen " + what + ": " + e.getMessage(), e.exceptionCode());
    }

    private String name() {
        return "Alfen " + (identity == null ? "" : identity.serialNumber() + " ") + "socket " + socket;
    }
}
