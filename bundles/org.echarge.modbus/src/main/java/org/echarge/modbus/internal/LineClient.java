package org.echarge.modbus.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.echarge.api.DeviceException.Kind;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;

import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteCoilResponse;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** A client of one unit id on a shared line. */
final class LineClient implements ModbusClient {

    private final ModbusLine line;
    private final int unitId;
    private final ModbusOptions options;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    LineClient(ModbusLine line, int unitId, ModbusOptions options, Runnable onClose) {
        this.line = line;
        this.unitId = unitId;
        this.options = options;
        this.onClose = onClose;
    }

    @Override
    public int[] readHoldingRegisters(int address, int count) throws ModbusException {
        checkRange(address, count, 125);
        ModbusResponse response = execute(new ReadMultipleRegistersRequest(address, count));
        if (!(response instanceof ReadMultipleRegistersResponse read) || read.getWordCount() != count) {
            throw implausible("holding registers", address, count);
        }
        return words(read.getRegisters());
    }

    @Override
    public int[] readInputRegisters(int address, int count) throws ModbusException {
        checkRange(address, count, 125);
        ModbusResponse response = execute(new ReadInputRegistersRequest(address, count));
        if (!(response instanceof ReadInputRegistersResponse read) || read.getWordCount() != count) {
            throw implausible("input registers", address, count);
        }
        return words(read.getRegisters());
    }

    @Override
    public void writeRegister(int address, int value) throws ModbusException {
        checkRange(address, 1, 1);
        execute(new WriteSingleRegisterRequest(address, new SimpleRegister(checkWord(value))));
    }

    @Override
    public void writeRegisters(int address, int... values) throws ModbusException {
        checkRange(address, values.length, 123);
        Register[] registers = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            registers[i] = new SimpleRegister(checkWord(values[i]));
        }
        execute(new WriteMultipleRegistersRequest(address, registers));
    }

    @Override
    public boolean[] readCoils(int address, int count) throws ModbusException {
        checkRange(address, count, 2000);
        ModbusResponse response = execute(new ReadCoilsRequest(address, count));
        if (!(response instanceof ReadCoilsResponse read) || read.getBitCount() < count) {
            throw implausible("coils", address, count);
        }
        boolean[] coils = new boolean[count];
        for (int i = 0; i < count; i++) {
            coils[i] = read.getCoilStatus(i);
        }
        return coils;
    }

    @Override
    public void writeCoil(int address, boolean value) throws ModbusException {
        checkRange(address, 1, 1);
        ModbusResponse response = execute(new WriteCoilRequest(address, value));
        if (!(response instanceof WriteCoilResponse written) || written.getCoil() != value) {
            throw new ModbusException(Kind.COMMUNICATION, line.name() + " unit " + unitId
                    + ": implausible answer writing coil " + address);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    private ModbusResponse execute(ModbusRequest request) throws ModbusException {
        if (closed.get()) {
            throw new ModbusException(Kind.NOT_REACHABLE, line.name() + " unit " + unitId + ": client closed");
        }
        request.setUnitID(unitId);
        return line.execute(request, options);
    }

    private ModbusException implausible(String what, int address, int count) {
        return new ModbusException(Kind.COMMUNICATION,
                line.name() + " unit " + unitId + ": implausible answer reading " + count + " " + what + " at " + address);
    }

    private static int[] words(InputRegister[] registers) {
        int[] words = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return words;
    }

    private static void checkRange(int address, int count, int maxCount) {
        if (address < 0 || address > 0xFFFF || count < 1 || count > maxCount || address + count > 0x10000) {
            throw new IllegalArgumentException("register range " + address + "+" + count + " is not valid Modbus");
        }
    }

    private static int checkWord(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("register value " + value + " is not a 16-bit word");
        }
        return value;
    }
}
