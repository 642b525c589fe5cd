package org.echarge.driver.simulated.internal;

import static org.echarge.driver.simulated.internal.SimulatedRegisters.*;

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

/** One SIM-1 station. Not thread-safe: the runtime calls it from one thread at a time. */
final class SimulatedCharger implements Charger {

    private final ChargerModel model;
    private final ModbusClient modbus;
    private final Clock clock;
    private boolean identityChecked;
    private Integer limitDeciAmpere;
    private Instant limitWritten = Instant.MIN;

    SimulatedCharger(ChargerModel model, ModbusClient modbus, Clock clock) {
        this.model = model;
        this.modbus = modbus;
        this.clock = clock;
    }

    @Override
    public ChargerModel model() {
        return model;
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        int[] block = modbus.readInputRegisters(0, INPUT_BLOCK_LENGTH);
        if (!identityChecked) {
            checkIdentity(block);
        }
        feedWatchdog();
        return snapshot(block, clock.instant());
    }

    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        boolean valid = currentAmpere == 0
                || (currentAmpere >= model.minCurrentAmpere() && currentAmpere <= model.maxCurrentAmpere());
        if (!valid) {
            throw new IllegalArgumentException("SIM-1 accepts 0 or " + model.minCurrentAmpere() + ".."
                    + model.maxCurrentAmpere() + " A, not " + currentAmpere);
        }
        int raw = CURRENT_LIMIT.raw(currentAmpere);
        modbus.writeRegister(CURRENT_LIMIT.address(), raw);
        limitDeciAmpere = raw;
        limitWritten = clock.instant();
    }

    @Override
    public void setPaused(boolean paused) throws DeviceException {
        modbus.writeRegister(ENABLE.address(), paused ? 0 : 1);
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "SIM-1 starts sessions on its own; it has no start/stop command");
    }

    @Override
    public void unlock() throws DeviceException {
        modbus.writeRegister(UNLOCK.address(), 1);
    }

    @Override
    public void close() {
        modbus.close();
    }

    private void checkIdentity(int[] block) throws DeviceException {
        int code = (int) MODEL_CODE.value(block);
        if (code != EXPECTED_MODEL_CODE) {
            throw new DeviceException(Kind.WRONG_DEVICE, String.format(Locale.ROOT,
                    "model code 0x%04X at input register %d, expected 0x%04X (SIM-1)", code, MODEL_CODE.address(),
                    EXPECTED_MODEL_CODE));
        }
        identityChecked = true;
    }

    /** The station falls back to its fail-safe current unless register 100 is written within the watchdog time. */
    private void feedWatchdog() throws DeviceException {
        Duration due = model.watchdog().dividedBy(3);
        if (limitDeciAmpere != null && !Duration.between(limitWritten, clock.instant()).minus(due).isNegative()) {
            modbus.writeRegister(CURRENT_LIMIT.address(), limitDeciAmpere);
            limitWritten = clock.instant();
        }
    }

    static ChargerSnapshot snapshot(int[] block, Instant now) {
        int iec = (int) IEC_STATE.value(block);
        int status = (int) STATION_STATUS.value(block);
        int error = (int) ERROR_CODE.value(block);
        long rfid = (long) RFID.value(block);
        String evccId = EVCCID.text(block);
        return ChargerSnapshot.builder(now, SimulatedStates.map(iec, status))
                .vehicle(SimulatedStates.vehicleConnected(iec), iec == 3 || iec == 4)
                .setpointAmpere(LIMIT_IN_FORCE.value(block))
                .currentAmpere(PhaseValues.of(CURRENT_L1.value(block), CURRENT_L2.value(block), CURRENT_L3.value(block)))
                .powerWatt(new PhaseValues(POWER_L1.value(block), POWER_L2.value(block), POWER_L3.value(block),
                        POWER_TOTAL.value(block)))
                .energyWattHour(PhaseValues.totalOnly(ENERGY_TOTAL.value(block)))
                .sessionEnergyWattHour(ENERGY_SESSION.value(block))
                .identity(SERIAL_NUMBER.text(block), FIRMWARE_VERSION.text(block))
                .temperatureCelsius(TEMPERATURE.value(block))
                .rfidTag(rfid == 0 ? null : String.format(Locale.ROOT, "%08X", rfid))
                .evccId(evccId.isEmpty() ? null : evccId)
                .errorCodes(error == 0 ? List.of() : List.of((long) error))
                .build();
    }
}
