package org.echarge.testsupport;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;

/**
 * A simulated station's registers as a j2mod process image that sees whole requests. j2mod asks for
 * a register range for function 3 and 16 alike and then sets a function-16 request register by
 * register; the range here hands the whole request to the station once its last register is set, so
 * a station can judge a multi-register value (a float32, a string) as the one write it is. Refused
 * reads and writes are exception 2 (j2mod turns {@link IllegalAddressException} into that and cannot
 * answer 3). An exception other than that leaves j2mod's connection handler, which closes the socket.
 */
public final class WholeRequestImage extends SimpleProcessImage {

    /** A read of a range: all words from one moment; IllegalArgumentException refuses it. */
    public interface Reads {
        int[] read(int address, int count);
    }

    /** A whole write request: false refuses it. */
    public interface Writes {
        boolean write(int address, int[] words);
    }

    private final Reads reads;
    private final Writes writes;
    private final boolean inputRegisters;

    /**
     * @param inputRegisters function 4 reads the same registers as function 3 (true) or is refused,
     *     for stations with holding registers only (false)
     */
    public WholeRequestImage(int unitId, Reads reads, Writes writes, boolean inputRegisters) {
        super(unitId);
        this.reads = reads;
        this.writes = writes;
        this.inputRegisters = inputRegisters;
    }

    @Override
    public Register[] getRegisterRange(int ref, int count) {
        int[] words;
        try {
            words = reads.read(ref, count);
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
    public int getRegisterCount() {
        return 0x10000;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int ref, int count) {
        if (!inputRegisters) {
            throw new IllegalAddressException();
        }
        return getRegisterRange(ref, count);
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getInputRegisterRange(ref, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return inputRegisters ? 0x10000 : 0;
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
            if (!writes.write(address, written.clone())) {
                throw new IllegalAddressException("refused: writing " + written.length + " at " + address);
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
