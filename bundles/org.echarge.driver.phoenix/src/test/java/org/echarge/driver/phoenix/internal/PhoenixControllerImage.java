package org.echarge.driver.phoenix.internal;

import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;

/**
 * A {@link PhoenixController} as a j2mod process image: input registers (function 4), holding registers
 * (3, 6, 16) and coils (1, 5). Refused reads and writes are exception 2: j2mod turns
 * {@link IllegalAddressException} into that and cannot answer 3, which a real controller may use for a
 * value out of range.
 */
final class PhoenixControllerImage extends SimpleProcessImage {

    private final PhoenixController controller;

    PhoenixControllerImage(PhoenixController controller) {
        super(PhoenixController.UNIT_ID);
        this.controller = controller;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int ref, int count) {
        int[] words = call(() -> controller.readInput(ref, count));
        InputRegister[] registers = new InputRegister[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new SimpleInputRegister(words[i]);
        }
        return registers;
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getInputRegisterRange(ref, 1)[0];
    }

    @Override
    public Register[] getRegisterRange(int ref, int count) {
        int[] words = call(() -> controller.readHolding(ref, count));
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new Cell(ref + i, words[i]);
        }
        return registers;
    }

    /** Function 6 asks for the register, then sets it. */
    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int ref, int count) {
        DigitalOut[] coils = new DigitalOut[count];
        for (int i = 0; i < count; i++) {
            coils[i] = getDigitalOut(ref + i);
        }
        return coils;
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        Boolean value = controller.readCoil(ref);
        if (value == null) {
            throw new IllegalAddressException("no coil " + ref);
        }
        return new Coil(ref, value);
    }

    @Override
    public int getRegisterCount() {
        return 0x10000;
    }

    @Override
    public int getInputRegisterCount() {
        return 0x10000;
    }

    @Override
    public int getDigitalOutCount() {
        return 0x10000;
    }

    private static int[] call(java.util.function.Supplier<int[]> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalAddressException(e.getMessage());
        }
    }

    /** One holding register: the value read, or the value written (j2mod echoes it after function 6). */
    private final class Cell implements Register {
        private final int address;
        private int value;

        Cell(int address, int value) {
            this.address = address;
            this.value = value;
        }

        @Override
        public void setValue(int newValue) {
            if (!controller.writeHolding(address, newValue & 0xFFFF)) {
                throw new IllegalAddressException("the controller refuses " + (newValue & 0xFFFF) + " at " + address);
            }
            value = newValue & 0xFFFF;
        }

        @Override
        public void setValue(short newValue) {
            setValue(newValue & 0xFFFF);
        }

        @Override
        public void setValue(byte[] bytes) {
            setValue(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
        }

        @Override
        public int getValue() {
            return value;
        }

        @Override
        public int toUnsignedShort() {
            return value;
        }

        @Override
        public short toShort() {
            return (short) value;
        }

        @Override
        public byte[] toBytes() {
            return new byte[] {(byte) (value >>> 8), (byte) value};
        }
    }

    /** One coil: function 1 reads it, function 5 sets it. */
    private final class Coil implements DigitalOut {
        private final int address;
        private boolean value;

        Coil(int address, boolean value) {
            this.address = address;
            this.value = value;
        }

        @Override
        public boolean isSet() {
            return value;
        }

        @Override
        public void set(boolean newValue) {
            if (!controller.writeCoil(address, newValue)) {
                throw new IllegalAddressException("no coil " + address);
            }
            value = newValue;
        }
    }
}
