package org.echarge.driver.schneider.internal;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;

/**
 * A {@link SchneiderStation} as a j2mod process image. Function 3 and 4 read the same registers (the
 * sources show both in use). j2mod asks for a register range for function 3 and 16 alike and then sets a
 * function-16 request register by register; the range hands the whole request to the station once its last
 * register is set. Refused reads and writes are exception 2 (j2mod turns {@link IllegalAddressException}
 * into that).
 */
final class SchneiderStationImage extends SimpleProcessImage {

    private final SchneiderStation station;

    SchneiderStationImage(int unitId, SchneiderStation station) {
        super(unitId);
        this.station = station;
    }

    @Override
    public Register[] getRegisterRange(int ref, int count) {
        int[] words;
        try {
            words = station.read(ref, count); // all words from one moment
        } catch (IllegalArgumentException e) {
            throw new IllegalAddressException(e.getMessage());
        }
        Request request = new Request(ref, words.length);
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new Cell(request, i, words[i]);
        }
        return registers;
    }

    /** Function 6: a request of one register. */
    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public InputRegister[] getInputRegisterRange(int ref, int count) {
        return getRegisterRange(ref, count);
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getRegister(ref);
    }

    @Override
    public int getRegisterCount() {
        return 0x10000;
    }

    @Override
    public int getInputRegisterCount() {
        return 0x10000;
    }

    /** The registers of one write request, collected until the last one is set. */
    private final class Request {
        private final int address;
        private final int[] written;
        private final boolean[] set;

        Request(int address, int count) {
            this.address = address;
            this.written = new int[count];
            this.set = new boolean[count];
        }

        void set(int index, int value) {
            written[index] = value;
            set[index] = true;
            for (boolean done : set) {
                if (!done) {
                    return;
                }
            }
            if (!station.write(address, written.clone())) {
                throw new IllegalAddressException("the station refuses writing " + written.length + " at " + address);
            }
        }
    }

    /** One register of a request: the value read, or the value written (j2mod echoes it after function 6). */
    private static final class Cell implements Register {
        private final Request request;
        private final int index;
        private int value;

        Cell(Request request, int index, int value) {
            this.request = request;
            this.index = index;
            this.value = value;
        }

        @Override
        public void setValue(int newValue) {
            value = newValue & 0xFFFF;
            request.set(index, value);
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
}
