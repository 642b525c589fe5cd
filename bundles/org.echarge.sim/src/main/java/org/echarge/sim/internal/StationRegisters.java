package org.echarge.sim.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * The SIM-1 register map (README.md) over a {@link StationModel}, as a j2mod process image.
 * Input registers are refreshed from the model by {@link #refresh()}; writes to holding
 * registers go to the model at once. Addresses outside the map answer exception 2.
 */
final class StationRegisters {

    static final int MODEL_CODE = 0xEC01;
    static final int INPUT_COUNT = 50;
    static final int LIMIT = 100, ENABLE = 101, WATCHDOG = 102, FAILSAFE = 103, UNLOCK = 104;
    private static final Logger LOG = LoggerFactory.getLogger(StationRegisters.class);

    private final StationModel model;
    private final String serialNumber;
    private final String firmwareVersion;
    private final SimpleProcessImage image;
    private final SimpleInputRegister[] inputs = new SimpleInputRegister[INPUT_COUNT];

    StationRegisters(StationModel model, int unitId, String serialNumber, String firmwareVersion) {
        this.model = model;
        this.serialNumber = serialNumber;
        this.firmwareVersion = firmwareVersion;
        this.image = new SimpleProcessImage(unitId);
        for (int i = 0; i < INPUT_COUNT; i++) {
            inputs[i] = new SimpleInputRegister(0);
            image.addInputRegister(i, inputs[i]);
        }
        image.addRegister(LIMIT, new WritableRegister(model.limitDeciAmpere(), model::writeLimit));
        image.addRegister(ENABLE, new WritableRegister(1, value -> set(value == 1, model::setEnabled, value <= 1)));
        image.addRegister(WATCHDOG, new WritableRegister(model.watchdogSeconds(), value -> {
            model.setWatchdogSeconds(value);
            return true;
        }));
        image.addRegister(FAILSAFE, new WritableRegister(model.failsafeDeciAmpere(), model::setFailsafeDeciAmpere));
        image.addRegister(UNLOCK, new WritableRegister(0, value -> value == 1 && model.unlock()));
        refresh();
    }

    SimpleProcessImage image() {
        return image;
    }

    /** Copies the model's present values into the input registers. */
    void refresh() {
        int[] words = new int[INPUT_COUNT];
        words[0] = MODEL_CODE;
        words[1] = 1;
        ascii(words, 2, 10, serialNumber);
        ascii(words, 12, 8, firmwareVersion);
        words[20] = model.iecState();
        words[21] = model.status();
        words[23] = (int) Math.round(model.limitInForceAmpere() * 10);
        for (int phase = 0; phase < 3; phase++) {
            words[24 + phase] = (int) Math.round(model.currentAmpere(phase) * 1000);
            words[27 + phase] = (int) Math.round(model.voltage(phase) * 10);
            words[32 + phase] = (int) Math.round(model.powerWatt(phase));
        }
        u32(words, 30, Math.round(model.powerWatt(0) + model.powerWatt(1) + model.powerWatt(2)));
        u32(words, 35, (long) model.energyWattHour());
        u32(words, 37, (long) model.sessionEnergyWattHour());
        words[39] = ((int) Math.round(model.temperatureCelsius() * 10)) & 0xFFFF;
        Vehicle vehicle = model.vehicle();
        u32(words, 40, vehicle == null ? 0 : vehicle.rfid());
        ascii(words, 42, 8, vehicle == null ? "" : vehicle.evccId());
        for (int i = 0; i < INPUT_COUNT; i++) {
            inputs[i].setValue(words[i]);
        }
    }

    private static boolean set(boolean flag, java.util.function.Consumer<Boolean> target, boolean valid) {
        if (valid) {
            target.accept(flag);
        }
        return valid;
    }

    private static void u32(int[] words, int address, long value) {
        words[address] = (int) ((value >>> 16) & 0xFFFF);
        words[address + 1] = (int) (value & 0xFFFF);
    }

    private static void ascii(int[] words, int address, int count, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            int high = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
            int low = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
            words[address + i] = (high << 8) | low;
        }
    }

    /**
     * A holding register whose writes go to the model. j2mod cannot answer a write with exception
     * 3, so a value the station refuses is ignored: the register keeps its previous value, and a
     * read-back shows that the write did not take.
     */
    private final class WritableRegister extends SimpleRegister {

        private final IntPredicate target;

        WritableRegister(int initial, IntPredicate target) {
            super((byte) (initial >>> 8), (byte) initial); // SimpleRegister(int) would call the override
            this.target = target;
        }

        @Override
        public synchronized void setValue(int value) {
            int word = value & 0xFFFF;
            if (target.test(word)) {
                super.setValue(word);
                LOG.debug("register {} := {}", this, word);
            } else {
                LOG.info("SIM-1 {}: refused value {} for a holding register", serialNumber, word);
            }
            refresh();
        }

        @Override
        public void setValue(short value) {
            setValue((int) value);
        }

        @Override
        public void setValue(byte[] bytes) {
            setValue(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
        }
    }
}
