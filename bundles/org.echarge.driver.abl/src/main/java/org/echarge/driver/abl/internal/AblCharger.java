package org.echarge.driver.abl.internal;

import static org.echarge.driver.abl.internal.AblRegisters.*;

import java.time.Clock;
import java.util.List;

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
 * One ABL eMH1 / eMH2 on the RS485 line. The setpoint and the pause share register 0x0014 (duty cycle, or
 * 1000 for "no charging"); the driver keeps what it commanded and writes it again when the box lost it
 * (restart). Not thread-safe: the runtime calls it from one thread at a time.
 */
final class AblCharger implements Charger {

    /** 0x0005: leave E0 for A1 (evcc, after the box woke up or restarted). */
    static final int ENABLE_OUTLET = 0xA1A1;

    private static final Logger LOG = LoggerFactory.getLogger(AblCharger.class);

    private final ModbusClient modbus;
    private final Clock clock;
    private AblIdentity identity;
    /** The duty cycles the box may take, from the last read of the current block. */
    private int maxDuty = AblDutyCycle.MAX;
    private double requestedAmpere;
    private boolean paused;
    /** What 0x0014 should hold, once the gateway wrote it. */
    private Integer commandedDuty;

    AblCharger(ModbusClient modbus, Clock clock) {
        this.modbus = modbus;
        this.clock = clock;
        this.requestedAmpere = model().minCurrentAmpere();
    }

    @Override
    public ChargerModel model() {
        return AblChargerDriver.MODEL;
    }

    @Override
    public ChargerSnapshot poll() throws DeviceException {
        AblIdentity box = identity();
        AblStatusReport report = AblStatusReport.of(read(STATUS_REPORT));
        AblCurrentSettings current = currentSettings(read(CURRENT_SETTINGS));
        ChargerSnapshot.Builder snapshot = ChargerSnapshot.builder(clock.instant(),
                AblStates.map(report.state(), report.reduced()))
                .vehicle(AblStates.vehicleConnected(report.state(), report.ucp()), AblStates.charging(report.state()))
                .setpointAmpere(current.inForceAmpere())
                .identity(box.serialNumber(), box.firmware())
                .errorCodes(AblStates.error(report.state()) ? List.of((long) report.state()) : List.of());
        if (box.currentSensors()) {
            snapshot.currentAmpere(PhaseValues.of(report.currentL1(), report.currentL2(), report.currentL3()));
        }
        if (commandedDuty != null && current.presetDuty() != commandedDuty) {
            LOG.warn("ABL {}: 0x0014 holds {} instead of the {} written (the box restarted?); writing it again",
                    name(box), current.presetDuty(), commandedDuty);
            write(SET_CURRENT, commandedDuty);
        }
        if (report.state() == AblStates.OUTLET_DISABLED) {
            // the box comes up in E0 after power-up and stays there until told (evcc does the same)
            LOG.info("ABL {}: outlet disabled (E0); enabling it", name(box));
            write(MODIFY_STATE, ENABLE_OUTLET);
        }
        return snapshot.build();
    }

    /**
     * Writes the duty cycle of the current, at most the box's limit (0x0010/0x0011), or 1000 for 0 A and
     * while paused (then the current is kept for the resume).
     */
    @Override
    public void setCurrentLimit(double currentAmpere) throws DeviceException {
        ChargerModel model = model();
        if (!(currentAmpere == 0 || currentAmpere >= model.minCurrentAmpere()
                && currentAmpere <= model.maxCurrentAmpere())) {
            throw new IllegalArgumentException("an ABL eMH takes 0 or " + model.minCurrentAmpere() + ".."
                    + model.maxCurrentAmpere() + " A, not " + currentAmpere);
        }
        requestedAmpere = currentAmpere;
        command();
    }

    /** 0x0014 = 1000 stops the PWM (state B1); resuming writes the last current again (6 A if none was set). */
    @Override
    public void setPaused(boolean paused) throws DeviceException {
        this.paused = paused;
        command();
    }

    @Override
    public void setSessionActive(boolean active) throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED,
                "an ABL eMH starts a session when the car is plugged in; pause it instead");
    }

    @Override
    public void unlock() throws DeviceException {
        throw new DeviceException(Kind.NOT_SUPPORTED, "an ABL eMH has no unlock command on Modbus");
    }

    @Override
    public void close() {
        modbus.close();
    }

    /** Also when the write fails, the next poll finds 0x0014 differing from the command and writes it again. */
    private void command() throws DeviceException {
        identity();
        commandedDuty = paused || requestedAmpere == 0 ? AblDutyCycle.NO_CHARGING
                : Math.min(AblDutyCycle.of(requestedAmpere), maxDuty);
        write(SET_CURRENT, commandedDuty);
    }

    /**
     * Checked once per connection (again after the box was unreachable), before any write: the identification
     * and current blocks must be answered, each starting with its own address as ABL boxes do.
     */
    private AblIdentity identity() throws DeviceException {
        if (identity != null) {
            return identity;
        }
        int[] identification = identifying(IDENTIFICATION);
        currentSettings(identifying(CURRENT_SETTINGS));
        AblIdentity box = AblIdentity.of(identification, serialNumber());
        LOG.info("ABL eMH serial {}, identification {}, {}, limit {} A", box.serialNumber(), box.firmware(),
                box.currentSensors() ? "current sensors fitted" : "no current sensors", AblDutyCycle.ampere(maxDuty));
        identity = box;
        return box;
    }

    /** A block read for the identity check: an exception response or a block without its address is another device. */
    private int[] identifying(AblRegisters register) throws DeviceException {
        int[] words;
        try {
            words = request(register);
        } catch (ModbusException e) {
            if (e.exceptionCode() == 0) {
                throw e;
            }
            throw new DeviceException(Kind.WRONG_DEVICE, "no ABL eMH: " + e.getMessage());
        }
        if (!echoed(register, words)) {
            throw new DeviceException(Kind.WRONG_DEVICE, String.format("no ABL eMH: %s starts with 0x%02X, an ABL"
                    + " box puts the block's address there", register, words[0] >>> 8));
        }
        return words;
    }

    /** The serial number is read once; a box that does not tell it still works [?]. */
    private String serialNumber() throws DeviceException {
        try {
            return AblIdentity.serialNumber(request(SERIAL_NUMBER));
        } catch (ModbusException e) {
            LOG.info("ABL: no serial number at {}: {}", SERIAL_NUMBER, e.getMessage());
            return null;
        }
    }

    private AblCurrentSettings currentSettings(int[] words) {
        AblCurrentSettings current = AblCurrentSettings.of(words);
        maxDuty = current.maxDuty();
        return current;
    }

    /** A block read in a poll; a block without its address is a garbled answer. */
    private int[] read(AblRegisters register) throws ModbusException {
        int[] words = request(register);
        if (!echoed(register, words)) {
            throw new ModbusException(Kind.COMMUNICATION, String.format("ABL: implausible answer reading %s: it"
                    + " starts with 0x%02X instead of its address", register, words[0] >>> 8));
        }
        return words;
    }

    private static boolean echoed(AblRegisters register, int[] words) {
        return !register.echoesAddress() || words[0] >>> 8 == register.address();
    }

    private int[] request(AblRegisters register) throws ModbusException {
        return twice(() -> modbus.readHoldingRegisters(register.address(), register.count()), "reading " + register);
    }

    /** One register with function 16; writes are idempotent, so sending one twice does no harm. */
    private void write(AblRegisters register, int value) throws ModbusException {
        twice(() -> {
            modbus.writeRegisters(register.address(), value);
            return null;
        }, "writing " + value + " to " + register);
    }

    @FunctionalInterface
    private interface Exchange<T> {
        T run() throws ModbusException;
    }

    /**
     * A request that gets no answer is sent once more: the box's interface sleeps after some idle time and
     * misses the first request after it (knowhow; evcc sends every request twice).
     */
    private <T> T twice(Exchange<T> exchange, String what) throws ModbusException {
        try {
            try {
                return exchange.run();
            } catch (ModbusException e) {
                if (e.kind() != Kind.NOT_REACHABLE) {
                    throw e;
                }
                return exchange.run();
            }
        } catch (ModbusException e) {
            throw failed(e, what);
        }
    }

    private ModbusException failed(ModbusException e, String what) {
        if (e.kind() == Kind.NOT_REACHABLE) {
            identity = null; // whoever answers after the outage is checked again
        }
        LOG.debug("ABL {}: {}", what, e.getMessage());
        return new ModbusException(e.kind(), "ABL " + what + ": " + e.getMessage(), e.exceptionCode());
    }

    private static String name(AblIdentity box) {
        return box.serialNumber() == null ? "eMH" : box.serialNumber();
    }
}
