package org.echarge.driver.abb.internal;

import static org.echarge.driver.abb.internal.AbbRegisters.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.driver.abb.internal.AbbRegisters.Block;
import org.echarge.driver.abb.internal.AbbRegisters.Range;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ABB Terra AC, over Modbus TCP or on the RS485 line (the register map is the same). The first poll checks the
 * identity (4000h..4007h) before anything is written and makes sure the box's communication timeout leaves room for
 * late polls. Every poll is one read of 4008h..401Fh, which is also what feeds the box's communication supervision;
 * after a lost communication, or when the box does not hold the limit written, the limit is written again.
 * Not thread-safe: the runtime calls it from one thread at a time.
 */
final class AbbCharger implements Charger {

    private static final Logger LOG = LoggerFactory.getLogger(AbbCharger.class);
    private static final Range COMMUNICATION_TIMEOUT_RANGE = new Range(COMMUNICATION_TIMEOUT, COMMUNICATION_TIMEOUT);
    private static final Range CHARGING_STATE_RANGE = new Range(CHARGING_STATE, CHARGING_STATE);

    /** What the first poll learns; {@code commTimeout} is null where the box has no register for it. */
    private record Connection(AbbIdentity identity, Duration commTimeout) {
    }

    private final ChargerModel model;
    private final ModbusClient modbus;
    private final Clock clock;
    private final AbbTiming timing;
    private final String name;
    private final AbbSetpoint setpoint = new AbbSetpoint();
    private Connection connection;
    private Instant lastRead;
    private boolean clampLogged;

    AbbCharger(ChargerModel model, ModbusClient modbus, Clock clock, AbbTiming timing, String name) {
        this.model = model;
        this.modbus = modbus;
        this.clock = clock;
        this.timing = timing;
        this.name = name;
    }

    @Override
    public ChargerModel model() {
        return model;
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        Instant now = clock.instant();
        Duration silence = lastRead == null ? Duration.ZERO : Duration.between(lastRead, now);
        Connection box = connection();
        Block status = read(STATUS);
        long state = status.raw(CHARGING_STATE);
        long errorCode = status.raw(ERROR_CODE);
        long lock = status.raw(SOCKET_LOCK_STATE);
        long inForceMilliampere = status.raw(CURRENT_LIMIT);
        ChargerSnapshot.Builder snapshot = ChargerSnapshot.builder(now, AbbStates.map(state, errorCode, lock))
                .vehicle(AbbStates.vehicleConnected(state, lock), AbbStates.charging(state))
                .setpointAmpere(CURRENT_LIMIT.scaled(inForceMilliampere))
                .currentAmpere(PhaseValues.of(status.value(CURRENT_L1), status.value(CURRENT_L2),
                        status.value(CURRENT_L3)))
                .powerWatt(PhaseValues.totalOnly(status.value(ACTIVE_POWER)))
                // no lifetime counter: the runtime's session tracker takes the session register
                .sessionEnergyWattHour(status.value(SESSION_ENERGY))
                .identity(box.identity().serialNumber(), box.identity().firmware().toString())
                .errorCodes(errorCode == 0 ? List.of() : List.of(errorCode));
        var again = setpoint.due(inForceMilliampere, lapse(box, silence, errorCode), name);
        if (again.isPresent()) {
            writeLimit(again.getAsLong());
        }
        return snapshot.build();
    }

    /** 4100h in mA as one function-16 request; below 6 A the box pauses, from 6 A on it charges again. */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        if (!(currentAmpere == 0
                || currentAmpere >= model.minCurrentAmpere() && currentAmpere <= model.maxCurrentAmpere())) {
            throw new IllegalArgumentException("a Terra AC takes 0 (pause) or " + model.minCurrentAmpere() + ".."
                    + model.maxCurrentAmpere() + " A, not " + currentAmpere);
        }
        long milliampere = withinHardware(connection().identity(), Math.round(currentAmpere * 1000));
        writeLimit(milliampere);
        setpoint.written(milliampere);
    }

    @Override
    public void setPaused(boolean paused) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "a Terra AC pauses below 6 A (register 4100h); set the current limit to 0 instead");
    }

    /** 4105h: 0 starts, 1 stops the charging session. */
    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        connection();
        writeSingle(START_STOP_SESSION, active ? 0 : 1);
    }

    /**
     * 4103h = 0 releases the cable at the station; socket versions only. ABB advises against it during a session,
     * and a user saw the box end the session then (state 5 until re-plugged, peufeu2/GrugBus): not while the box
     * reports B1..C2.
     */
    @Override
    public void unlock() throws DeviceException {
        AbbIdentity box = connection().identity();
        if (!box.connector().socket) {
            throw new DeviceException(Kind.NOT_SUPPORTED, name + " has a fixed " + box.connector().text
                    + "; only socket versions have a cable lock (4103h)");
        }
        long state = read(CHARGING_STATE_RANGE).raw(CHARGING_STATE);
        int code = AbbStates.code(state);
        if (code >= AbbStates.B1 && code <= AbbStates.C2) {
            throw new DeviceException(Kind.NOT_SUPPORTED, name + ": no unlock during a session (400Ch state " + code
                    + "); it would end the session: unplug the car or stop the session first");
        }
        writeSingle(LOCK_SOCKET_CABLE, 0);
    }

    @Override
    public void close() {
        modbus.close();
    }

    /** Checked once per connection (again after the box was unreachable), before any write. */
    private Connection connection() throws DeviceException {
        if (connection != null) {
            return connection;
        }
        Block block = read(IDENTITY);
        AbbIdentity box;
        try {
            box = AbbIdentity.parse(block.words(SERIAL_NUMBER), block.raw(FIRMWARE_VERSION),
                    block.raw(MAX_RATED_CURRENT));
        } catch (IllegalArgumentException e) {
            throw new DeviceException(Kind.WRONG_DEVICE, name + ": " + IDENTITY + " hold " + hex(block.words()) + ": "
                    + e.getMessage() + "; not an ABB Terra AC");
        }
        Duration commTimeout = prepareCommTimeout();
        LOG.info("{}: {} ({}, {} kW), firmware {}, max {} A, communication timeout {}", name, box.serialNumber(),
                box.connector().text, box.ratedPowerKilowatt(), box.firmware(), box.maxRatedMilliampere() / 1000.0,
                commTimeout == null ? "unknown (no register 4020h)" : commTimeout.toSeconds() + " s");
        if (box.firmware().isBefore(AbbFirmware.MODBUS_SINCE)) {
            LOG.warn("{}: firmware {} is older than {}, the first known to work as a Modbus secondary", name,
                    box.firmware(), AbbFirmware.MODBUS_SINCE);
        }
        connection = new Connection(box, commTimeout);
        return connection;
    }

    /**
     * The box counts a lost communication when no register was read within its timeout (4106h, read back at 4020h):
     * error, charging stops. One shorter than {@link AbbTiming#minimumCommTimeout()} could run out between late
     * polls, so it is raised to {@link AbbTiming#commTimeout()}. A box without 4020h (or one that refuses the write)
     * keeps what it has; the polls read it often anyway.
     */
    private Duration prepareCommTimeout() throws DeviceException {
        long seconds;
        try {
            seconds = read(COMMUNICATION_TIMEOUT_RANGE).raw(COMMUNICATION_TIMEOUT);
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            LOG.warn("{}; the box's communication timeout is unknown", e.getMessage());
            return null;
        }
        if (seconds >= timing.minimumCommTimeout().toSeconds()) {
            return Duration.ofSeconds(seconds);
        }
        try {
            writeSingle(SET_COMMUNICATION_TIMEOUT, timing.commTimeoutSeconds());
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            LOG.warn("{}; the box keeps its communication timeout of {} s and may stop charging between polls",
                    e.getMessage(), seconds);
            return Duration.ofSeconds(seconds);
        }
        LOG.info("{}: communication timeout set to {} s (4020h was {} s)", name, timing.commTimeoutSeconds(), seconds);
        return timing.commTimeout();
    }

    /** Why the box counts the communication as lost, or null. */
    private static String lapse(Connection box, Duration silence, long errorCode) {
        if (box.commTimeout() != null && silence.compareTo(box.commTimeout()) >= 0) {
            return "no register read for " + silence.toMillis() / 1000.0 + " s, the box's communication timeout is "
                    + box.commTimeout().toSeconds() + " s";
        }
        if ((errorCode & AbbStates.COMMUNICATION_LOST) != 0) {
            return String.format(Locale.ROOT, "error code 0x%X (4008h) says the Modbus communication was lost",
                    errorCode);
        }
        return null;
    }

    /** At most what the hardware allows (4006h): more would read as "below the commanded value" for ever. */
    private long withinHardware(AbbIdentity box, long milliampere) {
        if (milliampere <= box.maxRatedMilliampere()) {
            return milliampere;
        }
        if (!clampLogged) {
            LOG.info("{}: the box allows at most {} A (4006h); writing that instead of {} A", name,
                    box.maxRatedMilliampere() / 1000.0, milliampere / 1000.0);
            clampLogged = true;
        }
        return box.maxRatedMilliampere();
    }

    private Block read(Range range) throws DeviceException {
        try {
            Block block = new Block(range.address(), modbus.readHoldingRegisters(range.address(), range.count()));
            lastRead = clock.instant();
            return block;
        } catch (ModbusException e) {
            throw failed(e, "reading " + range);
        }
    }

    private void writeLimit(long milliampere) throws DeviceException {
        try {
            modbus.writeRegisters(SET_CURRENT_LIMIT.address(), SET_CURRENT_LIMIT.encode(milliampere / 1000.0));
        } catch (ModbusException e) {
            throw failed(e, "writing " + milliampere + " mA to " + SET_CURRENT_LIMIT);
        }
    }

    private void writeSingle(AbbRegisters register, int value) throws DeviceException {
        try {
            modbus.writeRegister(register.address(), register.encode(value)[0]);
        } catch (ModbusException e) {
            throw failed(e, "writing " + value + " to " + register);
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            connection = null; // whoever answers after the outage is checked again
        }
        return new ModbusException(e.kind(), name + " " + what + ": " + e.getMessage(), e.exceptionCode());
    }

    private static String hex(int[] words) {
        return Arrays.stream(words).mapToObj(word -> String.format(Locale.ROOT, "%04X", word))
                .collect(Collectors.joining(" "));
    }
}
