package org.echarge.meter.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterModel;
import org.echarge.api.meter.MeterReading;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusException;

/**
 * One meter read through its {@link RegisterMap}: one request per block, the identity checked once per
 * connection (again after the meter was unreachable: it may have been replaced). Not thread-safe: the
 * charging point reads it from one thread at a time.
 */
final class ModbusMeter implements ElectricityMeter {

    private final MeterModel model;
    private final RegisterMap map;
    private final List<RegisterBlock> blocks;
    private final ModbusClient modbus;
    private final Clock clock;
    private boolean identified;

    ModbusMeter(MeterModel model, RegisterMap map, ModbusClient modbus, Clock clock) {
        this.model = model;
        this.map = map;
        this.blocks = map.blocks();
        this.modbus = modbus;
        this.clock = clock;
    }

    @Override
    public MeterModel model() {
        return model;
    }

    @Override
    public MeterReading read() throws DeviceException {
        identify();
        MeterValues values = new MeterValues();
        for (RegisterBlock block : blocks) {
            int[] words = request(block.start(), block.count(), block.toString());
            for (MeterRegister register : block.registers()) {
                try {
                    values.put(register.quantity(), register.decode(words, register.address() - block.start()));
                } catch (DeviceException e) {
                    throw new DeviceException(e.kind(), prefix() + e.getMessage());
                }
            }
        }
        return values.reading(clock.instant());
    }

    @Override
    public void close() {
        modbus.close();
    }

    private void identify() throws DeviceException {
        Optional<IdentityCheck> check = map.identity();
        if (identified || check.isEmpty()) {
            return;
        }
        int[] words = request(check.get().address(), check.get().count(), check.get().toString());
        Optional<String> mismatch = check.get().mismatch().apply(words);
        if (mismatch.isPresent()) {
            throw new DeviceException(Kind.WRONG_DEVICE, prefix() + mismatch.get());
        }
        identified = true;
    }

    private int[] request(int address, int count, String what) throws ModbusException {
        int[] words;
        try {
            words = map.functionCode().read(modbus, address, count);
        } catch (ModbusException e) {
            if (e.kind() == Kind.NOT_REACHABLE) {
                identified = false; // whoever answers after the outage is checked again
            }
            throw new ModbusException(e.kind(), prefix() + "reading " + what + ": " + e.getMessage(),
                    e.exceptionCode());
        }
        if (words == null || words.length != count) {
            throw new ModbusException(Kind.COMMUNICATION, prefix() + "reading " + what + ": answered "
                    + (words == null ? 0 : words.length) + " registers instead of " + count);
        }
        return words;
    }

    private String prefix() {
        return model.manufacturer() + " " + model.name() + ": ";
    }
}
