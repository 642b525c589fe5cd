package org.echarge.sim.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIM-1 register map, version 1 (README.md "Station register map"), over a {@link StationModel}.
 * Input registers are computed per read from the model advanced to now; holding registers read
 * and write the model directly. A refused value changes nothing (see README: j2mod cannot answer
 * exception 3), so a read-back or the echo of a single-register write shows it did not take.
 */
final class StationRegisters {

    static final int MODEL_CODE = 0xEC01;
    static final int MAP_VERSION = 1;
    static final int INPUT_COUNT = 50;
    static final int CURRENT_LIMIT = 100;
    static final int ENABLE = 101;
    static final int WATCHDOG = 102;
    static final int FAILSAFE_CURRENT = 103;
    static final int UNLOCK = 104;

    private static final Logger LOG = LoggerFactory.getLogger(StationRegisters.class);

    private final StationModel model;
    private final String serialNumber;
    private final String firmwareVersion;
    private final Map<Integer, Holding> holdings;
    private volatile WriteObserver observer = (register, value, nanoTime) -> { };

    /** Hears of every write that took. */
    @FunctionalInterface
    interface WriteObserver {
        void written(int register, int value, long nanoTime);
    }

    StationRegisters(StationModel model, String serialNumber, String firmwareVersion) {
        this.model = model;
        this.serialNumber = serialNumber;
        this.firmwareVersion = firmwareVersion;
        this.holdings = Map.of(
                CURRENT_LIMIT, new Holding(model::limitDeciAmpere, model::writeLimit),
                ENABLE, new Holding(() -> model.enabled() ? 1 : 0, model::writeEnabled),
                WATCHDOG, new Holding(model::watchdogSeconds, model::writeWatchdogSeconds),
                FAILSAFE_CURRENT, new Holding(model::failsafeDeciAmpere, model::writeFailsafeDeciAmpere),
                UNLOCK, new Holding(() -> model.lockReleased() ? 1 : 0, model::writeUnlock));
        inputs(); // fails here if the serial number or firmware version does not fit its registers
    }

    /** Input registers 0..49 as one consistent snapshot. */
    int[] inputs() {
        synchronized (model) {
            model.tick();
            return new RegisterWords(INPUT_COUNT)
                    .u16(0, MODEL_CODE)
                    .u16(1, MAP_VERSION)
                    .ascii(2, 10, serialNumber)
                    .ascii(12, 8, firmwareVersion)
                    .u16(20, model.iecState().code())
                    .u16(21, model.status().code())
                    .u16(22, model.errorCode())
                    .u16(23, model.limitInForceDeciAmpere())
                    .u16(24, Math.round(model.currentAmpere(0) * 1000))
                    .u16(25, Math.round(model.currentAmpere(1) * 1000))
                    .u16(26, Math.round(model.currentAmpere(2) * 1000))
                    .u16(27, Math.round(model.voltageVolt(0) * 10))
                    .u16(28, Math.round(model.voltageVolt(1) * 10))
                    .u16(29, Math.round(model.voltageVolt(2) * 10))
                    .u32(30, Math.round(model.powerWatt()))
                    .u16(32, Math.round(model.powerWatt(0)))
                    .u16(33, Math.round(model.powerWatt(1)))
                    .u16(34, Math.round(model.powerWatt(2)))
                    .u32(35, (long) model.energyWattHour())
                    .u32(37, (long) model.sessionEnergyWattHour())
                    .s16(39, Math.round(model.temperatureCelsius() * 10))
                    .u32(40, model.rfid())
                    .ascii(42, 8, model.evccId())
                    .toArray();
        }
    }

    void observe(WriteObserver writes) {
        observer = writes;
    }

    Set<Integer> holdingAddresses() {
        return holdings.keySet();
    }

    int read(int address) {
        return holding(address).read().getAsInt();
    }

    /** Writes a holding register; false when the station refused the value and nothing changed. */
    boolean write(int address, int value) {
        boolean accepted = holding(address).write().test(value);
        if (accepted) {
            observer.written(address, value, System.nanoTime());
            LOG.debug("Simulated station {}: register {} := {}", serialNumber, address, value);
        } else {
            LOG.info("Simulated station {}: refused value {} for register {}", serialNumber, value, address);
        }
        return accepted;
    }

    private Holding holding(int address) {
        Holding holding = holdings.get(address);
        if (holding == null) {
            throw new IllegalArgumentException("no holding register " + address);
        }
        return holding;
    }

    private record Holding(IntSupplier read, IntPredicate write) {
    }
}
