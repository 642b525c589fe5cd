package org.echarge.driver.keba.internal;

import java.util.ArrayList;
import java.util.List;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * A {@link KebaStation} as a j2mod process image. Function 3 must read exactly one u32 at its own
 * address, function 6 must write a write register; anything else, and a refused value, is answered
 * with exception 2 (j2mod turns {@link IllegalAddressException} into that and cannot answer 3).
 * Records when each request arrived, so tests can check the gateway's pace.
 */
final class KebaStationImage extends SimpleProcessImage {

    private final KebaStation station;
    private final List<Long> arrivalNanos = new ArrayList<>();

    KebaStationImage(int unitId, KebaStation station) {
        super(unitId);
        this.station = station;
    }

    @Override
    public Register[] getRegisterRange(int ref, int count) {
        arrived();
        if (count != 2 || !KebaStation.READABLE.contains(ref)) {
            throw new IllegalAddressException();
        }
        long value = station.read(ref); // both words from one moment
        return new Register[] {new SimpleRegister((int) (value >>> 16)), new SimpleRegister((int) (value & 0xFFFF))};
    }

    @Override
    public Register getRegister(int ref) {
        arrived();
        if (!KebaStation.WRITABLE.contains(ref)) {
            throw new IllegalAddressException();
        }
        return new WriteRegister(ref, station);
    }

    @Override
    public int getRegisterCount() {
        return 0x10000;
    }

    /** KEBA has no input registers. */
    @Override
    public InputRegister[] getInputRegisterRange(int ref, int count) {
        arrived();
        throw new IllegalAddressException();
    }

    synchronized List<Long> arrivalNanos() {
        return List.copyOf(arrivalNanos);
    }

    private synchronized void arrived() {
        arrivalNanos.add(System.nanoTime());
    }

    /** A write-only register; j2mod echoes {@link #getValue()} after function 6. */
    private static final class WriteRegister implements Register {
        private final int address;
        private final KebaStation station;
        private int written;

        WriteRegister(int address, KebaStation station) {
            this.address = address;
            this.station = station;
        }

        @Override
        public void setValue(int value) {
            if (!station.write(address, value & 0xFFFF)) {
                throw new IllegalAddressException();
            }
            written = value & 0xFFFF;
        }

        @Override
        public void setValue(short value) {
            setValue(value & 0xFFFF);
        }

        @Override
        public void setValue(byte[] bytes) {
            setValue(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
        }

        @Override
        public int getValue() {
            return written;
        }

        @Override
        public int toUnsignedShort() {
            return written;
        }

        @Override
        public short toShort() {
            return (short) written;
        }

        @Override
        public byte[] toBytes() {
            return new byte[] {(byte) (written >>> 8), (byte) written};
        }
    }
}
