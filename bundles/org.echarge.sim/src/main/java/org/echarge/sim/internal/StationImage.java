package org.echarge.sim.internal;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;

/**
 * {@link StationRegisters} as a j2mod process image. Addresses outside the map make j2mod answer
 * exception 2 (it turns {@link IllegalAddressException} into that; it has no way to answer 3).
 */
final class StationImage extends SimpleProcessImage {

    private final StationRegisters registers;

    StationImage(int unitId, StationRegisters registers) {
        super(unitId);
        this.registers = registers;
        for (int address : registers.holdingAddresses()) {
            addRegister(address, new HoldingRegister(address, registers)); // gaps stay null: exception 2
        }
    }

    /** One snapshot per request, so that a u32 never mixes words of two moments. */
    @Override
    public InputRegister[] getInputRegisterRange(int ref, int count) {
        if (ref < 0 || count < 1 || ref + count > StationRegisters.INPUT_COUNT) {
            throw new IllegalAddressException();
        }
        int[] words = registers.inputs();
        InputRegister[] range = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            range[i] = new SimpleInputRegister(words[ref + i]);
        }
        return range;
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getInputRegisterRange(ref, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return StationRegisters.INPUT_COUNT;
    }

    /**
     * A holding register backed by the model. j2mod echoes {@link #getValue()} after a write of
     * function 6, so a refused value shows in the echo as the unchanged register value.
     */
    private record HoldingRegister(int address, StationRegisters registers) implements Register {

        @Override
        public int getValue() {
            return registers.read(address);
        }

        @Override
        public int toUnsignedShort() {
            return getValue();
        }

        @Override
        public short toShort() {
            return (short) getValue();
        }

        @Override
        public byte[] toBytes() {
            int value = getValue();
            return new byte[] {(byte) (value >>> 8), (byte) value};
        }

        @Override
        public void setValue(int value) {
            registers.write(address, value & 0xFFFF);
        }

        @Override
        public void setValue(short value) {
            setValue(value & 0xFFFF);
        }

        @Override
        public void setValue(byte[] bytes) {
            setValue(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
        }
    }
}
