package org.echarge.meter.internal;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * A {@link RegisterImage} as a j2mod process image: a read that touches a register the image does not hold
 * is answered with exception 2 (illegal data address), as a meter does.
 */
final class MeterImage extends SimpleProcessImage {

    final RegisterImage registers = new RegisterImage();

    MeterImage(int unitId) {
        super(unitId);
    }

    @Override
    public synchronized Register[] getRegisterRange(int ref, int count) {
        int[] words = registers.read(FunctionCode.READ_HOLDING_REGISTERS, ref, count)
                .orElseThrow(IllegalAddressException::new);
        Register[] result = new Register[count];
        for (int i = 0; i < count; i++) {
            result[i] = new SimpleRegister(words[i]);
        }
        return result;
    }

    @Override
    public synchronized InputRegister[] getInputRegisterRange(int ref, int count) {
        int[] words = registers.read(FunctionCode.READ_INPUT_REGISTERS, ref, count)
                .orElseThrow(IllegalAddressException::new);
        InputRegister[] result = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            result[i] = new SimpleInputRegister(words[i]);
        }
        return result;
    }

    @Override
    public int getRegisterCount() {
        return 0x10000;
    }

    @Override
    public int getInputRegisterCount() {
        return 0x10000;
    }
}
