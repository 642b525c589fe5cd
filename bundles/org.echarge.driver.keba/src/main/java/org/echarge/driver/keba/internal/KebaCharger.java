package org.echarge.driver.keba.internal;

import static org.echarge.driver.keba.internal.KebaRegisters.*;

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
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KEBA KeContact P30. Reads one u32 per request (the transport keeps KEBA's 0.5 s between
 * requests), keeps writes 5 s apart itself, and feeds the station's failsafe from {@link #poll()}.
 * Not thread-safe: the runtime calls it from one thread at a time.
 */
final class KebaCharger implements Charger {

    /** KEBA: write no faster than every 5 s (programmers guide, quoted in OpenEMS). */
    static final Duration WRITE_SPACING = Duration.ofSeconds(5);

    /** How the charger waits out {@link #WRITE_SPACING}; tests move a clock instead. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** What the first poll learns about the station. */
    private record Identity(KebaProductCode product, String serialNumber, KebaFirmware firmware,
            Duration failsafeTimeout) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(KebaCharger.class);

    private final KebaSeries series;
    private final ModbusClient modbus;
    private final Clock clock;
    private final Sleeper sleeper;
    private Identity identity;
    private Instant lastWrite;
    private Instant lastHeartbeat;
    private Integer requestedMilliampere;
    private boolean rfidUnreadableLogged;

    KebaCharger(KebaSeries series, ModbusClient modbus, Clock clock, Sleeper sleeper) {
        this.series = series;
        this.modbus = modbus;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public ChargerModel model() {
        return series.model();
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        Identity station = identity();
        Instant now = clock.instant();
        // cable before charging state: a car leaving between the two reads cannot look like "charging, no car"
        long cable = read(CABLE_STATE);
        long state = read(CHARGING_STATE);
        long error = read(ERROR_CODE);
        long effectiveMilliampere = read(MAX_CURRENT_EFFECTIVE);
        boolean reduced = KebaStates.charging(state) && belowRequest(effectiveMilliampere);
        ChargerSnapshot.Builder snapshot = ChargerSnapshot.builder(now, KebaStates.map(state, cable, reduced))
                .vehicle(KebaStates.vehicleConnected(cable), KebaStates.charging(state))
                .setpointAmpere(MAX_CURRENT_EFFECTIVE.scaled(effectiveMilliampere))
                .identity(station.serialNumber(), station.firmware().toString())
                .errorCodes(error == 0 ? List.of() : List.of(error));
        if (station.product().metered()) {
            // KEBA reports the power as a total only; 1502 (session energy) is not used: it is not reset on
            // plug-in (evcc) and 5014 restarts KEBA's session, so sessions come from the counter 1036
            snapshot.currentAmpere(PhaseValues.of(value(CURRENT_L1), value(CURRENT_L2), value(CURRENT_L3)))
                    .powerWatt(PhaseValues.totalOnly(value(ACTIVE_POWER)))
                    .energyWattHour(PhaseValues.totalOnly(value(TOTAL_ENERGY)));
        }
        if (station.product().rfidReader()) {
            snapshot.rfidTag(rfidTag());
        }
        keepAlive(station);
        return snapshot.build();
    }

    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        ChargerModel model = model();
        if (!(currentAmpere >= model.minCurrentAmpere() && currentAmpere <= model.maxCurrentAmpere())) {
            throw new IllegalArgumentException("a KeContact P30 takes " + model.minCurrentAmpere() + ".."
                    + model.maxCurrentAmpere() + " A (pause it instead of 0 A), not " + currentAmpere);
        }
        int milliampere = SET_CURRENT.toRaw(currentAmpere);
        write(SET_CURRENT, milliampere);
        requestedMilliampere = milliampere;
    }

    /** 5014 = 0 stops the current (state 5, or 1); 5014 = 1 releases it again. */
    @Override
    public void setPaused(boolean paused) throws DeviceException {
        write(ENABLE, paused ? 0 : 1);
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "a KeContact P30 starts a session when the car is plugged in (or the card is shown); pause it instead");
    }

    /** OpenEMS writes 0 (its SetUnlock.UNLOCK); KEBA unlocks only while charging is suspended. */
    @Override
    public void unlock() throws DeviceException {
        write(UNLOCK_PLUG, 0);
    }

    @Override
    public void close() {
        modbus.close();
    }

    /** Checked once per connection (again after the station was unreachable), before any write. */
    private Identity identity() throws DeviceException {
        if (identity != null) {
            return identity;
        }
        long code = read(PRODUCT_TYPE);
        KebaProductCode product = KebaProductCode.parse(code).orElseThrow(() -> new DeviceException(
                Kind.WRONG_DEVICE, "product code " + code + " at register 1016 is not a KeContact P30 (six digits"
                        + " starting with 3; a P40 has seven starting with 4)"));
        if (product.cSeries() != series.cSeries()) {
            throw new DeviceException(Kind.WRONG_DEVICE, "product code " + code + " is a KeContact P30 "
                    + product.series() + ", configured is the " + model().name());
        }
        String serialNumber = Long.toString(read(SERIAL_NUMBER));
        KebaFirmware firmware = KebaFirmware.of(read(FIRMWARE));
        double failsafeAmpere = value(FAILSAFE_CURRENT_SETTING);
        long timeoutSeconds = read(FAILSAFE_TIMEOUT_SETTING);
        if (timeoutSeconds > 0xFFFF) {
            throw new DeviceException(Kind.COMMUNICATION,
                    "implausible failsafe timeout " + timeoutSeconds + " s at register 1602");
        }
        LOG.info("KEBA {} serial {}, firmware {}, product code {}: {}", model().name(), serialNumber, firmware, code,
                timeoutSeconds == 0 ? "failsafe off" : "failsafe " + failsafeAmpere + " A after " + timeoutSeconds + " s");
        if (firmware.isBefore(series.minimumFirmware())) {
            LOG.warn("KEBA {}: firmware {} is older than {}, the first known to work over Modbus TCP", serialNumber,
                    firmware, series.minimumFirmware());
        }
        if (timeoutSeconds > 0 && timeoutSeconds < 2 * KebaChargerDriver.POLL_INTERVAL.toSeconds()) {
            LOG.warn("KEBA {}: failsafe timeout {} s is shorter than two poll intervals ({} s); the station may fall"
                    + " back to {} A between polls", serialNumber, timeoutSeconds, KebaChargerDriver.POLL_INTERVAL.toSeconds(),
                    failsafeAmpere);
        }
        identity = new Identity(product, serialNumber, firmware, Duration.ofSeconds(timeoutSeconds));
        return identity;
    }

    /**
     * With a failsafe timeout (1602 > 0) the station falls back to its failsafe current (1600) unless
     * 5018 is written within the timeout. Writing the same value again is the heartbeat (evcc). It goes
     * out from the first poll at or after half the timeout less one poll interval, so that a poll that
     * comes late is still in time. After a lapse the station holds the failsafe current until the limit
     * is written again.
     */
    private void keepAlive(Identity station) throws DeviceException {
        Duration timeout = station.failsafeTimeout();
        if (timeout.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Duration every = timeout.dividedBy(2).minus(KebaChargerDriver.POLL_INTERVAL);
        if (lastHeartbeat != null && now.isBefore(lastHeartbeat.plus(every))) {
            return;
        }
        Duration silence = lastHeartbeat == null ? Duration.ZERO : Duration.between(lastHeartbeat, now);
        write(SET_FAILSAFE_TIMEOUT, SET_FAILSAFE_TIMEOUT.toRaw(timeout.toSeconds()));
        lastHeartbeat = lastWrite;
        if (silence.compareTo(timeout) >= 0 && requestedMilliampere != null) {
            LOG.warn("KEBA {}: no heartbeat for {} s, the station fell back to its failsafe current; writing"
                    + " {} mA again", station.serialNumber(), silence.toSeconds(), requestedMilliampere);
            write(SET_CURRENT, requestedMilliampere);
        }
    }

    /**
     * Less current in force than requested and than hardware and cable allow (1110): failsafe or
     * derating. Reads 1110 only in that case.
     */
    private boolean belowRequest(long effectiveMilliampere) throws DeviceException {
        return requestedMilliampere != null && effectiveMilliampere < requestedMilliampere
                && effectiveMilliampere < read(MAX_CURRENT_SUPPORTED);
    }

    /** OpenEMS: 1500 cannot always be read with firmware 1.1.9 and older; an exception there means no tag. */
    private String rfidTag() throws DeviceException {
        try {
            long tag = read(RFID_TAG);
            return tag == 0 ? null : String.format(Locale.ROOT, "%08X", tag);
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            if (!rfidUnreadableLogged) {
                LOG.info("{}; reporting no RFID card", e.getMessage());
                rfidUnreadableLogged = true;
            }
            return null;
        }
    }

    private double value(KebaRegisters register) throws DeviceException {
        return register.scaled(read(register));
    }

    private long read(KebaRegisters register) throws DeviceException {
        try {
            return register.raw(modbus.readHoldingRegisters(register.address(), register.type().count()));
        } catch (ModbusException e) {
            throw failed(e, "reading " + register);
        }
    }

    private void write(KebaRegisters register, int raw) throws DeviceException {
        identity();
        awaitWriteSpacing();
        try {
            modbus.writeRegister(register.address(), raw);
        } catch (ModbusException e) {
            throw failed(e, "writing " + raw + " to " + register);
        } finally {
            lastWrite = clock.instant();
        }
    }

    private void awaitWriteSpacing() throws DeviceException {
        if (lastWrite == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), lastWrite.plus(WRITE_SPACING));
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(Kind.NOT_REACHABLE, "interrupted while keeping KEBA's 5 s between writes");
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        return new ModbusException(e.kind(), "KEBA " + what + ": " + e.getMessage(), e.exceptionCode());
    }
}
